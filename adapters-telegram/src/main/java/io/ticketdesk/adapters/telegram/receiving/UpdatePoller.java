package io.ticketdesk.adapters.telegram.receiving;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.telegram.api.ApiAnswer;
import io.ticketdesk.adapters.telegram.api.TelegramBotApi;
import io.ticketdesk.adapters.telegram.bot.BackgroundLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code TELEGRAM_MODE=polling}: the leader long-polls getUpdates, storing each batch and the next
 * offset in one commit; followers try for the lock every few seconds, so one takes over soon
 * after the leader dies.
 */
public final class UpdatePoller implements AutoCloseable {

    public static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query",
            "my_chat_member");
    private static final Logger LOG = LoggerFactory.getLogger(UpdatePoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final TelegramBotApi api;
    private final LeaderLock lock;
    private final StoredUpdates updates;
    private final Runnable onLeadership;
    private final int pollSeconds;
    private final Duration followerRetry;
    private final boolean polling;
    private volatile boolean leading;
    private final BackgroundLoop loop = new BackgroundLoop("telegram-poller", Duration.ofSeconds(5));
    private volatile String lastProblem;

    /**
     * @param onLeadership run each time this instance becomes the leader (commands, menu, webhook removal)
     * @param pollSeconds the long poll's length (Telegram allows up to 50)
     * @param followerRetry how often a follower tries to take the lock
     * @param polling false in webhook mode: the leader then only sets the bot up and keeps the lock
     */
    public UpdatePoller(TelegramBotApi api, LeaderLock lock, StoredUpdates updates, Runnable onLeadership,
                        int pollSeconds, Duration followerRetry, boolean polling) {
        this.api = api;
        this.lock = lock;
        this.updates = updates;
        this.onLeadership = onLeadership;
        this.pollSeconds = pollSeconds;
        this.followerRetry = followerRetry;
        this.polling = polling;
    }

    public void start() {
        loop.start(this::run);
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (loop.running()) {
            try {
                if (!lock.holds()) {
                    if (leading) {
                        LOG.info("this instance no longer leads the Telegram bot");
                    }
                    leading = false;
                    Thread.sleep(followerRetry.toMillis());
                    continue;
                }
                if (!leading) {
                    leading = true;
                    onLeadership.run();
                }
                if (!polling) {
                    Thread.sleep(followerRetry.toMillis());
                    continue;
                }
                ApiAnswer answer = api.getUpdates(updates.nextOffset(), pollSeconds, ALLOWED_UPDATES);
                switch (answer.kind()) {
                    case OK -> {
                        List<JsonNode> batch = new ArrayList<>();
                        answer.result().forEach(batch::add);
                        if (!batch.isEmpty()) {
                            updates.storePolled(batch);
                        }
                        backoff = Duration.ofSeconds(1);
                        lastProblem = null;
                    }
                    case CONFLICT -> {
                        if (answer.conflictWithWebhook()) {
                            LOG.info("a webhook is set while polling; removing it");
                            api.call("deleteWebhook", java.util.Map.of("drop_pending_updates", false));
                        } else {
                            // another process polls with this token (not one of ours: they share the lock)
                            lastProblem = answer.description();
                            LOG.warn("getUpdates conflict ({}); backing off {} s", answer.description(), backoff.toSeconds());
                            Thread.sleep(backoff.toMillis());
                            backoff = next(backoff);
                        }
                    }
                    case RETRY_AFTER -> Thread.sleep(answer.retryAfterSeconds() * 1_000L);
                    default -> {
                        lastProblem = answer.description();
                        LOG.warn("getUpdates failed ({}); trying again in {} s", answer.description(), backoff.toSeconds());
                        Thread.sleep(backoff.toMillis());
                        backoff = next(backoff);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database went away between two polls: the lock check sorts leadership out next round
                LOG.warn("polling Telegram failed; trying again", e);
                sleepQuietly(backoff);
                backoff = next(backoff);
            }
        }
    }

    private static Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this instance led at its last check. */
    public boolean leading() {
        return leading;
    }

    /** The last reason getUpdates failed, or null while it works. */
    public String lastProblem() {
        return lastProblem;
    }

    @Override
    public void close() {
        loop.close();
    }
}
