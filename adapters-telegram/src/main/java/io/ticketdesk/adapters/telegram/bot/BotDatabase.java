package io.ticketdesk.adapters.telegram.bot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The database as bootstrap hands it to the bot: transactions that join the use case running on
 * this thread (so an outgoing call is written in the transaction of the change that causes it), and
 * connections of its own, outside the pool, for the leader lock and the wake-up listener.
 */
public final class BotDatabase {

    /** Runs work in the current transaction of this thread, or in a new one. */
    public interface TransactionRunner {
        <T> T inTransaction(Function<Handle, T> work);
    }

    private final TransactionRunner transactions;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    public BotDatabase(TransactionRunner transactions, String jdbcUrl, String user, String password) {
        this.transactions = transactions;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public <T> T inTransaction(Function<Handle, T> work) {
        return transactions.inTransaction(work);
    }

    /**
     * A connection of its own with TCP keepalive both ways: the client notices a dead server, and the
     * server drops a dead client's session (and its advisory lock) within about 15 s.
     */
    public Connection openDedicated() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "0");
        properties.setProperty("ApplicationName", "ticketdesk-bot");
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        try (Statement session = connection.createStatement()) {
            session.execute("SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3");
        } catch (SQLException unsupported) {
            // a Unix socket has no TCP keepalive; the process's death still ends the session at once
        }
        connection.setAutoCommit(true);
        return connection;
    }
}
