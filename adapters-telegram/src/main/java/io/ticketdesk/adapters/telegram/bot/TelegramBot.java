package io.ticketdesk.adapters.telegram.bot;

import io.ticketdesk.adapters.telegram.api.CallObserver;
import io.ticketdesk.adapters.telegram.api.TelegramBotApi;
import io.ticketdesk.adapters.telegram.delivery.ForumTopics;
import io.ticketdesk.adapters.telegram.delivery.GlobalRate;
import io.ticketdesk.adapters.telegram.delivery.OutboxSender;
import io.ticketdesk.adapters.telegram.delivery.OutgoingFiles;
import io.ticketdesk.adapters.telegram.delivery.TelegramOutbox;
import io.ticketdesk.adapters.telegram.receiving.BotSetup;
import io.ticketdesk.adapters.telegram.receiving.LeaderLock;
import io.ticketdesk.adapters.telegram.receiving.StoredUpdates;
import io.ticketdesk.adapters.telegram.receiving.UpdateHandler;
import io.ticketdesk.adapters.telegram.receiving.UpdatePoller;
import io.ticketdesk.adapters.telegram.receiving.UpdateProcessor;
import io.ticketdesk.adapters.telegram.receiving.WebhookReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot of one instance: leadership and receiving (polling or webhook), handling of
 * stored updates, and the outbox senders. Built by bootstrap, stopped with the service.
 */
public final class TelegramBot implements AutoCloseable {

    public enum Mode { POLLING, WEBHOOK }

    /**
     * @param webhookUrl and {@code webhookSecret}: webhook mode only
     * @param pollSeconds long-poll length; {@code followerRetry}: how often a non-leader tries to lead
     */
    public record Config(Mode mode, URI apiUrl, String token, Optional<URI> webhookUrl, Optional<String> webhookSecret,
                         Optional<URI> webAppUrl, int pollSeconds, Duration followerRetry, int senders,
                         Duration rateSpacing) {

        public static Config defaults(Mode mode, URI apiUrl, String token, Optional<URI> webhookUrl,
                                      Optional<String> webhookSecret, Optional<URI> webAppUrl) {
            return new Config(mode, apiUrl, token, webhookUrl, webhookSecret, webAppUrl, 25, Duration.ofSeconds(5), 8,
                    GlobalRate.SPACING);
        }
    }

    /** What /health shows of the bot. */
    public record Status(String mode, boolean leader, long outboxDepth, Long oldestPendingSeconds,
                         String lastProblem) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);

    private final Config config;
    private final BotDatabase database;
    private final TelegramBotApi api;
    private final TelegramOutbox outbox;
    private final StoredUpdates updates;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private UpdatePoller leader;
    private WebhookReceiver webhook;

    /** What the outbox holds right now: calls waiting, and the age of the oldest in whole seconds (0 when none). */
    public record Backlog(long depth, long oldestSeconds) {
    }

    private TelegramBot(Config config, BotDatabase database, CallObserver calls) {
        this.config = config;
        this.database = database;
        this.api = new TelegramBotApi(config.apiUrl(), config.token(), calls);
        this.outbox = new TelegramOutbox(database);
        this.updates = new StoredUpdates(database);
    }

    /** Starts receiving, handling with {@code handler}, and sending. */
    public static TelegramBot start(Config config, BotDatabase database, UpdateHandler handler) {
        return start(config, database, (api, outbox) -> handler);
    }

    /** As {@link #start(Config, BotDatabase, UpdateHandler)}, the handler made from this bot's client and outbox. */
    public static TelegramBot start(Config config, BotDatabase database,
                                    java.util.function.BiFunction<TelegramBotApi, TelegramOutbox, UpdateHandler> handler) {
        return start(config, database, Optional.empty(), handler);
    }

    /** As above, with the staff group ({@code STAFF_CHAT_ID}), whose posts go into one forum topic per ticket when it is a forum. */
    public static TelegramBot start(Config config, BotDatabase database, Optional<Long> staffChatId,
                                    java.util.function.BiFunction<TelegramBotApi, TelegramOutbox, UpdateHandler> handler) {
        return start(config, database, staffChatId, handler, OutgoingFiles.NONE);
    }

    /** As above; {@code files} is where the senders read the stored files that calls send. */
    public static TelegramBot start(Config config, BotDatabase database, Optional<Long> staffChatId,
                                    java.util.function.BiFunction<TelegramBotApi, TelegramOutbox, UpdateHandler> handler,
                                    OutgoingFiles files) {
        return start(config, database, staffChatId, handler, files, CallObserver.NONE);
    }

    /** As above, with {@code calls} hearing the outcome of every Bot API call (sends and polls alike). */
    public static TelegramBot start(Config config, BotDatabase database, Optional<Long> staffChatId,
                                    java.util.function.BiFunction<TelegramBotApi, TelegramOutbox, UpdateHandler> handler,
                                    OutgoingFiles files, CallObserver calls) {
        TelegramBot bot = new TelegramBot(config, database, calls);
        try {
            bot.startParts(handler.apply(bot.api, bot.outbox), staffChatId, files);
            return bot;
        } catch (RuntimeException e) {
            bot.close();
            throw e;
        }
    }

    private void startParts(UpdateHandler handler, Optional<Long> staffChatId, OutgoingFiles files) {
        if (config.mode() == Mode.WEBHOOK) {
            webhook = new WebhookReceiver(updates, config.webhookSecret()
                    .orElseThrow(() -> new IllegalArgumentException("webhook mode needs a secret")));
        }
        BotSignals signals = remember(new BotSignals(database));
        UpdateProcessor processor = new UpdateProcessor(database, handler);
        OutboxSender sender = new OutboxSender(database, api, new GlobalRate(database, config.rateSpacing()),
                config.senders(), files);
        signals.onSignal(BotSignals.UPDATES, processor::wake);
        staffChatId.ifPresent(chat -> {
            ForumTopics topics = new ForumTopics(chat);
            sender.addPreparer(topics);
            sender.addListener(topics);
        });
        signals.onSignal(BotSignals.OUTBOX, sender::wake);
        remember(processor);
        remember(sender);
        processor.start();
        sender.start();
        signals.start();

        LeaderLock lock = remember(new LeaderLock(database));
        BotSetup setup = new BotSetup(api, config.webAppUrl(),
                config.mode() == Mode.WEBHOOK ? config.webhookUrl() : Optional.empty(),
                config.webhookSecret().orElse(""), this::webhookFingerprint);
        leader = remember(new UpdatePoller(api, lock, updates, setup::takeOver, config.pollSeconds(),
                config.followerRetry(), config.mode() == Mode.POLLING));
        leader.start();
        LOG.info("Telegram bot {} started in {} mode", api.botId(), config.mode().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Reads the stored webhook fingerprint ({@code null} argument) or replaces it. */
    private String webhookFingerprint(String replacement) {
        return database.inTransaction(handle -> {
            if (replacement != null) {
                handle.createUpdate("UPDATE telegram_poll_state SET webhook_fingerprint = :value WHERE id = 1")
                        .bind("value", replacement).execute();
                return replacement;
            }
            return handle.createQuery("SELECT webhook_fingerprint FROM telegram_poll_state WHERE id = 1")
                    .mapTo(String.class).findOne().orElse(null);
        });
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }

    public TelegramBotApi api() {
        return api;
    }

    public TelegramOutbox outbox() {
        return outbox;
    }

    /** The receiver of webhook mode; empty when polling. */
    public Optional<WebhookReceiver> webhook() {
        return Optional.ofNullable(webhook);
    }

    /** The path Telegram posts to in webhook mode (the path of TELEGRAM_WEBHOOK_URL). */
    public Optional<String> webhookPath() {
        return config.mode() == Mode.WEBHOOK
                ? config.webhookUrl().map(url -> url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                : Optional.empty();
    }

    /** The bot's state for /health; reads the database only, never Telegram. */
    public Status status() {
        PendingCalls pending = pendingCalls();
        return new Status(config.mode().name().toLowerCase(java.util.Locale.ROOT), leader != null && leader.leading(),
                pending.depth(), pending.oldestSeconds(), leader == null ? null : leader.lastProblem());
    }

    /** The outbox backlog of the whole desk (every instance sends from it); an empty outbox's oldest age is 0. */
    public Backlog outboxBacklog() {
        PendingCalls pending = pendingCalls();
        return new Backlog(pending.depth(), pending.oldestSeconds() == null ? 0 : Math.max(0, pending.oldestSeconds()));
    }

    /** {@code oldestSeconds} is null when nothing waits. */
    private record PendingCalls(long depth, Long oldestSeconds) {
    }

    /** One query on the pending-calls index serves the health answer and the metrics. */
    private PendingCalls pendingCalls() {
        return database.inTransaction(handle -> handle.createQuery("SELECT count(*) AS depth,"
                        + " floor(extract(epoch FROM clock_timestamp() - min(created_at)))::bigint AS oldest"
                        + " FROM telegram_outbox WHERE state = 'PENDING'")
                .map((rows, ctx) -> new PendingCalls(rows.getLong("depth"), (Long) rows.getObject("oldest", Long.class)))
                .one());
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("failed to stop a part of the Telegram bot cleanly", e);
            }
        }
    }
}
