package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A database migrated before a lower-numbered migration was added (parallel work has ranges of its
 * own, below versions already applied elsewhere): the service applies it at its next start.
 */
class OutOfOrderMigrationsTest {

    @Test
    void aMigrationNumberedBelowTheNewestAppliedOneIsAppliedNotRefused() {
        PostgresUrl url = TestDatabases.newEmptyDatabase();
        PostgresDatabase.migrate(url);
        Jdbi jdbi = Jdbi.create(url.jdbcUrl(), url.user(), url.password());
        // as the database stood when V40…V61 were applied and V33, V34 did not exist yet
        jdbi.useHandle(h -> {
            h.execute("DROP TABLE telegram_notify_off");
            h.execute("DROP TABLE telegram_file_ids");
            h.execute("ALTER TABLE telegram_outbox DROP COLUMN file_id, DROP COLUMN file_reader");
            h.execute("DELETE FROM flyway_schema_history WHERE version IN ('33', '34')");
        });

        PostgresDatabase.migrate(url);

        jdbi.useHandle(h -> {
            assertEquals(List.of("33", "34"), h.createQuery("SELECT version FROM flyway_schema_history"
                    + " WHERE version IN ('33', '34') AND success ORDER BY installed_rank").mapTo(String.class).list());
            assertEquals(0L, h.createQuery("SELECT count(*) FROM telegram_notify_off").mapTo(Long.class).one());
            assertEquals(0L, h.createQuery("SELECT count(*) FROM telegram_outbox WHERE file_id IS NOT NULL")
                    .mapTo(Long.class).one());
        });
    }
}
