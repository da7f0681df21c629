package io.ticketdesk.adapters.persistence.files;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.adapters.persistence.users.JdbiUserRepository;
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
    private static UUID uploader;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 4);
        JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
        repository = new JdbiFileRepository(transactions);
        uploader = new JdbiUserRepository(transactions).insertOrRefreshProfile(User.firstLogin(UUID.randomUUID(),
                new TelegramIdentity(77, "Ann", null, null, null), Role.USER, Instant.parse("2024-01-01T00:00:00Z")))
                .id();
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
    protected void attach(UUID fileId, UUID messageId) {
        database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE files SET message_id = :message WHERE id = :id")
                .bind("message", messageId)
                .bind("id", fileId)
                .execute());
    }
}
