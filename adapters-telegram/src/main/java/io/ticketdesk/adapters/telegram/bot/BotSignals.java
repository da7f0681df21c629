package io.ticketdesk.adapters.telegram.bot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wake-ups between instances: {@code pg_notify} inside the transaction that stored an update or an
 * outgoing call (delivered only if it commits), heard on one listening connection per instance.
 */
public final class BotSignals implements AutoCloseable {

    public static final String UPDATES = "telegram_updates";
    public static final String OUTBOX = "telegram_outbox";
    private static final Logger LOG = LoggerFactory.getLogger(BotSignals.class);

    private final BotDatabase database;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final BackgroundLoop loop = new BackgroundLoop("telegram-signals", Duration.ofSeconds(3));

    public BotSignals(BotDatabase database) {
        this.database = database;
    }

    /** Sends {@code channel}'s signal when the transaction of {@code handle} commits. */
    public static void notify(Handle handle, String channel) {
        handle.createQuery("SELECT pg_notify(:channel, '')").bind("channel", channel).mapTo(String.class).one();
    }

    public void onSignal(String channel, Runnable listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    public void start() {
        loop.start(this::listen);
    }

    private void listen() {
        while (loop.running()) {
            try (Connection connection = database.openDedicated()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + UPDATES + "; LISTEN " + OUTBOX);
                }
                // anything committed while we were not listening is picked up by this first round
                listeners.values().forEach(list -> list.forEach(Runnable::run));
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (loop.running()) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications == null) {
                        continue;
                    }
                    java.util.Set<String> channels = new java.util.HashSet<>();
                    for (PGNotification notification : notifications) {
                        channels.add(notification.getName());
                    }
                    channels.forEach(channel -> listeners.getOrDefault(channel, List.of()).forEach(Runnable::run));
                }
            } catch (SQLException e) {
                if (loop.running()) {
                    LOG.warn("telegram wake-up listener lost its connection ({}); reconnecting in 1 s", e.getMessage());
                    sleep(1_000);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
