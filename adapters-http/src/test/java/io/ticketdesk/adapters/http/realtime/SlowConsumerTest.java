package io.ticketdesk.adapters.http.realtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.ticketdesk.adapters.http.HttpApi;
import io.ticketdesk.adapters.http.auth.JwtTokens;
import io.ticketdesk.adapters.http.tickets.TicketsController;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.realtime.LiveEvent;
import io.ticketdesk.application.port.in.realtime.TicketWatcher;
import io.ticketdesk.application.port.in.tickets.PersonRef;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A client that stops reading is cut off with 1008 instead of making the server buffer without bound. */
class SlowConsumerTest {

    @Test
    void aSocketThatStopsReadingIsClosedOnceItsOutgoingQueueIsFull() throws Exception {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        User viewer = new User(UUID.randomUUID(), 1, null, "Slow", null, null, Role.HELPER, true, now, now);
        UUID ticketId = UUID.randomUUID();
        AtomicReference<TicketWatcher> watcher = new AtomicReference<>();
        CountDownLatch watching = new CountDownLatch(1);
        CountDownLatch stoppedWatching = new CountDownLatch(1);
        HttpApi.UseCases useCases = new HttpApi.UseCases(null, userId -> viewer, null, () -> true,
                new TicketsController.UseCases(null, (actor, id) -> null, null, null, null, null),
                null, null, null, null, null, null, null, null,
                (user, id, w) -> {
                    watcher.set(w);
                    watching.countDown();
                    return stoppedWatching::countDown;
                },
                (sender, id, typing, internal) -> { });
        Javalin app = new HttpApi(useCases, tokens(), List.of()).create().start(0);
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(1024);
            client.connect(new InetSocketAddress("localhost", app.port()));
            upgrade(client, app.port(), ticketId, tokens().issue(viewer.id()).token());
            assertTrue(watching.await(5, TimeUnit.SECONDS));

            // the client reads nothing more; the server keeps producing large frames
            MessageView big = new MessageView(new Message(UUID.randomUUID(), ticketId, viewer.id(), "x".repeat(10_000),
                    false, now), new PersonRef(viewer.id(), 1, "Slow", null, Role.HELPER), List.of());
            for (int i = 0; i < 5_000 && stoppedWatching.getCount() > 0; i++) {
                watcher.get().deliver(new LiveEvent.NewMessage(ticketId, big));
            }

            assertTrue(stoppedWatching.await(10, TimeUnit.SECONDS), "the slow socket was closed");
        } finally {
            app.stop();
        }
    }

    private static JwtTokens tokens() {
        return new JwtTokens("unit-test-secret-that-is-at-least-32-bytes", Duration.ofDays(1), Clock.systemUTC());
    }

    /** A bare WebSocket handshake: reads the 101 answer, then never reads again. */
    private static void upgrade(Socket client, int port, UUID ticketId, String token) throws Exception {
        OutputStream out = client.getOutputStream();
        out.write(("GET /ws/tickets/" + ticketId + "?token=" + token + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = client.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
    }
}
