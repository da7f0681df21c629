package io.ticketdesk.domain.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2024-01-01T10:00:00Z");

    @Test
    void aFirstLoginMakesAnActiveUserFromTheTelegramProfile() {
        UUID id = UUID.randomUUID();
        User user = User.firstLogin(id, new TelegramIdentity(42, "Ann", "Lee", "ann_lee", "en"), Role.USER, NOW);

        assertEquals(new User(id, 42, "ann_lee", "Ann", "Lee", "en", Role.USER, true, NOW, NOW), user);
    }

    @Test
    void aBlockedUserIsRefusedAndAnActiveOneIsNot() {
        User active = User.firstLogin(UUID.randomUUID(), new TelegramIdentity(42, "Ann", null, null, null), Role.USER, NOW);
        User blocked = new User(active.id(), 42, null, "Ann", null, null, Role.USER, false, NOW, NOW);

        assertSame(active, active.requireActive());
        assertEquals("user.blocked", assertThrows(UserBlockedException.class, blocked::requireActive).code());
    }

    @Test
    void editingTheProfileKeepsIdentityRoleAndCreationTime() {
        User user = User.firstLogin(UUID.randomUUID(), new TelegramIdentity(42, "Ann", null, null, null), Role.HELPER, NOW);
        Instant later = NOW.plusSeconds(60);

        User edited = user.withProfile("Anna", "Lee", "anna", later);

        assertEquals(new User(user.id(), 42, "anna", "Anna", "Lee", null, Role.HELPER, true, NOW, later), edited);
    }
}
