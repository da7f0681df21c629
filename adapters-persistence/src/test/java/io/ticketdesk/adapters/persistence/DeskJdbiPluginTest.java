package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.categories.Category;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Instants and records as the plugin maps them, with a JVM time zone far from UTC. */
class DeskJdbiPluginTest {

    private static final Instant AT = Instant.parse("2024-06-01T10:00:00.123456Z");
    private static PostgresDatabase database;
    private static TimeZone original;

    @BeforeAll
    static void open() {
        original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 2);
    }

    @AfterAll
    static void close() {
        database.close();
        TimeZone.setDefault(original);
    }

    @Test
    void anInstantIsStoredAsThatMomentAndReadBackExactly() {
        assertTrue(database.jdbi().<Boolean, RuntimeException>withHandle(h -> h.createQuery(
                        "SELECT CAST(:at AS timestamptz) = timestamptz '2024-06-01 10:00:00.123456+00'")
                .bind("at", AT).mapTo(Boolean.class).one()));
        assertEquals(AT, database.jdbi().withHandle(h -> h.createQuery("SELECT CAST(:at AS timestamptz)")
                .bind("at", AT).mapTo(Instant.class).one()));
        assertNull(database.jdbi().withHandle(h -> h.createQuery("SELECT CAST(:at AS timestamptz)")
                .bind("at", (Instant) null).mapTo(Instant.class).one()));
    }

    @Test
    void aRecordIsReadByItsConstructorWithAliasesForOtherColumnNames() {
        Category first = database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, name, description, icon, color, is_active AS active, sort_order, created_at,
                               updated_at FROM categories ORDER BY sort_order LIMIT 1""")
                .mapTo(Category.class).one());

        assertEquals("Оплата и подписка", first.name());
        assertEquals("💳", first.icon());
        assertTrue(first.active());
        assertEquals(1, first.sortOrder());
    }
}
