package io.ticketdesk.domain.users;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UserAdministrationTest {

    private static final Instant THEN = Instant.parse("2024-01-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2024-02-01T10:00:00Z");

    private static User person(Role role, boolean active) {
        return new User(UUID.randomUUID(), 1 + (long) (Math.random() * 1e9), null, "P", null, null, role, active,
                THEN, THEN);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"USER", "HELPER"})
    void customersAndHelpersMayNotListPeople(Role role) {
        assertEquals("user.list.moderator_only", assertThrows(AccessDeniedException.class,
                () -> UserAdministration.requireMayList(person(role, true))).code());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MODERATOR", "ADMIN"})
    void moderatorsAndAdminsMayListPeople(Role role) {
        assertDoesNotThrow(() -> UserAdministration.requireMayList(person(role, true)));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"USER", "HELPER", "MODERATOR"})
    void onlyAnAdminChangesRolesAndBlocks(Role role) {
        User actor = person(role, true);
        User target = person(Role.USER, true);
        assertEquals("user.admin_only", assertThrows(AccessDeniedException.class,
                () -> UserAdministration.changeRole(actor, target, Role.HELPER, 1, NOW)).code());
        assertEquals("user.admin_only", assertThrows(AccessDeniedException.class,
                () -> UserAdministration.changeStatus(actor, target, false, 1, NOW)).code());
    }

    @Test
    void anAdminPromotesAndTheChangeIsStamped() {
        User admin = person(Role.ADMIN, true);
        User target = person(Role.USER, true);

        User promoted = UserAdministration.changeRole(admin, target, Role.HELPER, 1, NOW);

        assertEquals(target.withRole(Role.HELPER, NOW), promoted);
        assertEquals(NOW, promoted.updatedAt());
        assertEquals(THEN, promoted.createdAt());
    }

    @Test
    void theSameRoleAgainChangesNothing() {
        User admin = person(Role.ADMIN, true);
        assertSame(admin, UserAdministration.changeRole(admin, admin, Role.ADMIN, 1, NOW));
    }

    @Test
    void theLastActiveAdminCannotBeDemotedNotEvenByThemselves() {
        User admin = person(Role.ADMIN, true);
        assertEquals("user.last_admin", assertThrows(ConflictException.class,
                () -> UserAdministration.changeRole(admin, admin, Role.MODERATOR, 1, NOW)).code());
    }

    @Test
    void anAdminCanBeDemotedWhileAnotherActiveAdminRemains() {
        User admin = person(Role.ADMIN, true);
        User other = person(Role.ADMIN, true);
        assertEquals(Role.USER, UserAdministration.changeRole(admin, other, Role.USER, 2, NOW).role());
        assertEquals(Role.HELPER, UserAdministration.changeRole(admin, admin, Role.HELPER, 2, NOW).role());
    }

    @Test
    void aBlockedAdminDoesNotCountAndCanBeDemoted() {
        User admin = person(Role.ADMIN, true);
        User blockedAdmin = person(Role.ADMIN, false);
        assertEquals(Role.USER, UserAdministration.changeRole(admin, blockedAdmin, Role.USER, 1, NOW).role());
    }

    @Test
    void nobodyBlocksThemselves() {
        User admin = person(Role.ADMIN, true);
        assertEquals("user.self_block", assertThrows(ConflictException.class,
                () -> UserAdministration.changeStatus(admin, admin, false, 5, NOW)).code());
    }

    @Test
    void theLastActiveAdminCannotBeBlocked() {
        User admin = person(Role.ADMIN, true);
        User otherAdmin = person(Role.ADMIN, true);
        // a stale count of 1 (the other one was demoted meanwhile) must refuse
        assertEquals("user.last_admin", assertThrows(ConflictException.class,
                () -> UserAdministration.changeStatus(admin, otherAdmin, false, 1, NOW)).code());
        assertEquals(false, UserAdministration.changeStatus(admin, otherAdmin, false, 2, NOW).active());
    }

    @Test
    void blockingAndUnblockingSomeoneElse() {
        User admin = person(Role.ADMIN, true);
        User customer = person(Role.USER, true);

        User blocked = UserAdministration.changeStatus(admin, customer, false, 1, NOW);
        assertEquals(customer.withActive(false, NOW), blocked);
        assertEquals(customer.withActive(true, NOW), UserAdministration.changeStatus(admin, blocked, true, 1, NOW));
        assertSame(blocked, UserAdministration.changeStatus(admin, blocked, false, 1, NOW));
    }

    @Test
    void unblockingOneselfIsANoOpNotAConflict() {
        User admin = person(Role.ADMIN, true);
        assertSame(admin, UserAdministration.changeStatus(admin, admin, true, 1, NOW));
    }
}
