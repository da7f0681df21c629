package io.ticketdesk.adapters.telegram.bot;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.ticketdesk.adapters.persistence.TestDatabases;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A fresh migrated database and the bot's view of it, wired the way bootstrap wires it. */
public final class TestBotDatabase implements AutoCloseable {

    private final PostgresUrl url;
    private final PostgresDatabase database;
    private final JdbiTransactions transactions;

    private TestBotDatabase(PostgresUrl url) {
        this.url = url;
        this.database = PostgresDatabase.open(url, 8);
        this.transactions = new JdbiTransactions(database.jdbi());
    }

    public static TestBotDatabase create() {
        return new TestBotDatabase(TestDatabases.newDatabase());
    }

    /** Another pool on the same database, as a second instance of the service would have. */
    public TestBotDatabase secondInstance() {
        return new TestBotDatabase(url);
    }

    public BotDatabase bot() {
        return new BotDatabase(new BotDatabase.TransactionRunner() {
            @Override
            public <T> T inTransaction(Function<Handle, T> work) {
                return transactions.inTransaction(() -> transactions.withHandle(work));
            }
        }, url.jdbcUrl(), url.user(), url.password());
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    public long count(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        database.close();
    }
}
