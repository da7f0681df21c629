package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 14, finding 7: what a failed statement puts in a log names the statement, never the values bound to it. */
class FailedStatementMessageTest {

    private static PostgresDatabase database;

    @BeforeAll
    static void open() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 2);
        database.jdbi().useHandle(h -> h.execute("CREATE TABLE people (telegram_name text UNIQUE)"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** Everything a log line with this exception would print: messages and causes of the whole chain. */
    private static String asLogged(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Test
    void aUniqueViolationNamesTheStatementButNotTheValue() {
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO people (telegram_name) VALUES (:name)")
                .bind("name", "Grace-Hopper-4711").execute());

        RuntimeException failure = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(h -> h
                .createUpdate("INSERT INTO people (telegram_name) VALUES (:name)")
                .bind("name", "Grace-Hopper-4711").execute()));

        String logged = asLogged(failure);
        assertTrue(logged.contains("INSERT INTO people (telegram_name) VALUES (:name)"), logged);
        assertTrue(logged.contains("duplicate key"), logged);
        assertFalse(logged.contains("Grace-Hopper-4711"), logged);
    }

    @Test
    void aNulInABoundValueIsNotEchoedEither() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(h -> h
                .createQuery("SELECT count(*) FROM people WHERE telegram_name = :name")
                .bind("name", "Ada-Lovelace\u0000-1815").mapTo(Long.class).one()));

        String logged = asLogged(failure);
        assertTrue(logged.contains("WHERE telegram_name = :name"), logged);
        assertFalse(logged.contains("Ada-Lovelace"), logged);
    }
}
