package io.ticketdesk.adapters.persistence.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.adapters.persistence.users.JdbiUserRepository;
import io.ticketdesk.application.port.out.persistence.MessageRepository;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.application.port.out.persistence.TicketRepositoryContract;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiTicketRepositoryTest extends TicketRepositoryContract {

    @Override
    protected TicketRepository tickets() {
        return tickets;
    }

    @Override
    protected MessageRepository messages() {
        return messages;
    }

    @Override
    protected UUID author() {
        return author.id();
    }

    @Override
    protected UUID category() {
        return category;
    }


    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00.123456Z");
    private static PostgresDatabase database;
    private static JdbiTicketRepository tickets;
    private static JdbiMessageRepository messages;
    private static JdbiTransactions transactions;
    private static User author;
    private static UUID category;

    @BeforeAll
    static void open() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 4);
        transactions = new JdbiTransactions(database.jdbi());
        tickets = new JdbiTicketRepository(transactions);
        messages = new JdbiMessageRepository(transactions);
        author = new JdbiUserRepository(transactions).insertOrRefreshProfile(User.firstLogin(UUID.randomUUID(),
                new TelegramIdentity(1, "Ann", null, null, null), Role.USER, NOW));
        category = database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM categories LIMIT 1")
                .mapTo(UUID.class).one());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static Ticket newTicket() {
        Ticket ticket = Ticket.open(UUID.randomUUID(), "Title", "Text", TicketPriority.HIGH, category, author.id(), NOW);
        tickets.insert(ticket);
        return ticket;
    }

    @Test
    void storesAndReadsBackEveryFieldAndNumbersTicketsInTheOrderTheyAreStored() {
        Ticket ticket = newTicket();
        Ticket next = newTicket();

        Ticket stored = tickets.findById(ticket.id()).orElseThrow();
        assertTrue(stored.number() > 0);
        assertEquals(ticket.withNumber(stored.number()), stored);
        assertEquals(stored.number() + 1, tickets.findById(next.id()).orElseThrow().number());
    }

    @Test
    void anUpdateBumpsTheVersionAndAStaleOneIsRefused() {
        Ticket ticket = tickets.findById(newTicket().id()).orElseThrow();
        Ticket renamed = ticket.withText("Renamed", ticket.description())
                .withStatus(TicketStatus.RESOLVED, NOW, null)
                .touchedAt(NOW);

        Ticket stored = tickets.update(renamed);

        assertEquals(ticket.version() + 1, stored.version());
        assertEquals(stored, tickets.findById(ticket.id()).orElseThrow());
        assertThrows(ConflictException.class, () -> tickets.update(renamed));
        assertEquals("Renamed", tickets.findById(ticket.id()).orElseThrow().title());
    }

    @Test
    void storingAMessageKeepsTheTicketsCountersAndLeavesItsVersionAlone() {
        Ticket ticket = newTicket();
        messages.insert(new Message(UUID.randomUUID(), ticket.id(), author.id(), "public", false, NOW));
        messages.insert(new Message(UUID.randomUUID(), ticket.id(), author.id(), "note", true, NOW.plusSeconds(5)));

        List<Object> counters = database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT messages_count, public_messages_count, last_message_at = last_public_message_at + interval '5 seconds'
                        FROM tickets WHERE id = :id""")
                .bind("id", ticket.id())
                .map((rs, ctx) -> List.<Object>of(rs.getInt(1), rs.getInt(2), rs.getBoolean(3)))
                .one());
        assertEquals(List.of(2, 1, true), counters);
        assertEquals(ticket.version(), tickets.findById(ticket.id()).orElseThrow().version());
    }

    @Test
    void findsQuietResolvedTicketsOnly() {
        Ticket ticket = newTicket();
        tickets.update(ticket.withStatus(TicketStatus.RESOLVED, NOW, null).touchedAt(NOW));

        assertTrue(tickets.resolvedInactiveSince(NOW.plusSeconds(1), 10).contains(ticket.id()));
        assertTrue(!tickets.resolvedInactiveSince(NOW.minusSeconds(1), 10).contains(ticket.id()));
    }
}
