package io.ticketdesk.adapters.telegram.delivery;

import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The bot-wide limit of about 30 calls a second, shared by every instance: each send reserves the
 * next free slot (a row in the database, {@code max(next_slot, now) + spacing}) and waits for it.
 * It runs on a connection of its own so the reservation commits at once and never waits on a chat.
 */
public final class GlobalRate implements AutoCloseable {

    /** 34.5 ms apart: 29 calls a second, a call's worth of room below 30 for network jitter. */
    public static final Duration SPACING = Duration.ofNanos(34_500_000);

    private final BotDatabase database;
    private final Duration spacing;
    private Connection connection;

    public GlobalRate(BotDatabase database, Duration spacing) {
        this.database = database;
        this.spacing = spacing;
    }

    /** Reserves the next slot and returns how long to wait for it (measured on the database's clock). */
    public synchronized Duration reserve() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = database.openDedicated();
        }
        try (PreparedStatement take = connection.prepareStatement(
                "UPDATE telegram_rate SET next_slot = GREATEST(next_slot, clock_timestamp()) + make_interval(secs => ?)"
                        + " WHERE id = 1 RETURNING extract(epoch FROM next_slot - make_interval(secs => ?) - clock_timestamp())")) {
            double seconds = spacing.toNanos() / 1e9;
            take.setDouble(1, seconds);
            take.setDouble(2, seconds);
            try (ResultSet rows = take.executeQuery()) {
                rows.next();
                double wait = rows.getDouble(1);
                return wait <= 0 ? Duration.ZERO : Duration.ofNanos((long) (wait * 1e9));
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // gone already
            }
            connection = null;
        }
    }
}
