package io.ticketdesk.adapters.telegram.delivery;

import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot-wide limit of about 30 calls a second, shared by every instance: each send reserves the
 * next free slot (a row in the database, {@code max(next_slot, now) + spacing}), waits for it, and
 * goes only if it is still within {@link #LATE_LIMIT} of it; a thread woken later than that takes a
 * new slot instead. Calls therefore leave at least {@code spacing - LATE_LIMIT} apart on average over
 * any 31 of them: with 34.5 ms and 15 ms, 31 calls span at least 30 × 34.5 − 15 = 1020 ms, so no
 * 1-s window ever holds more than 30, with 20 ms to spare for the way to Telegram. It runs on a
 * connection of its own so the reservation commits at once and never waits on a chat.
 */
public final class GlobalRate implements AutoCloseable {

    /** 34.5 ms apart: 29 calls a second at most. */
    public static final Duration SPACING = Duration.ofNanos(34_500_000);
    /** How late after its slot a call may still go (a thread the machine woke late gives the slot up). */
    public static final Duration LATE_LIMIT = Duration.ofMillis(15);

    private static final Logger LOG = LoggerFactory.getLogger(GlobalRate.class);

    private final BotDatabase database;
    private final Duration spacing;
    private final AtomicLong late = new AtomicLong();
    private Connection connection;

    public GlobalRate(BotDatabase database, Duration spacing) {
        this.database = database;
        this.spacing = spacing;
    }

    /**
     * Returns at a moment this call may be sent: in a slot of its own, at most {@link #LATE_LIMIT}
     * after it. Slots are measured on the database's clock, the wait on this machine's.
     */
    public void acquire() throws SQLException, InterruptedException {
        while (true) {
            Reservation slot = reserve();
            long now = System.nanoTime();
            if (slot.due() > now) {
                Thread.sleep((slot.due() - now) / 1_000_000, (int) ((slot.due() - now) % 1_000_000));
                now = System.nanoTime();
            }
            if (now - slot.earliest() <= LATE_LIMIT.toNanos()) {
                return;
            }
            late.incrementAndGet();
        }
    }

    /** How many slots were given up because their thread woke too late. */
    public long lateSlots() {
        return late.get();
    }

    /**
     * A slot in this machine's {@code System.nanoTime()}: the database chose it between our asking
     * and its answer, so it is surely due from {@code due} on and surely not after {@code earliest}
     * plus the round trip; lateness is counted from {@code earliest}, which can only overstate it.
     */
    private record Reservation(long earliest, long due) {
    }

    /** Reserves the next slot (on the database's clock) and places it on this machine's. */
    private synchronized Reservation reserve() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = database.openDedicated();
        }
        long asked = System.nanoTime();
        try (PreparedStatement take = connection.prepareStatement(
                "UPDATE telegram_rate SET next_slot = GREATEST(next_slot, clock_timestamp()) + make_interval(secs => ?)"
                        + " WHERE id = 1 RETURNING extract(epoch FROM next_slot - make_interval(secs => ?) - clock_timestamp())")) {
            double seconds = spacing.toNanos() / 1e9;
            take.setDouble(1, seconds);
            take.setDouble(2, seconds);
            try (ResultSet rows = take.executeQuery()) {
                rows.next();
                long answered = System.nanoTime();
                long wait = Math.max(0, (long) (rows.getDouble(1) * 1e9));
                return new Reservation(asked + wait, answered + wait);
            }
        } catch (SQLException e) {
            dropConnection();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (late.get() > 0) {
            LOG.info("{} send slots were given up by sender threads woken too late for them", late.get());
            late.set(0);
        }
        dropConnection();
    }

    private synchronized void dropConnection() {
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
