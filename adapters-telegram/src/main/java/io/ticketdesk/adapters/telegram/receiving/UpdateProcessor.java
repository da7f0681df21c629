package io.ticketdesk.adapters.telegram.receiving;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.telegram.api.BotApiJson;
import io.ticketdesk.adapters.telegram.api.Update;
import io.ticketdesk.adapters.telegram.bot.BackgroundLoop;
import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import io.ticketdesk.adapters.telegram.bot.Wakeup;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles stored updates on any instance: the oldest unhandled one whose chat has no earlier one
 * still waiting (so a chat's updates are handled in order even with several instances), locked
 * with SKIP LOCKED, handled and marked in one transaction.
 */
public final class UpdateProcessor implements AutoCloseable {

    /** An update whose handling failed this often is set aside (marked handled with the failure). */
    static final int MAX_ATTEMPTS = 3;
    /** A missed signal costs at most this long. */
    private static final Duration SAFETY_SWEEP = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(UpdateProcessor.class);

    private final BotDatabase database;
    private final UpdateHandler handler;
    private final Wakeup wakeup = new Wakeup();
    private final BackgroundLoop loop = new BackgroundLoop("telegram-updates", Duration.ofSeconds(5));

    public UpdateProcessor(BotDatabase database, UpdateHandler handler) {
        this.database = database;
        this.handler = handler;
    }

    public void wake() {
        wakeup.signal();
    }

    public void start() {
        loop.start(this::run);
    }

    private void run() {
        while (loop.running()) {
            try {
                while (loop.running() && handleOne()) {
                    // keep going while there is work
                }
                wakeup.await(SAFETY_SWEEP);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("handling stored Telegram updates failed; trying again in 1 s", e);
                sleep(1_000);
            }
        }
    }

    /** Handles the next update that may go; false when there is none. */
    boolean handleOne() {
        AtomicLong claimed = new AtomicLong(-1);
        try {
            return database.inTransaction(handle -> {
                Optional<StoredRow> next = handle.createQuery("SELECT update_id, payload::text AS payload"
                                + " FROM telegram_updates u WHERE handled_at IS NULL AND NOT EXISTS ("
                                + "   SELECT 1 FROM telegram_updates e WHERE e.handled_at IS NULL"
                                + "   AND e.chat_id = u.chat_id AND e.update_id < u.update_id)"
                                + " ORDER BY update_id LIMIT 1 FOR UPDATE SKIP LOCKED")
                        .map((rows, ctx) -> new StoredRow(rows.getLong("update_id"), rows.getString("payload")))
                        .findOne();
                if (next.isEmpty()) {
                    return false;
                }
                claimed.set(next.get().updateId());
                Optional<Update> update = parse(next.get().payload());
                if (update.isPresent()) {
                    handler.handle(update.get());
                }
                handle.createUpdate("UPDATE telegram_updates SET handled_at = clock_timestamp(), attempts = attempts + 1,"
                                + " failure = :failure WHERE update_id = :id")
                        .bind("id", next.get().updateId())
                        .bind("failure", update.isPresent() ? null : "unreadable update")
                        .execute();
                return true;
            });
        } catch (RuntimeException failure) {
            if (claimed.get() < 0) {
                throw failure;
            }
            recordFailure(claimed.get(), failure);
            return true;
        }
    }

    private void recordFailure(long updateId, RuntimeException failure) {
        LOG.warn("handling Telegram update {} failed", updateId, failure);
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        database.inTransaction(handle -> handle.createUpdate("UPDATE telegram_updates SET attempts = attempts + 1,"
                        + " failure = :failure, handled_at = CASE WHEN attempts + 1 >= :max THEN clock_timestamp() END"
                        + " WHERE update_id = :id")
                .bind("id", updateId)
                .bind("failure", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .bind("max", MAX_ATTEMPTS)
                .execute());
        sleep(200);
    }

    private static Optional<Update> parse(String payload) {
        try {
            JsonNode json = BotApiJson.mapper().readTree(payload);
            return StoredUpdates.read(json);
        } catch (java.io.IOException unreadable) {
            return Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record StoredRow(long updateId, String payload) {
    }

    @Override
    public void close() {
        loop.close();
    }
}
