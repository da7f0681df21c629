package io.ticketdesk.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/** The pool, the schema and the JDBI instance every repository of this adapter shares. */
public final class PostgresDatabase implements AutoCloseable {

    /** Per connection: how long a connect and a login may take, and how long a reply may be awaited. */
    static final int CONNECT_TIMEOUT_SECONDS = 2;
    static final int SOCKET_TIMEOUT_SECONDS = 5;

    private final HikariDataSource dataSource;
    private final ReconnectingDataSource connections;
    private final Jdbi jdbi;

    private PostgresDatabase(HikariDataSource dataSource, ReconnectingDataSource connections) {
        this.dataSource = dataSource;
        this.connections = connections;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin()).installPlugin(new DeskJdbiPlugin());
        // a failed statement is logged as written (":name" placeholders), never with the values bound to it
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(PostgresDatabase::withoutValues);
    }

    /** The driver's message (no server detail, see {@link #open}) and the statement text, no bound values. */
    static String withoutValues(StatementException failure) {
        StatementContext context = failure.getStatementContext();
        String statement = context == null ? null : context.getRenderedSql();
        return statement == null ? failure.getShortMessage()
                : failure.getShortMessage() + " [statement: \"" + statement.strip() + "\"]";
    }

    /** Opens a pool and brings the schema up to date before anything else uses it. */
    public static PostgresDatabase open(PostgresUrl url, int poolSize) {
        migrate(url);
        ReconnectingDataSource connections = new ReconnectingDataSource(driver(url));
        HikariConfig config = new HikariConfig();
        config.setDataSource(connections);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setPoolName("ticketdesk");
        // a request waits this long for a connection while the database is down, then gets a 503
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        // idle connections are checked this often, so a dead one is found before a request borrows it
        config.setKeepaliveTime(30_000);
        // a search's bitmap stays exact instead of lossy (bench/README.md); the skewed list statements
        // are planned for their values by JdbiTicketReadModel itself, every other one is planned once
        config.setConnectionInitSql("SET work_mem = '16MB'");
        return new PostgresDatabase(new HikariDataSource(config), connections);
    }

    /**
     * The driver's data source for {@code url}: no connect, login or reply waits more than a few
     * seconds on a database that is down or frozen, and TCP keepalive finds a silently dropped
     * peer. A value given in the URL itself wins over these defaults.
     */
    private static DataSource driver(PostgresUrl url) {
        PGSimpleDataSource driver = new PGSimpleDataSource();
        driver.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        driver.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        driver.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
        driver.setTcpKeepAlive(true);
        // "Detail: Key (telegram_id)=(42) already exists" carries people's data into logs: leave it out
        driver.setLogServerErrorDetail(false);
        driver.setURL(url.jdbcUrl());
        if (url.user() != null) {
            driver.setUser(url.user());
        }
        if (url.password() != null) {
            driver.setPassword(url.password());
        }
        return driver;
    }

    /**
     * Applies the Flyway migrations of this module to the database at {@code url}. Out of order:
     * parallel work gets version ranges of its own (V31, V33… after V40 and V60 existed), and a
     * database migrated before such a lower version arrived must take it rather than refuse to start.
     */
    public static void migrate(PostgresUrl url) {
        Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
    }

    /** Publishes the pool's gauges and timers (active, idle, pending, acquire time) to {@code registry}. */
    public void publishPoolMetrics(MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        connections.close();
        dataSource.close();
    }
}
