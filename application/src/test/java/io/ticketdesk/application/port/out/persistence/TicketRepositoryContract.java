package io.ticketdesk.application.port.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketChange;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every TicketRepository (with its MessageRepository) must do; run against the in-memory fakes and PostgreSQL. */
public abstract class TicketRepositoryContract {

    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00.123456Z");

    protected abstract TicketRepository tickets();

    protected abstract MessageRepository messages();

    /** A stored person who may author tickets. */
    protected abstract UUID author();

    /** A stored category tickets may join. */
    protected abstract UUID category();

    private Ticket stored(Instant at) {
        Ticket ticket = Ticket.open(UUID.randomUUID(), "Title", "Text", TicketPriority.HIGH, category(), author(), at);
        tickets().insert(ticket);
        return tickets().findById(ticket.id()).orElseThrow();
    }

    @Test
    void aStoredTicketReadsBackWholeWithTheNextNumber() {
        Ticket first = stored(NOW);
        Ticket second = stored(NOW);

        assertTrue(first.number() > 0, "numbered on insert");
        assertEquals(first.number() + 1, second.number());
        assertEquals(Ticket.open(first.id(), "Title", "Text", TicketPriority.HIGH, category(), author(), NOW)
                .withNumber(first.number()), first);
        assertEquals(Optional.of(first), tickets().findForUpdate(first.id()));
    }

    @Test
    void anUpdateBumpsTheVersionKeepsTheNumberAndAStaleOneIsRefused() {
        Ticket ticket = stored(NOW);
        Ticket renamed = ticket.withText("Renamed", "Text").withStatus(TicketStatus.RESOLVED, NOW, null)
                .touchedAt(NOW.plusSeconds(1));

        Ticket after = tickets().update(renamed);

        assertEquals(ticket.version() + 1, after.version());
        assertEquals(ticket.number(), after.number());
        assertEquals(Optional.of(after), tickets().findById(ticket.id()));
        assertThrows(ConflictException.class, () -> tickets().update(renamed.withText("Stale", "Text")));
        assertEquals("Renamed", tickets().findById(ticket.id()).orElseThrow().title());
    }

    @Test
    void historyAndMessagesJoinAStoredTicketAndADeletedTicketIsGone() {
        Ticket ticket = stored(NOW);
        tickets().appendHistory(ticket.id(), List.of(
                new TicketChange(TicketChange.Field.STATUS, "OPEN", "IN_PROGRESS", author(), NOW),
                new TicketChange(TicketChange.Field.ASSIGNEE, null, author().toString(), null, NOW)));
        tickets().appendHistory(ticket.id(), List.of());
        messages().insert(new Message(UUID.randomUUID(), ticket.id(), author(), "Hello", false, NOW));

        tickets().delete(ticket.id());

        assertEquals(Optional.empty(), tickets().findById(ticket.id()));
        assertEquals(Optional.empty(), tickets().findForUpdate(ticket.id()));
    }

    @Test
    void resolvedTicketsQuietSinceTheCutoffComeOldestFirstUpToTheLimit() {
        Instant longAgo = Instant.parse("2001-01-10T00:00:00Z");
        Ticket oldest = resolvedAt(longAgo.minus(Duration.ofDays(3)));
        Ticket older = resolvedAt(longAgo.minus(Duration.ofDays(2)));
        resolvedAt(longAgo); // still inside the quiet period
        Ticket open = stored(longAgo.minus(Duration.ofDays(5)));

        List<UUID> due = tickets().resolvedInactiveSince(longAgo.minus(Duration.ofDays(1)), 10);

        assertEquals(List.of(oldest.id(), older.id()), due);
        assertTrue(!due.contains(open.id()), "only RESOLVED ones");
        assertEquals(List.of(oldest.id()), tickets().resolvedInactiveSince(longAgo.minus(Duration.ofDays(1)), 1));
    }

    @Test
    void theEarliestResolvedActivityIsTheNextToFallDue() {
        Instant veryLongAgo = Instant.parse("1990-01-10T00:00:00Z");
        List<Ticket> made = List.of(stored(veryLongAgo.minus(Duration.ofDays(9))), // open: never due
                resolvedAt(veryLongAgo.plus(Duration.ofDays(1))), resolvedAt(veryLongAgo));
        try {
            assertEquals(Optional.of(veryLongAgo), tickets().earliestResolvedActivity());
        } finally {
            // the repository may be shared with the other contract tests: leave no RESOLVED ticket behind
            made.forEach(ticket -> tickets().delete(ticket.id()));
        }
    }

    private Ticket resolvedAt(Instant at) {
        Ticket ticket = stored(at);
        return tickets().update(ticket.withStatus(TicketStatus.RESOLVED, at, null).touchedAt(at));
    }
}
