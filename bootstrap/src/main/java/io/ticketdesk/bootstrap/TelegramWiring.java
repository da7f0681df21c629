package io.ticketdesk.bootstrap;

import io.ticketdesk.adapters.http.HttpApi;
import io.ticketdesk.adapters.http.PlainPostHandler;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.ticketdesk.adapters.persistence.ServiceSecrets;
import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import io.ticketdesk.adapters.telegram.bot.BotUsername;
import io.ticketdesk.adapters.telegram.bot.TelegramBot;
import io.ticketdesk.adapters.telegram.delivery.OutgoingFiles;
import io.ticketdesk.adapters.telegram.dialogue.DeskPorts;
import io.ticketdesk.adapters.telegram.dialogue.TelegramDialogue;
import io.ticketdesk.adapters.telegram.notifications.NotifierPorts;
import io.ticketdesk.adapters.telegram.notifications.TelegramNotifier;
import io.ticketdesk.adapters.telegram.receiving.WebhookReceiver;
import io.ticketdesk.application.port.in.auth.AuthenticationFailedException;
import io.ticketdesk.application.port.in.files.FileDownload;
import io.ticketdesk.application.port.in.health.BotHealth;
import io.ticketdesk.application.port.out.health.BotProbe;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.files.StoredFile;
import io.ticketdesk.domain.users.User;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The Telegram bot beside HTTP: the same in-ports, the bot's own tables on the same database, its
 * webhook served by the HTTP server through a plain hook (neither adapter knows the other).
 */
final class TelegramWiring implements AutoCloseable {

    /** Connections the bot's workers may hold at once (eight senders, the update handler, the notifier). */
    static final int EXTRA_CONNECTIONS = 10;

    private final TelegramBot bot;
    private final TelegramNotifier notifier;

    private TelegramWiring(TelegramBot bot, TelegramNotifier notifier) {
        this.bot = bot;
        this.notifier = notifier;
    }

    /** What /health asks; empty until (and unless) a bot runs. */
    static final class Probe implements BotProbe {
        private final AtomicReference<TelegramBot> bot = new AtomicReference<>();

        @Override
        public Optional<BotHealth> state() {
            TelegramBot running = bot.get();
            if (running == null) {
                return Optional.empty();
            }
            TelegramBot.Status status = running.status();
            return Optional.of(new BotHealth(status.mode(), status.leader(), status.outboxDepth(),
                    status.oldestPendingSeconds(), status.lastProblem()));
        }
    }

    /**
     * The outbox gauges' reading: one query serves both gauges of a scrape (a reading is reused for a
     * second); a failed read shows as NaN rather than failing the scrape.
     */
    static final class OutboxReading {
        private static final long REUSE_NANOS = 1_000_000_000L;
        private final TelegramBot bot;
        private TelegramBot.Backlog last;
        private boolean everRead;
        private long readAt;

        OutboxReading(TelegramBot bot) {
            this.bot = bot;
        }

        synchronized double depth() {
            TelegramBot.Backlog backlog = read();
            return backlog == null ? Double.NaN : backlog.depth();
        }

        synchronized double oldestSeconds() {
            TelegramBot.Backlog backlog = read();
            return backlog == null ? Double.NaN : backlog.oldestSeconds();
        }

        private TelegramBot.Backlog read() {
            long now = System.nanoTime();
            if (!everRead || now - readAt > REUSE_NANOS) {
                everRead = true;
                try {
                    last = bot.outboxBacklog();
                } catch (RuntimeException unreadable) {
                    last = null;
                }
                readAt = now;
            }
            return last;
        }
    }

    static Optional<TelegramWiring> start(Settings settings, DeskUseCases desk, JdbiTransactions transactions,
                                          PostgresUrl url, HttpApi http, Probe probe, ServiceMetrics metrics) {
        if (settings.telegramMode() == Settings.TelegramMode.OFF || settings.botToken().isEmpty()) {
            return Optional.empty();
        }
        BotDatabase database = new BotDatabase(new BotDatabase.TransactionRunner() {
            @Override
            public <T> T inTransaction(Function<Handle, T> work) {
                return transactions.inTransaction(() -> transactions.withHandle(work));
            }
        }, url.jdbcUrl(), url.user(), url.password());
        boolean webhook = settings.telegramMode() == Settings.TelegramMode.WEBHOOK;
        // every instance must present the same secret: one made once and kept in the database
        Optional<String> secret = webhook
                ? Optional.of(settings.telegramWebhookSecret().orElseGet(() -> new ServiceSecrets(transactions)
                        .getOrCreate("telegram_webhook_secret", TelegramWiring::randomSecret)))
                : Optional.empty();
        TelegramBot.Config config = TelegramBot.Config.defaults(
                webhook ? TelegramBot.Mode.WEBHOOK : TelegramBot.Mode.POLLING, settings.telegramApiUrl(),
                settings.botToken().get(), settings.telegramWebhookUrl(), secret, settings.webAppUrl());
        DeskPorts ports = new DeskPorts(desk.identifyTelegramUser()::identify, desk.listCategories(),
                desk.createTicket(), desk.listTickets(), desk.getTicket(), desk.postMessage(), desk.updateTicket(),
                desk.uploadFile(), metrics.countingRefusals(desk.rateLimits(), "telegram"));
        TelegramBot bot = TelegramBot.start(config, database, settings.staffChatId(),
                (api, outbox) -> new TelegramDialogue(database, ports, outbox, api, settings.webAppUrl(),
                        settings.staffChatId(), settings.staffChatLanguage()), outgoingFiles(desk), metrics::telegramCall);
        TelegramNotifier notifier = new TelegramNotifier(new NotifierPorts(desk.drainDeskEvents(),
                desk.identifyCaller(), desk.getTicket(), desk.listMessages()), bot.outbox(), database,
                settings.staffChatId(), new BotUsername(settings.botUsername(), bot.api()), settings.staffChatLanguage());
        notifier.start();
        OutboxReading outbox = new OutboxReading(bot);
        metrics.outbox(outbox::depth, outbox::oldestSeconds);
        if (webhook) {
            WebhookReceiver receiver = bot.webhook().orElseThrow();
            http.plainPost(bot.webhookPath().orElseThrow(), (header, body) -> {
                WebhookReceiver.Answer answer = receiver.receive(header.apply(WebhookReceiver.SECRET_HEADER), body);
                return new PlainPostHandler.Answer(answer.status(), answer.body());
            });
        }
        probe.bot.set(bot);
        return Optional.of(new TelegramWiring(bot, notifier));
    }

    /** Files the bot sends, read through the same download use case as the API, as their recipient. */
    private static OutgoingFiles outgoingFiles(DeskUseCases desk) {
        return (fileId, readerId) -> {
            try {
                User reader = desk.identifyCaller().activeUser(readerId);
                FileDownload download = desk.downloadFile().download(reader, fileId);
                StoredFile file = download.file();
                return Optional.of(new OutgoingFiles.OutgoingFile(file.filename(), file.contentType(), file.size(),
                        () -> download.content().open(0, file.size())));
            } catch (DomainException | AuthenticationFailedException gone) {
                return Optional.empty();
            }
        };
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        notifier.close();
        bot.close();
    }
}
