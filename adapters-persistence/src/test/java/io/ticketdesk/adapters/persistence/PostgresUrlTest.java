package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void readsTheUrlFormWithCredentialsAndParameters() {
        PostgresUrl url = PostgresUrl.parse("postgresql://desk:p%40ss%3Aword@db.local:6543/tickets?sslmode=require");

        assertEquals("jdbc:postgresql://db.local:6543/tickets?sslmode=require", url.jdbcUrl());
        assertEquals("desk", url.user());
        assertEquals("p@ss:word", url.password());
    }

    @Test
    void acceptsThePostgresSchemeAndADefaultPort() {
        PostgresUrl url = PostgresUrl.parse("postgres://desk@localhost/tickets");

        assertEquals("jdbc:postgresql://localhost/tickets", url.jdbcUrl());
        assertEquals("desk", url.user());
        assertNull(url.password());
    }

    @Test
    void passesAJdbcUrlThrough() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://localhost:5432/tickets?user=a&password=b");

        assertEquals("jdbc:postgresql://localhost:5432/tickets?user=a&password=b", url.jdbcUrl());
        assertNull(url.user());
    }

    @Test
    void neverShowsCredentialsWhenPrinted() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://localhost/tickets?user=a&password=secret");

        assertFalse(url.toString().contains("secret"));
        assertFalse(PostgresUrl.parse("postgresql://a:secret@h/db").toString().contains("secret"));
    }

    @Test
    void refusesWhatIsNotAPostgresUrl() {
        assertEquals("must start with postgresql://, postgres:// or jdbc:postgresql:",
                assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("mysql://h/db")).getMessage());
        assertEquals("has no database name",
                assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("postgresql://h")).getMessage());
        assertEquals("is empty",
                assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse(" ")).getMessage());
    }
}
