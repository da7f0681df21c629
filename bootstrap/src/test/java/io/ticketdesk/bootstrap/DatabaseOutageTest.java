package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on a PostgreSQL of the test's own that is stopped, started again, or frozen
 * (SIGSTOP): requests are answered 503 with Retry-After in the envelope, none hangs, and service
 * resumes soon after the database is back.
 */
class DatabaseOutageTest {

    /** Functional bounds only: they catch "hangs" and "never recovers"; the figures are printed. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(20);

    @Test
    void aStoppedDatabaseGets503sThatSaySoAndServiceResumesWhenItIsBack(@TempDir Path dir) throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = startPostgres(dir, port);
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("DATABASE_URL", databaseUrl(postgres)))) {
            DeskUnderTest.Person user = desk.person(7001, "Ann", "USER");
            String ticket = desk.post("/api/v1/tickets", user.token(), Map.of("title", "T", "description", "D",
                    "category_id", desk.categoryId())).json().get("id").asText();

            postgres.close();

            assertUnavailable(desk.get("/api/v1/tickets", user.token()));
            assertUnavailable(desk.post("/api/v1/tickets/" + ticket + "/messages", user.token(), Map.of("content", "hello")));
            assertUnavailable(desk.upload(user.token(), "file", "note.txt", "text/plain",
                    "a file sent while the database is down".getBytes(StandardCharsets.UTF_8)));
            assertUpgradeUnavailable(desk, ticket, user.token());

            postgres = startPostgres(dir, port);
            long back = System.nanoTime();
            awaitSuccess(desk, user.token(), back);
            assertEquals(200, desk.get("/api/v1/tickets/" + ticket, user.token()).status());
        } finally {
            postgres.close();
        }
    }

    @Test
    void aFrozenDatabaseHoldsNoRequestForLongAndServiceResumesWhenItThaws(@TempDir Path dir) throws Exception {
        EmbeddedPostgres postgres = startPostgres(dir, freePort());
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("DATABASE_URL", databaseUrl(postgres)))) {
            DeskUnderTest.Person user = desk.person(7002, "Bob", "USER");
            assertEquals(200, desk.get("/api/v1/tickets", user.token()).status());

            List<Long> frozen = freeze(dir.resolve("postgres"));
            try {
                for (int request = 0; request < 3; request++) {
                    long asked = System.nanoTime();
                    DeskUnderTest.Response answer = desk.get("/api/v1/tickets", user.token());
                    long waited = Duration.ofNanos(System.nanoTime() - asked).toMillis();
                    System.out.printf("frozen database: answered %d after %d ms%n", answer.status(), waited);
                    assertUnavailable(answer);
                    assertTrue(waited < ANSWER_WITHIN.toMillis(), "a request hung " + waited + " ms");
                }
            } finally {
                signal("CONT", frozen);
            }
            awaitSuccess(desk, user.token(), System.nanoTime());
        } finally {
            postgres.close();
        }
    }

    private static void assertUnavailable(DeskUnderTest.Response answer) {
        assertEquals(503, answer.status(), answer.body());
        assertEquals("SERVICE_UNAVAILABLE", answer.errorCode(), answer.body());
        assertFalse(answer.json().at("/error/message").asText().isBlank(), answer.body());
        assertEquals("2", answer.headers().firstValue("Retry-After").orElse(null));
        assertTrue(answer.headers().firstValue("X-Request-Id").isPresent(), "no request id");
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    /** A raw upgrade request (the JDK's WebSocket client hides a refusal's body and cookies). */
    private static void assertUpgradeUnavailable(DeskUnderTest desk, String ticket, String token) throws IOException {
        int port = desk.uri("/").getPort();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
            socket.getOutputStream().write(("GET /ws/tickets/" + ticket + "?token=" + token + " HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            assertTrue(status.startsWith("HTTP/1.1 503"), status);
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
            assertEquals("2", headers.get("retry-after"), headers.toString());
            assertTrue(headers.containsKey("x-request-id"), headers.toString());
            assertFalse(headers.containsKey("set-cookie"), "a session cookie on a refusal: " + headers);
            char[] body = new char[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
            int read = 0;
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            JsonNode envelope = DeskUnderTest.JSON.readTree(new String(body, 0, read));
            assertEquals("SERVICE_UNAVAILABLE", envelope.at("/error/code").asText(), new String(body, 0, read));
        }
    }

    private static void awaitSuccess(DeskUnderTest desk, String token, long since) throws InterruptedException {
        long deadline = since + RECOVER_WITHIN.toNanos();
        while (desk.get("/api/v1/tickets", token).status() != 200) {
            assertTrue(System.nanoTime() < deadline, "no success " + RECOVER_WITHIN.toSeconds() + " s after the database came back");
            Thread.sleep(20);
        }
        System.out.printf("first success %d ms after the database was back%n",
                Duration.ofNanos(System.nanoTime() - since).toMillis());
    }

    private static EmbeddedPostgres startPostgres(Path dir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(false)
                .setPort(port).setRegisterShutdownHook(false).start();
    }

    private static String databaseUrl(EmbeddedPostgres postgres) {
        return DeskUnderTest.asEnvironmentValue(new PostgresUrl(postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", "postgres"));
    }

    /** SIGSTOP to the postmaster and every backend: a hung server, sockets open, nothing answered. */
    private static List<Long> freeze(Path dataDirectory) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        // the postmaster first, so it forks no backend after the list below was taken; then its
        // children, again until no new one shows up (one may have been forked just before)
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        signal("STOP", pids);
        while (true) {
            List<Long> missed = ProcessHandle.of(postmaster).orElseThrow().descendants().map(ProcessHandle::pid)
                    .filter(pid -> !pids.contains(pid)).toList();
            if (missed.isEmpty()) {
                return pids;
            }
            pids.addAll(missed);
            signal("STOP", missed);
        }
    }

    private static void signal(String name, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-s", name));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
