package io.ticketdesk.adapters.persistence.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.ticketdesk.adapters.persistence.TestDatabases;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** V15 on a desk that already has tickets: numbered in creation order, new ones continue after. */
class TicketNumbersMigrationTest {

    @Test
    void existingTicketsAreNumberedInCreationOrderAndNewOnesContinue() {
        PostgresUrl url = TestDatabases.newEmptyDatabase();
        Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration").target("5").load().migrate();
        Jdbi jdbi = Jdbi.create(url.jdbcUrl(), url.user(), url.password());
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO users (id, telegram_id, first_name, role, created_at, updated_at)"
                    + " VALUES ('00000000-0000-0000-0000-000000000001', 1, 'Ann', 'USER', now(), now())");
            // stored in another order than created: the numbers must follow created_at
            for (String[] ticket : new String[][] {{"third", "2024-03-01"}, {"first", "2024-01-01"},
                    {"second", "2024-02-01"}}) {
                String title = ticket[0];
                String created = ticket[1];
                h.createUpdate("""
                        INSERT INTO tickets (id, title, description, status, priority, category_id, author_id,
                                             created_at, updated_at, last_activity_at)
                        SELECT gen_random_uuid(), :title, 'd', 'OPEN', 'LOW', (SELECT id FROM categories LIMIT 1),
                               '00000000-0000-0000-0000-000000000001', :created::timestamptz,
                               :created::timestamptz, :created::timestamptz""")
                        .bind("title", title).bind("created", created).execute();
            }
        });

        PostgresDatabase.migrate(url);

        jdbi.useHandle(h -> {
            assertEquals(List.of("first", "second", "third"), h.createQuery(
                    "SELECT title FROM tickets ORDER BY number").mapTo(String.class).list());
            assertEquals(List.of(1L, 2L, 3L), h.createQuery("SELECT number FROM tickets ORDER BY number")
                    .mapTo(Long.class).list());
            h.execute("""
                    INSERT INTO tickets (id, title, description, status, priority, category_id, author_id,
                                         created_at, updated_at, last_activity_at)
                    SELECT gen_random_uuid(), 'new', 'd', 'OPEN', 'LOW', (SELECT id FROM categories LIMIT 1),
                           '00000000-0000-0000-0000-000000000001', now(), now(), now()""");
            assertEquals(4L, h.createQuery("SELECT number FROM tickets WHERE title = 'new'").mapTo(Long.class).one());
        });
    }
}
