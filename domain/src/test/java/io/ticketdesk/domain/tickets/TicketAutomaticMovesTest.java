package io.ticketdesk.domain.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.tickets.TicketChange.Field;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The moves a ticket makes by itself (SPEC §4). */
class TicketAutomaticMovesTest {

    private static final Instant NOW = TicketStatusTableTest.NOW;
    private final User author = TicketStatusTableTest.user(Role.USER);
    private final User helper = TicketStatusTableTest.user(Role.HELPER);
    private final User moderator = TicketStatusTableTest.user(Role.MODERATOR);

    @Test
    void theFirstPublicStaffAnswerOnAnOpenTicketStartsWorkAndTakesIt() {
        Ticket ticket = TicketFixtures.inStatus(author, TicketStatus.OPEN);

        TicketUpdate update = ticket.onMessagePosted(helper, false, NOW);

        assertEquals(TicketStatus.IN_PROGRESS, update.ticket().status());
        assertEquals(helper.id(), update.ticket().assigneeId());
        assertEquals(List.of(
                new TicketChange(Field.STATUS, "OPEN", "IN_PROGRESS", helper.id(), NOW),
                new TicketChange(Field.ASSIGNEE, null, helper.id().toString(), helper.id(), NOW)), update.changes());
    }

    @Test
    void aStaffAnswerOnAnAssignedOpenTicketKeepsTheAssignee() {
        Ticket ticket = TicketFixtures.inStatus(author, TicketStatus.OPEN, moderator.id());

        TicketUpdate update = ticket.onMessagePosted(helper, false, NOW);

        assertEquals(TicketStatus.IN_PROGRESS, update.ticket().status());
        assertEquals(moderator.id(), update.ticket().assigneeId());
        assertEquals(1, update.changes().size());
    }

    @Test
    void anInternalNoteMovesNothingButCountsAsActivity() {
        Ticket ticket = TicketFixtures.inStatus(author, TicketStatus.OPEN);

        TicketUpdate update = ticket.onMessagePosted(helper, true, NOW);

        assertEquals(TicketStatus.OPEN, update.ticket().status());
        assertNull(update.ticket().assigneeId());
        assertTrue(update.changes().isEmpty());
        assertEquals(NOW, update.ticket().lastActivityAt());
    }

    @Test
    void theAuthorsAnswerOnAWaitingOrResolvedTicketPutsItBackInProgress() {
        for (TicketStatus waiting : List.of(TicketStatus.WAITING_RESPONSE, TicketStatus.RESOLVED)) {
            Ticket ticket = TicketFixtures.inStatus(author, waiting, helper.id());

            TicketUpdate update = ticket.onMessagePosted(author, false, NOW);

            assertEquals(TicketStatus.IN_PROGRESS, update.ticket().status());
            assertNull(update.ticket().resolvedAt());
            assertEquals(List.of(new TicketChange(Field.STATUS, waiting.name(), "IN_PROGRESS", author.id(), NOW)),
                    update.changes());
        }
    }

    @Test
    void otherAnswersLeaveTheStatusAlone() {
        assertEquals(TicketStatus.OPEN,
                TicketFixtures.inStatus(author, TicketStatus.OPEN).onMessagePosted(author, false, NOW).ticket().status());
        assertEquals(TicketStatus.WAITING_RESPONSE, TicketFixtures.inStatus(author, TicketStatus.WAITING_RESPONSE)
                .onMessagePosted(helper, false, NOW).ticket().status());
        assertEquals(TicketStatus.IN_PROGRESS, TicketFixtures.inStatus(author, TicketStatus.IN_PROGRESS)
                .onMessagePosted(author, false, NOW).ticket().status());
    }

    @Test
    void aResolvedTicketClosesAfterTheQuietPeriodAndNotBefore() {
        Ticket resolved = TicketFixtures.inStatus(author, TicketStatus.RESOLVED);
        Duration week = Duration.ofDays(7);
        Instant due = resolved.lastActivityAt().plus(week);

        assertTrue(resolved.autoClose(due.minusSeconds(1), week).isEmpty());
        TicketUpdate closed = resolved.autoClose(due, week).orElseThrow();
        assertEquals(TicketStatus.CLOSED, closed.ticket().status());
        assertEquals(due, closed.ticket().closedAt());
        assertEquals(List.of(new TicketChange(Field.STATUS, "RESOLVED", "CLOSED", null, due)), closed.changes());
        assertTrue(TicketFixtures.inStatus(author, TicketStatus.IN_PROGRESS).autoClose(due.plus(week), week).isEmpty());
    }
}
