package io.ticketdesk.domain.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Changes copy the ticket: what they do not change stays, and activity moves both times together. */
class TicketCopiesTest {

    private static final Instant NOW = TicketStatusTableTest.NOW;
    private final User author = TicketStatusTableTest.user(Role.USER);
    private final User helper = TicketStatusTableTest.user(Role.HELPER);

    @Test
    void aChangeKeepsIdentityNumberVersionAndCreationAndTouchesBothTimes() {
        Ticket ticket = TicketFixtures.inStatus(author, TicketStatus.IN_PROGRESS);

        Ticket renamed = ticket.edit(author, FieldUpdate.set("New title"), FieldUpdate.unchanged(), NOW).ticket();

        assertEquals(ticket.withText("New title", ticket.description()).touchedAt(NOW), renamed);
        assertEquals(42, renamed.number());
        assertEquals(3, renamed.version());
        assertEquals(TicketFixtures.CREATED, renamed.createdAt());
        assertEquals(NOW, renamed.updatedAt());
        assertEquals(NOW, renamed.lastActivityAt());
    }

    @Test
    void aNoOpChangeTouchesNothing() {
        Ticket ticket = TicketFixtures.inStatus(author, TicketStatus.IN_PROGRESS);

        assertEquals(ticket, ticket.changePriority(helper, ticket.priority(), NOW).ticket());
    }

    @Test
    void aNewTicketIsUnnumberedUntilStoredAndANumberIsNeverNegative() {
        Ticket ticket = Ticket.open(author.id(), "T", "D", TicketPriority.LOW, author.id(), author.id(), NOW);

        assertEquals(Ticket.UNNUMBERED, ticket.number());
        assertEquals(1042, ticket.withNumber(1042).number());
        assertThrows(IllegalArgumentException.class, () -> ticket.withNumber(-1));
    }
}
