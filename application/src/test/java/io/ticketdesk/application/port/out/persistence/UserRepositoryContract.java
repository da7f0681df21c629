package io.ticketdesk.application.port.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every UserRepository must do; run against the in-memory fake and against PostgreSQL. */
public abstract class UserRepositoryContract {

    private static final Instant FIRST = Instant.parse("2024-01-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2024-01-02T11:30:00.123456Z");

    protected abstract UserRepository repository();

    protected abstract User saveWithRoleAndStatus(User user);

    private static User newcomer(long telegramId, String firstName, Instant at) {
        return User.firstLogin(UUID.randomUUID(),
                new TelegramIdentity(telegramId, firstName, "Doe", "john_doe", "en"), Role.USER, at);
    }

    @Test
    void storesANewcomerAndFindsThemByBothIds() {
        User stored = repository().insertOrRefreshProfile(newcomer(1001, "John", FIRST));

        assertEquals(stored, repository().findById(stored.id()).orElseThrow());
        assertEquals(stored, repository().findByTelegramId(1001).orElseThrow());
        assertEquals(Role.USER, stored.role());
        assertTrue(stored.active());
        assertEquals(FIRST, stored.createdAt());
    }

    @Test
    void aLaterLoginRefreshesTheProfileButKeepsIdRoleAndStatus() {
        User first = repository().insertOrRefreshProfile(newcomer(1002, "John", FIRST));
        saveWithRoleAndStatus(new User(first.id(), first.telegramId(), first.username(), first.firstName(),
                first.lastName(), first.languageCode(), Role.MODERATOR, false, first.createdAt(), first.updatedAt()));

        User again = repository().insertOrRefreshProfile(User.firstLogin(UUID.randomUUID(),
                new TelegramIdentity(1002, "Иван", null, null, "ru"), Role.ADMIN, LATER));

        assertEquals(first.id(), again.id());
        assertEquals(Role.MODERATOR, again.role());
        assertEquals(false, again.active());
        assertEquals("Иван", again.firstName());
        assertEquals(null, again.lastName());
        assertEquals(null, again.username());
        assertEquals("ru", again.languageCode());
        assertEquals(FIRST, again.createdAt());
        assertEquals(LATER, again.updatedAt());
    }

    @Test
    void updatesTheProfileFieldsOnly() {
        User stored = repository().insertOrRefreshProfile(newcomer(1003, "John", FIRST));

        User edited = repository().updateProfile(stored.withProfile("Johnny", null, "johnny_b", LATER));

        assertEquals("Johnny", edited.firstName());
        assertEquals(null, edited.lastName());
        assertEquals("johnny_b", edited.username());
        assertEquals(LATER, edited.updatedAt());
        assertEquals(stored.role(), edited.role());
        assertEquals(edited, repository().findById(stored.id()).orElseThrow());
    }

    @Test
    void findsNobodyWhoWasNeverStored() {
        assertTrue(repository().findById(UUID.randomUUID()).isEmpty());
        assertTrue(repository().findByTelegramId(999_999).isEmpty());
    }

    @Test
    void writesRoleAndStatusButNotTheProfile() {
        User stored = repository().insertOrRefreshProfile(newcomer(1004, "John", FIRST));

        User changed = repository().updateRoleAndStatus(
                stored.withProfile("Ignored", null, null, FIRST).withRole(Role.HELPER, LATER).withActive(false, LATER));

        assertEquals(Role.HELPER, changed.role());
        assertEquals(false, changed.active());
        assertEquals(LATER, changed.updatedAt());
        assertEquals("John", changed.firstName());
        assertEquals("john_doe", changed.username());
        assertEquals(changed, repository().findById(stored.id()).orElseThrow());
    }

    @Test
    void countsActiveAdminsOnly() {
        long before = repository().lockAdministrationAndCountActiveAdmins();
        User admin = repository().insertOrRefreshProfile(newcomer(1005, "Admin", FIRST));
        User blockedAdmin = repository().insertOrRefreshProfile(newcomer(1006, "Blocked", FIRST));
        repository().insertOrRefreshProfile(newcomer(1007, "Moderator", FIRST));
        saveWithRoleAndStatus(admin.withRole(Role.ADMIN, FIRST));
        saveWithRoleAndStatus(blockedAdmin.withRole(Role.ADMIN, FIRST).withActive(false, FIRST));

        assertEquals(before + 1, repository().lockAdministrationAndCountActiveAdmins());
    }
}
