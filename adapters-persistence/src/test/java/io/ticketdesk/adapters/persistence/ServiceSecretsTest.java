package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceSecretsTest {

    private static PostgresDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 2);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void theFirstSecretMadeIsTheOneKeptForEveryLaterCaller() {
        ServiceSecrets secrets = new ServiceSecrets(new JdbiTransactions(database.jdbi()));
        AtomicInteger made = new AtomicInteger();

        String first = secrets.getOrCreate("jwt", () -> "secret-" + made.incrementAndGet());
        String second = secrets.getOrCreate("jwt", () -> "secret-" + made.incrementAndGet());
        String otherInstance = new ServiceSecrets(new JdbiTransactions(database.jdbi()))
                .getOrCreate("jwt", () -> "secret-" + made.incrementAndGet());

        assertEquals("secret-1", first);
        assertEquals("secret-1", second);
        assertEquals("secret-1", otherInstance);
    }

    @Test
    void aDatabaseThatAnswersIsReportedUp() {
        assertEquals(true, new PostgresDatabaseProbe(database.dataSource()).answers());
    }
}
