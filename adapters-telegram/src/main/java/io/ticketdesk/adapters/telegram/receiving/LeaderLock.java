package io.ticketdesk.adapters.telegram.receiving;

import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership across instances: a PostgreSQL session advisory lock held on a connection of its own.
 * The lock lives exactly as long as that session, so a dead leader (process gone, or a machine gone
 * silent past the TCP keepalive) frees it; {@link #holds()} is asked before every unit of work.
 */
public final class LeaderLock implements AutoCloseable {

    /** "tgbot" as a number: the key no other part of the service uses. */
    static final long KEY = 0x7467626f74L;
    private static final Logger LOG = LoggerFactory.getLogger(LeaderLock.class);

    private final BotDatabase database;
    private Connection connection;

    public LeaderLock(BotDatabase database) {
        this.database = database;
    }

    /** True when this instance leads: already held and still alive, or just taken. */
    public synchronized boolean holds() {
        try {
            if (connection != null && stillHeld()) {
                return true;
            }
            drop();
            connection = database.openDedicated();
            try (PreparedStatement take = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                take.setLong(1, KEY);
                try (ResultSet rows = take.executeQuery()) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        LOG.info("this instance now leads the Telegram bot");
                        return true;
                    }
                }
            }
            drop();
            return false;
        } catch (SQLException e) {
            drop();
            return false;
        }
    }

    private boolean stillHeld() throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()"
                        + " AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1")) {
            check.setLong(1, KEY >>> 32);
            check.setLong(2, KEY & 0xffffffffL);
            check.setQueryTimeout(5);
            try (ResultSet rows = check.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        } catch (SQLException lost) {
            LOG.warn("the Telegram leader lock's connection failed; leadership given up");
            return false;
        }
    }

    private void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session is gone either way, and the lock with it
            }
            connection = null;
        }
    }

    /** Whether this instance led at the last check (no database round trip; for /health). */
    public synchronized boolean heldAtLastCheck() {
        return connection != null;
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
