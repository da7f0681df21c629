package io.ticketdesk.adapters.persistence.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * connection drops (signals sent while it is away are lost; clients reload on reconnect).
 */
public final class PostgresTicketSignalBus implements TicketSignalBus, AutoCloseable {

    static final String CHANNEL = "ticketdesk_signals";
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7999;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresTicketSignalBus.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final JdbiTransactions transactions;
    private final PostgresUrl url;
    private final List<Consumer<TicketSignal>> receivers = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstListen = new CountDownLatch(1);
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

    @Override
    public void subscribe(Consumer<TicketSignal> receiver) {
        receivers.add(receiver);
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                firstListen.countDown();
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
                    LOG.warn("ticket signal connection lost ({}); listening again in {}", e.getMessage(), RECONNECT_AFTER);
                    pause();
                }
            }
        }
    }

    private void dispatch(String payload) {
        TicketSignal signal;
        try {
            signal = SignalCodec.decode(payload);
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("ignored an unreadable ticket signal", unreadable);
            return;
        }
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

    /** The wire form of signals: short JSON objects with a {@code type}. */
    static final class SignalCodec {

        private SignalCodec() {
        }

        static String encode(TicketSignal signal) {
            ObjectNode node = JSON.createObjectNode();
            if (signal instanceof TicketSignal.MessagePosted s) {
                node.put("type", "message").put("ticket", s.ticketId().toString())
                        .put("message", s.messageId().toString()).put("internal", s.internal());
            } else if (signal instanceof TicketSignal.StatusChanged s) {
                node.put("type", "status").put("ticket", s.ticketId().toString())
                        .put("old", s.oldStatus()).put("new", s.newStatus()).set("by", actor(s.by()));
            } else if (signal instanceof TicketSignal.TicketUpdated s) {
                node.put("type", "updated").put("ticket", s.ticketId().toString()).set("by", actor(s.by()));
                ObjectNode changes = node.putObject("changes");
                s.changes().forEach((field, change) -> changes.putObject(field)
                        .put("old", change.oldValue()).put("new", change.newValue()));
            } else if (signal instanceof TicketSignal.Typing s) {
                node.put("type", "typing").put("ticket", s.ticketId().toString()).put("user", s.userId().toString())
                        .put("first_name", s.firstName()).put("typing", s.typing()).put("internal", s.internal());
            } else if (signal instanceof TicketSignal.TicketDeleted s) {
                node.put("type", "deleted").put("ticket", s.ticketId().toString());
            } else if (signal instanceof TicketSignal.AccessChanged s) {
                node.put("type", "access").put("user", s.userId().toString());
            }
            return node.toString();
        }

        static TicketSignal decode(String payload) throws IOException {
            JsonNode node = JSON.readTree(payload);
            String type = node.path("type").asText();
            return switch (type) {
                case "message" -> new TicketSignal.MessagePosted(uuid(node, "ticket"), uuid(node, "message"),
                        node.path("internal").asBoolean());
                case "status" -> new TicketSignal.StatusChanged(uuid(node, "ticket"), node.path("old").asText(),
                        node.path("new").asText(), actor(node.get("by")));
                case "updated" -> {
                    java.util.Map<String, TicketSignal.FieldChange> changes = new java.util.LinkedHashMap<>();
                    node.path("changes").fields().forEachRemaining(field -> changes.put(field.getKey(),
                            new TicketSignal.FieldChange(text(field.getValue(), "old"), text(field.getValue(), "new"))));
                    yield new TicketSignal.TicketUpdated(uuid(node, "ticket"), changes, actor(node.get("by")));
                }
                case "typing" -> new TicketSignal.Typing(uuid(node, "ticket"), uuid(node, "user"),
                        node.path("first_name").asText(), node.path("typing").asBoolean(),
                        node.path("internal").asBoolean());
                case "deleted" -> new TicketSignal.TicketDeleted(uuid(node, "ticket"));
                case "access" -> new TicketSignal.AccessChanged(uuid(node, "user"));
                default -> throw new IOException("unknown signal type " + type);
            };
        }

        private static JsonNode actor(TicketSignal.Actor actor) {
            if (actor == null) {
                return JSON.nullNode();
            }
            return JSON.createObjectNode().put("id", actor.id().toString()).put("first_name", actor.firstName())
                    .put("role", actor.role().name());
        }

        private static TicketSignal.Actor actor(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            return new TicketSignal.Actor(uuid(node, "id"), node.path("first_name").asText(),
                    io.ticketdesk.domain.users.Role.valueOf(node.path("role").asText()));
        }

        private static java.util.UUID uuid(JsonNode node, String field) {
            return java.util.UUID.fromString(node.path(field).asText());
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
