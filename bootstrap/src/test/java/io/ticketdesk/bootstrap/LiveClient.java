package io.ticketdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client on a ticket (java.net.http), keeping every frame it receives. */
final class LiveClient implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames;
    private final CompletableFuture<String> closed;

    private LiveClient(WebSocket socket, BlockingQueue<JsonNode> frames, CompletableFuture<String> closed) {
        this.socket = socket;
        this.frames = frames;
        this.closed = closed;
    }

    static LiveClient open(DeskUnderTest desk, String ticketId, String token) {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        frames.add(DeskUnderTest.JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new AssertionError("the server sent a frame that is not JSON: " + partial, e);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode + " " + reason);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete("error " + error);
            }
        };
        URI uri = URI.create("ws://localhost:" + desk.uri("/").getPort() + "/ws/tickets/" + ticketId
                + (token == null ? "" : "?token=" + token));
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, listener).join();
        return new LiveClient(socket, frames, closed);
    }

    /** The HTTP status of a refused upgrade; fails if the socket opened. */
    static int refusal(DeskUnderTest desk, String ticketId, String token) {
        try {
            open(desk, ticketId, token).close();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                int status = refused.getResponse().statusCode();
                OpenApiContract.DOCUMENT.checkStatus("GET", "/ws/tickets/" + ticketId, status);
                return status;
            }
            throw e;
        }
        throw new AssertionError("the socket opened");
    }

    /**
     * Returns once the server has this socket among a ticket's watchers: it answers frames only
     * after it registered the socket, and the handshake can complete before that. For a socket
     * expected to have nothing else queued yet (typing, which is never replayed, needs it).
     */
    LiveClient awaitWatching() {
        send("{\"type\":\"ping\"}");
        JsonNode first = next();
        if (!"pong".equals(first.path("type").asText())) {
            throw new AssertionError("expected the pong first, got " + first);
        }
        return this;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    /** The next frame, waiting up to 5 s. */
    JsonNode next() {
        try {
            JsonNode frame = frames.poll(5, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within 5 s");
            }
            return frame;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next frame of {@code type}, skipping others (pings are not frames here). */
    JsonNode next(String type) {
        while (true) {
            JsonNode frame = next();
            if (frame.path("type").asText().equals(type)) {
                return frame;
            }
        }
    }

    /** Frames that arrive within {@code wait}; used to show that something does NOT arrive. */
    List<JsonNode> drain(Duration wait) {
        List<JsonNode> drained = new ArrayList<>();
        try {
            JsonNode frame;
            while ((frame = frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                drained.add(frame);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return drained;
    }

    /** "code reason" once the server closed the socket, waiting up to 5 s. */
    String closedWith() {
        try {
            return closed.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the socket was not closed", e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
    }
}
