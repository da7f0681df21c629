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

/** The pool, the schema and the JDBI instance every repository of this adapter shares. */
public final class PostgresDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private PostgresDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
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
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setPoolName("ticketdesk");
        // "Detail: Key (telegram_id)=(42) already exists" carries people's data into logs: leave it out
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // fail a request fast rather than queueing it for 30 s behind a dead database
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        // a search's bitmap stays exact instead of lossy (bench/README.md); the skewed list statements
        // are planned for their values by JdbiTicketReadModel itself, every other one is planned once
        config.setConnectionInitSql("SET work_mem = '16MB'");
        return new PostgresDatabase(new HikariDataSource(config));
    }

    /** Applies the Flyway migrations of this module to the database at {@code url}. */
    public static void migrate(PostgresUrl url) {
        Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration")
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
        dataSource.close();
    }
}
