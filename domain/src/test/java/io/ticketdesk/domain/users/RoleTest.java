package io.ticketdesk.domain.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void rolesRankFromUserToAdmin() {
        assertEquals(List.of(Role.USER, Role.HELPER, Role.MODERATOR, Role.ADMIN), Arrays.asList(Role.values()));
        assertTrue(Role.ADMIN.atLeast(Role.MODERATOR));
        assertTrue(Role.HELPER.atLeast(Role.HELPER));
        assertFalse(Role.HELPER.atLeast(Role.MODERATOR));
    }

    @Test
    void staffMeansHelperAndUp() {
        assertFalse(Role.USER.isStaff());
        assertTrue(Role.HELPER.isStaff());
        assertTrue(Role.MODERATOR.isStaff());
        assertTrue(Role.ADMIN.isStaff());
    }
}
