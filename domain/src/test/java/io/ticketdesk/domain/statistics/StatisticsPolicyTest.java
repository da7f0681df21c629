package io.ticketdesk.domain.statistics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatisticsPolicyTest {

    private static User person(Role role) {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        return new User(UUID.randomUUID(), 7, null, "P", null, null, role, true, now, now);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"HELPER", "MODERATOR", "ADMIN"})
    void staffSeeStatistics(Role role) {
        assertDoesNotThrow(() -> StatisticsPolicy.requireMayView(person(role)));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"USER"})
    void customersDoNot(Role role) {
        assertEquals("statistics.staff_only",
                assertThrows(AccessDeniedException.class, () -> StatisticsPolicy.requireMayView(person(role))).code());
    }
}
