package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 5: what Jetty refuses before our routes run is answered in the same JSON
 * envelope with a request id, and slow clients are cut after the configured timeouts.
 */
class ServerRefusalsTest {

    private static DeskUnderTest desk;
    private static int port;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start(Map.of("HTTP_IDLE_TIMEOUT", "PT1S", "HTTP_HEADER_TIMEOUT", "PT1S"));
        port = desk.uri("/").getPort();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static RawHttp.Answer get(String target, String... extraHeaderLines) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String line : extraHeaderLines) {
            request.append(line).append("\r\n");
        }
        return RawHttp.exchange(port, request.append("Connection: close\r\n\r\n").toString());
    }

    @Test
    void aNulOrABadEscapeInThePathIsA400InTheEnvelope() {
        assertEnvelope(get("/api/v1/tickets/%00"), 400, "BAD_REQUEST");
        assertEnvelope(get("/api/v1/tickets/%zz"), 400, "BAD_REQUEST");
        assertEnvelope(get("/api/v1/tickets/%C0%AF"), 400, "BAD_REQUEST");
    }

    @Test
    void connectIsRefusedInTheEnvelope() {
        RawHttp.Answer answer = RawHttp.exchange(port, "CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n");

        assertTrue(answer.status() >= 400 && answer.status() < 500, answer.toString());
        assertEnvelope(answer, answer.status(), answer.errorCode());
    }

    @Test
    void aVeryLongUriIs414InTheEnvelope() {
        assertEnvelope(get("/api/v1/tickets?search=" + "a".repeat(70 * 1024)), 414, "URI_TOO_LONG");
    }

    @Test
    void aVeryLargeHeaderIs431InTheEnvelope() {
        assertEnvelope(get("/health", "X-Padding: " + "b".repeat(64 * 1024)), 431, "HEADERS_TOO_LARGE");
    }

    @Test
    void aControlCharacterInAHeaderIsA400InTheEnvelope() {
        assertEnvelope(get("/health", "X-Note: a\u0001b"), 400, "BAD_REQUEST");
        assertEnvelope(get("/health", "X-Note: a\u0000b"), 400, "BAD_REQUEST");
    }

    @Test
    void aBodyShorterThanItsContentLengthIs408AfterTheIdleTimeout() {
        String token = desk.logIn(1401, "Slow");
        RawHttp.Answer answer = RawHttp.exchange(port, "PUT /api/v1/auth/profile HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"first_name\":");

        assertEnvelope(answer, 408, "REQUEST_TIMEOUT");
    }

    @Test
    void aConnectionTricklingItsHeadersIsClosed() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            Thread trickle = new Thread(() -> {
                try {
                    // a byte every 200 ms never lets the idle timeout fire: only the head deadline can stop it
                    for (int i = 0; i < 75; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException closedByServer) {
                    // the server hung up: what this test waits for
                }
            });
            trickle.start();
            int read = socket.getInputStream().read();
            trickle.join();

            assertEquals(-1, read, "the server should close the connection, not answer or wait");
            assertFalse(trickle.isAlive());
        }
    }

    static void assertEnvelope(RawHttp.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(code, answer.errorCode(), answer.toString());
        assertTrue(answer.json().at("/error/message").isTextual(), answer.toString());
        assertTrue(answer.json().at("/error/details").isArray(), answer.toString());
        assertNotNull(answer.header("X-Request-Id"), answer.toString());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.toString());
    }
}
