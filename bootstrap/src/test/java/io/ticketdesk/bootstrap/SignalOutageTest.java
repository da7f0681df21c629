package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sockets stay open while messages are posted and PostgreSQL is restarted under them: each socket,
 * reloading its ticket when told to {@code resync} as the documented client does, ends up with
 * every message of its ticket exactly once and in order.
 */
class SignalOutageTest {

    private static final int TICKETS = 3;
    private static final int SOCKETS_PER_TICKET = 2;

    @Test
    void everySocketHasEveryMessageOnceAndInOrderAcrossADatabaseRestart(@TempDir Path dir) throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = startPostgres(dir, port);
        List<Thread> posters = new ArrayList<>();
        AtomicBoolean posting = new AtomicBoolean(true);
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("DATABASE_URL", DeskUnderTest.asEnvironmentValue(
                new PostgresUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"))))) {
            DeskUnderTest.Person author = desk.person(8101, "Ann", "USER");
            String category = desk.categoryId();
            List<String> tickets = new ArrayList<>();
            List<Watcher> watchers = new ArrayList<>();
            for (int t = 0; t < TICKETS; t++) {
                String ticket = desk.post("/api/v1/tickets", author.token(), Map.of("title", "Outage " + t,
                        "description", "D", "category_id", category)).json().get("id").asText();
                tickets.add(ticket);
                for (int s = 0; s < SOCKETS_PER_TICKET; s++) {
                    watchers.add(Watcher.open(desk, ticket, author.token()));
                }
            }
            AtomicInteger acknowledged = new AtomicInteger();
            for (String ticket : tickets) {
                Thread poster = new Thread(() -> {
                    for (int n = 0; posting.get(); n++) {
                        try {
                            DeskUnderTest.Response posted = desk.post("/api/v1/tickets/" + ticket + "/messages",
                                    author.token(), Map.of("content", "message " + n));
                            if (posted.status() == 201) {
                                acknowledged.incrementAndGet();
                            }
                        } catch (AssertionError connectionTrouble) {
                            // the service itself stays up; whatever was stored is checked at the end
                        }
                    }
                }, "poster-" + ticket);
                poster.start();
                posters.add(poster);
            }
            awaitAcknowledged(acknowledged, 20);
            postgres.close();
            // the database stays down until the service has seen it gone, not for a guessed time
            long seenDownBy = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (desk.get("/health", null).status() != 503) {
                assertTrue(System.nanoTime() < seenDownBy, "/health never reported the database down");
                Thread.sleep(50);
            }
            postgres = startPostgres(dir, port);
            int beforeRestart = acknowledged.get();
            awaitAcknowledged(acknowledged, beforeRestart + 60);
            posting.set(false);
            for (Thread poster : posters) {
                poster.join(30_000);
            }

            for (Watcher watcher : watchers) {
                List<String> stored = Watcher.reload(desk, watcher.ticket, author.token());
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!watcher.view().equals(stored) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(stored, watcher.view(), "socket on " + watcher.ticket + " (resyncs: " + watcher.resyncs.get() + ")");
                assertEquals(watcher.pushed.size(), watcher.pushed.stream().distinct().count(),
                        "a message was pushed twice on one socket");
                assertTrue(watcher.resyncs.get() >= 1, "the socket was not told to reload after the outage");
            }
            System.out.printf("%d messages acknowledged, %d sockets each with all of their ticket's, in order%n",
                    acknowledged.get(), watchers.size());
            watchers.forEach(Watcher::close);
        } finally {
            posting.set(false);
            postgres.close();
        }
    }

    private static void awaitAcknowledged(AtomicInteger acknowledged, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged.get() < atLeast) {
            assertTrue(System.nanoTime() < deadline, "posting stalled at " + acknowledged.get());
            Thread.sleep(20);
        }
    }

    /** A socket on a ticket with the client's view of its messages: pushed ones appended, a resync reloads. */
    private static final class Watcher implements WebSocket.Listener {

        final String ticket;
        final DeskUnderTest desk;
        final String token;
        final List<String> pushed = new CopyOnWriteArrayList<>();
        final AtomicInteger resyncs = new AtomicInteger();
        private final List<String> view = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        private Watcher(DeskUnderTest desk, String ticket, String token) {
            this.desk = desk;
            this.ticket = ticket;
            this.token = token;
        }

        static Watcher open(DeskUnderTest desk, String ticket, String token) {
            Watcher watcher = new Watcher(desk, ticket, token);
            URI uri = URI.create("ws://localhost:" + desk.uri("/").getPort() + "/ws/tickets/" + ticket + "?token=" + token);
            watcher.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, watcher).join();
            return watcher;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame;
                try {
                    frame = DeskUnderTest.JSON.readTree(partial.toString());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                partial.setLength(0);
                String type = frame.path("type").asText();
                if (type.equals("new_message")) {
                    String id = frame.at("/data/id").asText();
                    pushed.add(id);
                    synchronized (this) {
                        if (!view.contains(id)) {
                            view.add(id);
                        }
                    }
                } else if (type.equals("resync")) {
                    resyncs.incrementAndGet();
                    // the documented client: reload the ticket's messages, keep what was pushed meanwhile
                    List<String> reloaded = reload(desk, ticket, token);
                    synchronized (this) {
                        List<String> merged = new ArrayList<>(reloaded);
                        view.stream().filter(id -> !reloaded.contains(id)).forEach(merged::add);
                        view.clear();
                        view.addAll(merged);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        synchronized List<String> view() {
            return new ArrayList<>(view);
        }

        /** Every message of the ticket, oldest first, through the paged list. */
        static List<String> reload(DeskUnderTest desk, String ticket, String token) {
            List<String> ids = new ArrayList<>();
            for (int page = 1; ; page++) {
                DeskUnderTest.Response answer = desk.get("/api/v1/tickets/" + ticket + "/messages?size=50&page=" + page, token);
                for (int retry = 0; answer.status() == 503 && retry < 20; retry++) {
                    sleep(Duration.ofMillis(250)); // as Retry-After asks, a little sooner
                    answer = desk.get("/api/v1/tickets/" + ticket + "/messages?size=50&page=" + page, token);
                }
                if (answer.status() != 200) {
                    throw new AssertionError("reload failed: " + answer);
                }
                answer.json().path("items").forEach(item -> ids.add(item.get("id").asText()));
                if (answer.json().path("items").size() < 50) {
                    return ids;
                }
            }
        }

        private static void sleep(Duration pause) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
    }

    private static EmbeddedPostgres startPostgres(Path dir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(false)
                .setPort(port).setRegisterShutdownHook(false).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
