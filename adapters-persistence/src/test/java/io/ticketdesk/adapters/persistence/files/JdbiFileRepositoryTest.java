package io.ticketdesk.adapters.persistence.files;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.adapters.persistence.tickets.JdbiMessageRepository;
import io.ticketdesk.adapters.persistence.tickets.JdbiTicketRepository;
import io.ticketdesk.adapters.persistence.users.JdbiUserRepository;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.application.port.out.persistence.FileRepository;
import io.ticketdesk.application.port.out.persistence.FileRepositoryContract;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiFileRepositoryTest extends FileRepositoryContract {

    private static PostgresDatabase database;
    private static JdbiFileRepository repository;
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static UUID uploader;
    private static UUID someoneElse;
    private static UUID category;
    private static JdbiTicketRepository tickets;
    private static JdbiMessageRepository messages;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 4);
        JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
        repository = new JdbiFileRepository(transactions);
        uploader = new JdbiUserRepository(transactions).insertOrRefreshProfile(User.firstLogin(UUID.randomUUID(),
                new TelegramIdentity(77, "Ann", null, null, null), Role.USER, Instant.parse("2024-01-01T00:00:00Z")))
                .id();
        someoneElse = new JdbiUserRepository(transactions).insertOrRefreshProfile(User.firstLogin(UUID.randomUUID(),
                new TelegramIdentity(78, "Bo", null, null, null), Role.USER, NOW)).id();
        tickets = new JdbiTicketRepository(transactions);
        messages = new JdbiMessageRepository(transactions);
        category = database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM categories LIMIT 1")
                .mapTo(UUID.class).one());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected FileRepository repository() {
        return repository;
    }

    @Override
    protected UUID uploader() {
        return uploader;
    }

    @Override
    protected UUID someoneElse() {
        return someoneElse;
    }

    @Override
    protected UUID newTicket() {
        Ticket ticket = Ticket.open(UUID.randomUUID(), "T", "D", TicketPriority.NORMAL, category, uploader, NOW);
        tickets.insert(ticket);
        return ticket.id();
    }

    @Override
    protected UUID newMessage(UUID ticketId) {
        Message message = new Message(UUID.randomUUID(), ticketId, uploader, "with a file", false, NOW);
        messages.insert(message);
        return message.id();
    }
}
