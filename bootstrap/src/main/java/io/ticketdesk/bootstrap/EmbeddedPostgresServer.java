package io.ticketdesk.bootstrap;

import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that runs inside the service when no {@code DATABASE_URL} is given. Its data
 * directory lives under {@code DATA_DIR}, so everything survives a restart.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir) {
        Path directory = dataDir.resolve("postgres");
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // our own shutdown hook stops it last, after in-flight requests have finished
                    .setRegisterShutdownHook(false)
                    .start();
            LOG.info("embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), directory);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + directory + " ("
                    + e.getMessage() + "); if this system does not allow it (initdb refuses to run as root "
                    + "where 'unshare' is not permitted), set DATABASE_URL to an external PostgreSQL", e);
        }
    }

    public PostgresUrl url() {
        return new PostgresUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }
}
