package io.ticketdesk.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server per test JVM, a migrated template database made once, and a fresh copy
 * of it for every caller ({@code CREATE DATABASE ... TEMPLATE}, tens of milliseconds).
 * Set {@code TEST_DATABASE_URL} to run against another server instead of the embedded one.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PREFIX = "ticketdesk_test_" + ProcessHandle.current().pid();
    private static final String TEMPLATE = PREFIX + "_template";

    private static PostgresUrl admin;
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** A new, migrated, empty database of its own. */
    public static synchronized PostgresUrl newDatabase() {
        if (admin == null) {
            admin = startServer();
            execute("CREATE DATABASE " + TEMPLATE);
            PostgresDatabase.migrate(withDatabase(TEMPLATE));
        }
        String name = PREFIX + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return withDatabase(name);
    }

    /** A new database with no schema at all, for tests of the migrations themselves. */
    public static synchronized PostgresUrl newEmptyDatabase() {
        newDatabase();
        String name = PREFIX + "_empty_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return withDatabase(name);
    }

    private static PostgresUrl startServer() {
        String external = System.getenv("TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return PostgresUrl.parse(external);
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopEmbedded));
        return new PostgresUrl(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private static void stopEmbedded() {
        try {
            embedded.close();
        } catch (IOException ignored) {
            // the JVM is going away; the temporary data directory goes with the next cleanup
        }
    }

    private static PostgresUrl withDatabase(String name) {
        String url = admin.jdbcUrl();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        String server = base.substring(0, base.lastIndexOf('/') + 1);
        return new PostgresUrl(server + name + params, admin.user(), admin.password());
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + sql, e);
        }
    }
}
