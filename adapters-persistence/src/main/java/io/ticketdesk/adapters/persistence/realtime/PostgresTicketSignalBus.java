package io.ticketdesk.adapters.persistence.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ticketdesk.adapters.persistence.CoreJson;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticket signals over PostgreSQL NOTIFY/LISTEN. Publishing is a {@code pg_notify} in the running
 * transaction, so PostgreSQL delivers it only on commit and in commit order, to every instance.
 * Listening holds one connection of its own, outside the pool, and comes back by itself when the
 * connection drops; signals sent while it is away are lost, so once it listens again the
 * {@link #afterGap} actions run (watchers are told to reload).
 */
public final class PostgresTicketSignalBus implements TicketSignalBus, AutoCloseable {

    static final String CHANNEL = "ticketdesk_signals";
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7999;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresTicketSignalBus.class);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Short: every signal committed before listening resumes is one more thing clients must reload. */
    private static final Duration RECONNECT_AFTER = Duration.ofMillis(200);

    private final JdbiTransactions transactions;
    private final PostgresUrl url;
    private final List<Consumer<TicketSignal>> receivers = new CopyOnWriteArrayList<>();
    private final List<Runnable> gapActions = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstListen = new CountDownLatch(1);
    /** Markers sent by {@link #awaitEarlierSignals} and not back yet; not JSON, so never taken for a signal. */
    private static final String BARRIER = "barrier:";
    private final Map<String, CountDownLatch> barriers = new ConcurrentHashMap<>();
    private final Thread listener;
    private volatile boolean running = true;

    public PostgresTicketSignalBus(JdbiTransactions transactions, PostgresUrl url) {
        this.transactions = transactions;
        this.url = url;
        this.listener = new Thread(this::listen, "ticket-signals");
        this.listener.setDaemon(true);
    }

    /** Starts listening and waits until it does, so no signal committed after start-up is missed. */
    public void start(Duration timeout) {
        listener.start();
        try {
            if (!firstListen.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("could not LISTEN for ticket signals within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting to listen for ticket signals", e);
        }
    }

    @Override
    public void publish(TicketSignal signal) {
        if (signal instanceof TicketSignal.SignalsMissed) {
            throw new IllegalArgumentException("SignalsMissed is told by a bus to its own receivers, never sent");
        }
        String payload = SignalCodec.encode(signal);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("signal too large for a notification: " + signal.getClass().getSimpleName());
        }
        transactions.withHandle(handle -> handle.createQuery("SELECT pg_notify(:channel, :payload)")
                .bind("channel", CHANNEL)
                .bind("payload", payload)
                .map((rs, ctx) -> Boolean.TRUE)
                .one());
    }

    /**
     * Returns once every signal committed before this call has been handed to this instance's
     * receivers (notifications arrive in commit order, so a marker sent now comes after them all):
     * for whoever changed rows behind the service's back and must not race the signals (tests).
     */
    public void awaitEarlierSignals(Duration timeout) {
        String marker = BARRIER + UUID.randomUUID();
        CountDownLatch seen = new CountDownLatch(1);
        barriers.put(marker, seen);
        try {
            transactions.withHandle(handle -> handle.createQuery("SELECT pg_notify(:channel, :payload)")
                    .bind("channel", CHANNEL)
                    .bind("payload", marker)
                    .map((rs, ctx) -> Boolean.TRUE)
                    .one());
            if (!seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("signals not delivered within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for signals", e);
        } finally {
            barriers.remove(marker);
        }
    }

    @Override
    public void subscribe(Consumer<TicketSignal> receiver) {
        receivers.add(receiver);
    }

    @Override
    public void afterGap(Runnable action) {
        gapActions.add(action);
    }

    private void listen() {
        boolean interrupted = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (firstListen.getCount() == 0) {
                    // listening again: what was committed while away is lost, and may have been re-kept meanwhile
                    dispatch(new TicketSignal.SignalsMissed());
                }
                firstListen.countDown();
                if (interrupted) {
                    LOG.info("listening for ticket signals again; watchers are told to reload");
                    interrupted = false;
                    runGapActions();
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    if (!interrupted) {
                        LOG.warn("ticket signal connection lost ({}); retrying every {} ms", e.getMessage(),
                                RECONNECT_AFTER.toMillis());
                    }
                    interrupted = true;
                    // signals committed from now until listening again are lost: receivers drop what they kept
                    dispatch(new TicketSignal.SignalsMissed());
                    pause();
                }
            }
        }
    }

    private void runGapActions() {
        for (Runnable action : gapActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("a ticket signal gap action failed", e);
            }
        }
    }

    private void dispatch(String payload) {
        if (payload.startsWith(BARRIER)) {
            // another instance's markers are none of this one's business
            CountDownLatch waiting = barriers.get(payload);
            if (waiting != null) {
                waiting.countDown();
            }
            return;
        }
        TicketSignal signal;
        try {
            signal = SignalCodec.decode(payload);
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("ignored an unreadable ticket signal", unreadable);
            return;
        }
        dispatch(signal);
    }

    private void dispatch(TicketSignal signal) {
        for (Consumer<TicketSignal> receiver : receivers) {
            try {
                receiver.accept(signal);
            } catch (RuntimeException e) {
                LOG.warn("a ticket signal receiver failed on {}", signal.getClass().getSimpleName(), e);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            listener.join(POLL.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The wire form of signals: short JSON objects with a {@code type} (see {@link CoreJson}). */
    static final class SignalCodec {

        private SignalCodec() {
        }

        static String encode(TicketSignal signal) {
            try {
                return CoreJson.mapper().writeValueAsString(signal);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a ticket signal could not be written", e);
            }
        }

        static TicketSignal decode(String payload) throws IOException {
            return CoreJson.mapper().readValue(payload, TicketSignal.class);
        }
    }
}
