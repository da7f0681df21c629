package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiTransactionsTest {

    private static PostgresDatabase database;
    private static JdbiTransactions transactions;

    @BeforeAll
    static void open() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 2);
        transactions = new JdbiTransactions(database.jdbi());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aDeadlockVictimRunsAgainAndItsFirstAttemptLeavesNothing() {
        transactions.withHandle(h -> h.execute("CREATE TABLE retried (n int)"));
        AtomicInteger attempts = new AtomicInteger();

        int result = transactions.inTransaction(() -> {
            int attempt = attempts.incrementAndGet();
            transactions.withHandle(h -> h.execute("INSERT INTO retried VALUES (?)", attempt));
            if (attempt == 1) {
                throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
            }
            return attempt;
        });

        assertEquals(2, result);
        assertEquals(Integer.valueOf(2), transactions.<Integer>withHandle(h -> h
                .createQuery("SELECT sum(n) FROM retried").mapTo(Integer.class).one()));
    }

    @Test
    void otherFailuresAndPersistentDeadlocksAreNotHidden() {
        AtomicInteger plain = new AtomicInteger();
        AtomicInteger stuck = new AtomicInteger();

        assertThrows(IllegalArgumentException.class, () -> transactions.inTransaction(() -> {
            plain.incrementAndGet();
            throw new IllegalArgumentException("a bug, not a deadlock");
        }));
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            stuck.incrementAndGet();
            throw new IllegalStateException(new SQLException("could not serialize access", "40001"));
        }));

        assertEquals(1, plain.get());
        assertEquals(JdbiTransactions.ATTEMPTS, stuck.get());
    }

    @Test
    void aNestedTransactionJoinsTheOuterOneWhichIsRetriedAsAWhole() {
        transactions.withHandle(h -> h.execute("CREATE TABLE nested (n int)"));
        AtomicInteger outer = new AtomicInteger();
        AtomicInteger inner = new AtomicInteger();

        transactions.inTransaction(() -> {
            int attempt = outer.incrementAndGet();
            transactions.withHandle(h -> h.execute("INSERT INTO nested VALUES (?)", 10 * attempt));
            return transactions.inTransaction(() -> {
                inner.incrementAndGet();
                transactions.withHandle(h -> h.execute("INSERT INTO nested VALUES (?)", attempt));
                if (attempt == 1) {
                    throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
                }
                return attempt;
            });
        });

        assertEquals(2, outer.get(), "the outer work ran again, not only the inner part");
        assertEquals(2, inner.get());
        assertEquals(java.util.List.of(20, 2), transactions.withHandle(h -> h
                .createQuery("SELECT n FROM nested ORDER BY n DESC").mapTo(Integer.class).list()),
                "the first attempt's rows, inner and outer, were rolled back together");
    }
}
