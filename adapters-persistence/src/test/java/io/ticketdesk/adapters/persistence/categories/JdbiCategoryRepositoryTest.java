package io.ticketdesk.adapters.persistence.categories;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.adapters.persistence.tickets.JdbiTicketRepository;
import io.ticketdesk.adapters.persistence.users.JdbiUserRepository;
import io.ticketdesk.application.port.out.persistence.CategoryRepository;
import io.ticketdesk.application.port.out.persistence.CategoryRepositoryContract;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiCategoryRepositoryTest extends CategoryRepositoryContract {

    private static final Instant NOW = Instant.parse("2024-03-01T08:00:00Z");
    private static PostgresDatabase database;
    private static JdbiCategoryRepository repository;
    private static JdbiTicketRepository tickets;
    private static User author;

    @BeforeAll
    static void open() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 4);
        JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
        repository = new JdbiCategoryRepository(transactions);
        tickets = new JdbiTicketRepository(transactions);
        author = new JdbiUserRepository(transactions).insertOrRefreshProfile(User.firstLogin(UUID.randomUUID(),
                new TelegramIdentity(1, "Ann", null, null, null), Role.USER, NOW));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected CategoryRepository repository() {
        return repository;
    }

    @Override
    protected void useInTicket(UUID categoryId) {
        tickets.insert(Ticket.open(UUID.randomUUID(), "T", "D", TicketPriority.LOW, categoryId, author.id(), NOW));
    }
}
