package io.ticketdesk.adapters.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What the pool opens its connections with: while the database cannot be reached, an attempt is
 * repeated every {@link #RETRY_EVERY} (up to {@link #KEEP_TRYING} per call) instead of failing at
 * once. HikariCP sleeps after each failed attempt with a backoff that grows to 5 s, which made the
 * first success after an outage come 4-5 s late; retrying here keeps its backoff at its 10 ms start
 * for the first minute of an outage, so a connection is made within about {@code RETRY_EVERY} of
 * the database coming back.
 */
final class ReconnectingDataSource implements DataSource {

    static final Duration RETRY_EVERY = Duration.ofMillis(200);
    static final Duration KEEP_TRYING = Duration.ofSeconds(60);

    private final DataSource target;
    private volatile boolean closed;

    ReconnectingDataSource(DataSource target) {
        this.target = target;
    }

    void close() {
        closed = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(null, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(username, password);
    }

    private Connection connect(String username, String password) throws SQLException {
        long deadline = System.nanoTime() + KEEP_TRYING.toNanos();
        while (true) {
            try {
                return username == null ? target.getConnection() : target.getConnection(username, password);
            } catch (SQLException failed) {
                if (closed || !isUnreachable(failed) || System.nanoTime() > deadline) {
                    throw failed;
                }
            }
            try {
                Thread.sleep(RETRY_EVERY.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the database", "08001", interrupted);
            }
        }
    }

    /** Refused, timed out or starting up (class 08, 57P03); a wrong password or database fails at once. */
    private static boolean isUnreachable(SQLException failed) {
        String state = failed.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P03"));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
