package io.ticketdesk.domain.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the manual status table (SPEC §3 and §4): for each kind of actor, each status a
 * ticket is in (row) and each status asked for (column, in the order OPEN, IN_PROGRESS,
 * WAITING_RESPONSE, RESOLVED, CLOSED): {@code =} no-op, {@code Y} allowed, {@code F} 403,
 * {@code C} 409, {@code N} 404.
 */
class TicketStatusTableTest {

    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    static final Map<String, String[]> TABLE = Map.of(
            "author (USER)", new String[] {
                    "=FFFY",
                    "F=FFY",
                    "FF=FY",
                    "YFF=Y",
                    "FCCC="},
            "another USER", new String[] {
                    "NNNNN",
                    "NNNNN",
                    "NNNNN",
                    "NNNNN",
                    "NNNNN"},
            "HELPER", new String[] {
                    "=YYYY",
                    "Y=YYY",
                    "YY=YY",
                    "YYY=Y",
                    "FCCC="},
            "MODERATOR", new String[] {
                    "=YYYY",
                    "Y=YYY",
                    "YY=YY",
                    "YYY=Y",
                    "YCCC="},
            "ADMIN", new String[] {
                    "=YYYY",
                    "Y=YYY",
                    "YY=YY",
                    "YYY=Y",
                    "YCCC="});

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        TicketStatus[] statuses = TicketStatus.values();
        TABLE.forEach((actor, rows) -> {
            for (int from = 0; from < statuses.length; from++) {
                for (int to = 0; to < statuses.length; to++) {
                    cells.add(Arguments.of(actor, statuses[from], statuses[to], rows[from].charAt(to)));
                }
            }
        });
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} is {3}")
    @MethodSource("cells")
    void manualStatusChange(String actorKind, TicketStatus from, TicketStatus to, char expected) {
        User author = user(Role.USER);
        Ticket ticket = TicketFixtures.inStatus(author, from);
        User actor = switch (actorKind) {
            case "author (USER)" -> author;
            case "another USER" -> user(Role.USER);
            default -> user(Role.valueOf(actorKind));
        };

        switch (expected) {
            case '=' -> {
                TicketUpdate update = ticket.changeStatus(actor, to, NOW);
                assertEquals(ticket, update.ticket());
                assertTrue(update.changes().isEmpty());
            }
            case 'Y' -> {
                TicketUpdate update = ticket.changeStatus(actor, to, NOW);
                assertEquals(to, update.ticket().status());
                assertEquals(List.of(new TicketChange(TicketChange.Field.STATUS, from.name(), to.name(), actor.id(), NOW)),
                        update.changes());
                assertEquals(NOW, update.ticket().updatedAt());
            }
            case 'F' -> assertThrows(AccessDeniedException.class, () -> ticket.changeStatus(actor, to, NOW));
            case 'C' -> assertThrows(ConflictException.class, () -> ticket.changeStatus(actor, to, NOW));
            case 'N' -> assertThrows(NotFoundException.class, () -> ticket.changeStatus(actor, to, NOW));
            default -> fail("unknown cell " + expected);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}: resolved_at {2}, closed_at {3}")
    @MethodSource("stamps")
    void lifecycleStampsFollowTheStatus(TicketStatus from, TicketStatus to, Instant resolvedAt, Instant closedAt) {
        Ticket ticket = TicketFixtures.inStatus(user(Role.USER), from);

        Ticket moved = ticket.changeStatus(user(Role.ADMIN), to, NOW).ticket();

        assertEquals(resolvedAt, moved.resolvedAt());
        assertEquals(closedAt, moved.closedAt());
    }

    static Stream<Arguments> stamps() {
        return Stream.of(
                Arguments.of(TicketStatus.OPEN, TicketStatus.RESOLVED, NOW, null),
                Arguments.of(TicketStatus.RESOLVED, TicketStatus.CLOSED, TicketFixtures.RESOLVED_AT, NOW),
                Arguments.of(TicketStatus.OPEN, TicketStatus.CLOSED, null, NOW),
                Arguments.of(TicketStatus.RESOLVED, TicketStatus.IN_PROGRESS, null, null),
                Arguments.of(TicketStatus.RESOLVED, TicketStatus.OPEN, null, null),
                Arguments.of(TicketStatus.CLOSED, TicketStatus.OPEN, null, null));
    }

    static User user(Role role) {
        return new User(UUID.randomUUID(), Math.abs(UUID.randomUUID().getMostSignificantBits()) + 1, null, role.name(),
                null, null, role, true, NOW, NOW);
    }
}
