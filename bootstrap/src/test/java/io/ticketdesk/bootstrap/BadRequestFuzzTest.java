package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a few thousand generated bad requests (random bytes in bodies, query values, path
 * segments and headers) against the real server. None may get a 5xx, every error comes in the
 * envelope with an X-Request-Id, and the stored data is exactly what it was before.
 * Every request is made from its own Random(seed, index): a failure names both, and
 * {@code -Dfuzz.seed=N} replays a run.
 */
class BadRequestFuzzTest {

    private static final int REQUESTS = 2500;
    private static final long SEED = Long.getLong("fuzz.seed", 20261130L);

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    /** Every field the API reads, per route; a fuzzed body sets all of them to values no rule accepts. */
    private static final Map<String, List<String>> ROUTES = Map.ofEntries(
            Map.entry("/api/v1/auth/telegram", List.of("initData", "hash")),
            Map.entry("/api/v1/auth/me", List.of()),
            Map.entry("/api/v1/auth/profile", List.of("first_name", "last_name", "username")),
            Map.entry("/api/v1/tickets", List.of("title", "description", "category_id", "priority")),
            Map.entry("/api/v1/tickets/{id}", List.of("title", "description", "status", "priority", "assignee_id")),
            Map.entry("/api/v1/tickets/{id}/messages", List.of("content", "is_internal", "attachment_ids")),
            Map.entry("/api/v1/tickets/{id}/history", List.of()),
            Map.entry("/api/v1/categories", List.of("name", "description", "is_active")),
            Map.entry("/api/v1/categories/{id}", List.of("name", "description", "is_active")),
            Map.entry("/api/v1/users", List.of()),
            Map.entry("/api/v1/users/{id}/role", List.of("role")),
            Map.entry("/api/v1/users/{id}/status", List.of("is_active")),
            Map.entry("/api/v1/files/upload", List.of()),
            Map.entry("/api/v1/files/{id}", List.of()),
            Map.entry("/api/v1/statistics/dashboard", List.of()),
            Map.entry("/api/v1/statistics/tickets", List.of()),
            Map.entry("/health", List.of()),
            Map.entry("/nowhere/{id}", List.of()));
    /** JSON values that are wrong for every field above: wrong types, NUL, lone surrogates, control characters. */
    private static final List<String> BAD_VALUES = List.of("\"a\\u0000b\"", "\"\\u0000\"", "\"x\\ud800\"",
            "\"\\udc00y\"", "\"bell\\u0007\"", "\"esc\\u001b[31m\"", "123", "-1.5", "1e999", "[1, 2]", "{\"a\": 1}",
            "[\"\\u0000\"]");
    private static final List<String> QUERY_NAMES = List.of("search", "status", "priority", "page", "size",
            "category_id", "assignee_id", "role", "is_active", "include_inactive", "from", "to", "period", "sort", "x");

    private record Fuzzed(String description, byte[] bytes, String method) {
    }

    @Test
    void badRequestsNeverGet5xxAlwaysGetTheEnvelopeAndChangeNothing() throws Exception {
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("HTTP_IDLE_TIMEOUT", "PT2S"))) {
            DeskUnderTest.Person user = desk.person(1901, "Fuzz", "USER");
            DeskUnderTest.Person admin = desk.person(1902, "Admin", "ADMIN");
            String category = desk.categoryId();
            String ticket = desk.post("/api/v1/tickets", user.token(), Map.of("title", "Fuzz target",
                    "description", "Stays as it is", "category_id", category)).json().get("id").asText();
            desk.post("/api/v1/tickets/" + ticket + "/messages", user.token(),
                    Map.of("content", "A message", "is_internal", false));
            List<String> ids = List.of(ticket, category, user.id(), admin.id(), UUID.randomUUID().toString());
            List<String> tokens = List.of(user.token(), admin.token());
            Map<String, String> before = snapshot(desk);
            int port = desk.uri("/").getPort();

            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            IntStream.range(0, REQUESTS).forEach(index -> clients.submit(() -> {
                Fuzzed request = generate(new Random(SEED * 1_000_003L + index), ids, tokens);
                try {
                    RawHttp.Answer answer = RawHttp.exchange(port, request.bytes());
                    statuses.merge(answer.status(), 1, Integer::sum);
                    String problem = check(request, answer);
                    if (problem != null) {
                        failures.add("seed " + SEED + " index " + index + ": " + problem + "\n  request: "
                                + request.description());
                    }
                } catch (Throwable e) {
                    failures.add("seed " + SEED + " index " + index + ": " + e + "\n  request: " + request.description());
                }
            }));
            clients.shutdown();
            assertTrue(clients.awaitTermination(5, TimeUnit.MINUTES), "the fuzz run did not finish");

            assertTrue(failures.isEmpty(), failures.size() + " of " + REQUESTS + " requests failed (seed " + SEED
                    + "), the first ones:\n" + String.join("\n", failures.stream().limit(10).toList()));
            assertEquals(before, snapshot(desk), "stored data changed (seed " + SEED + ")");
            // the requests reached every layer: Jetty's parser, routing, authentication, validation
            assertTrue(statuses.keySet().containsAll(List.of(400, 401, 404, 405, 422)), "statuses seen: " + statuses);
            System.out.println("fuzz seed " + SEED + ", " + REQUESTS + " requests, statuses: " + statuses);
        }
    }

    /** What is wrong with the answer, or null when it is as the contract says. */
    private static String check(Fuzzed request, RawHttp.Answer answer) {
        if (answer.status() < 0) {
            return "no HTTP answer: " + printable(answer.body());
        }
        if (answer.status() >= 500) {
            return "status " + answer.status() + ": " + printable(answer.body());
        }
        if (answer.header("X-Request-Id") == null) {
            return "no X-Request-Id on a " + answer.status();
        }
        if (answer.status() >= 400 && !request.method().equals("HEAD")) {
            JsonNode error = answer.json().path("error");
            if (!error.path("code").isTextual() || !error.path("message").isTextual() || !error.path("details").isArray()) {
                return "status " + answer.status() + " without the envelope: " + printable(answer.body());
            }
        }
        return null;
    }

    private static Fuzzed generate(Random random, List<String> ids, List<String> tokens) {
        List<String> routes = new ArrayList<>(new TreeMap<>(ROUTES).keySet());
        String route = routes.get(random.nextInt(routes.size()));
        String method = METHODS.get(random.nextInt(METHODS.size()));
        String token = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> "Bearer " + randomText(random, 1 + random.nextInt(60));
            case 2 -> "Bearer " + tokens.get(random.nextInt(tokens.size())) + "x";
            default -> "Bearer " + tokens.get(random.nextInt(tokens.size()));
        };
        boolean validId = route.contains("{id}") && random.nextBoolean();
        if (validId && "DELETE".equals(method) && token != null) {
            // the one fuzzed request that would be a valid one (an admin deleting a real ticket)
            method = "GET";
        }
        String path = route.replace("{id}", validId ? ids.get(random.nextInt(ids.size())) : badSegment(random));
        String target = path + (random.nextInt(3) > 0 ? "?" + badQuery(random) : "");

        byte[] body = switch (method) {
            case "POST", "PUT", "PATCH" -> badBody(random, ROUTES.get(route));
            default -> random.nextInt(4) == 0 ? randomBytes(random, 1 + random.nextInt(64)) : new byte[0];
        };
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        if (token != null) {
            head.append("Authorization: ").append(token).append("\r\n");
        }
        head.append("Content-Type: ").append(route.endsWith("upload") && random.nextBoolean()
                ? "multipart/form-data; boundary=" + randomText(random, 1 + random.nextInt(20)) : "application/json")
                .append("\r\n");
        write(request, head.toString());
        for (int i = random.nextInt(3); i > 0; i--) {
            String name = List.of("X-Fuzz", "Accept-Language", "X-Request-Id", "If-Match", "Range", "Origin",
                    "User-Agent").get(random.nextInt(7));
            write(request, name + ": ");
            request.writeBytes(headerBytes(random));
            write(request, "\r\n");
        }
        write(request, "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n");
        request.writeBytes(body);
        byte[] bytes = request.toByteArray();
        return new Fuzzed(printable(new String(bytes, StandardCharsets.ISO_8859_1)), bytes, method);
    }

    private static byte[] badBody(Random random, List<String> fields) {
        List<String> names = fields.isEmpty() ? List.of("anything") : fields;
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(names.get(i)).append("\": ")
                    .append(BAD_VALUES.get(random.nextInt(BAD_VALUES.size())));
        }
        String object = json.append('}').toString();
        return switch (random.nextInt(5)) {
            case 0 -> randomBytes(random, 8 + random.nextInt(200));
            case 1 -> (object + " " + randomText(random, 1 + random.nextInt(10))).getBytes(StandardCharsets.UTF_8);
            case 2 -> {
                // invalid UTF-8 inside an otherwise well-formed body
                byte[] valid = object.getBytes(StandardCharsets.UTF_8);
                byte[] broken = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).get(random.nextInt(3));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int at = object.indexOf(": \"") >= 0 ? object.indexOf(": \"") + 3 : 1;
                out.write(valid, 0, at);
                out.writeBytes(broken);
                out.write(valid, at, valid.length - at);
                yield out.toByteArray();
            }
            default -> object.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String badSegment(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> "%00";
            case 1 -> "%zz";
            case 2 -> "%C0%AF";
            case 3 -> "..%2F..%2Fetc%2Fpasswd";
            case 4 -> percentEncoded(randomBytes(random, 1 + random.nextInt(40)));
            case 5 -> randomText(random, 1 + random.nextInt(40));
            default -> UUID.randomUUID() + percentEncoded(randomBytes(random, 1 + random.nextInt(3)));
        };
    }

    private static String badQuery(Random random) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i <= random.nextInt(3); i++) {
            String name = random.nextInt(6) == 0 ? percentEncoded(randomBytes(random, 1 + random.nextInt(6)))
                    : QUERY_NAMES.get(random.nextInt(QUERY_NAMES.size()));
            String value = switch (random.nextInt(6)) {
                case 0 -> "%00";
                case 1 -> "%FF%FE";
                case 2 -> List.of("open", "admin", "-1", "99999999999", "0", "2024-13-45", "%ED%A0%80")
                        .get(random.nextInt(7));
                case 3 -> randomText(random, random.nextInt(30));
                default -> percentEncoded(randomBytes(random, random.nextInt(30)));
            };
            query.append(i == 0 ? "" : "&").append(name).append('=').append(value);
        }
        return query.toString();
    }

    /** Visible ASCII that may well be illegal in a request target: quotes, brackets, %, #, spaces excluded. */
    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = (char) (0x21 + random.nextInt(0x7e - 0x21));
            text.append(c == '%' || c == '#' || c == '?' || c == '&' || c == '/' ? 'q' : c);
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Any byte but CR and LF, which would end the header and start another request on the connection. */
    private static byte[] headerBytes(Random random) {
        byte[] bytes = randomBytes(random, 1 + random.nextInt(40));
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                bytes[i] = 0;
            }
        }
        return bytes;
    }

    private static String percentEncoded(byte[] bytes) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes) {
            encoded.append(String.format("%%%02X", b & 0xff));
        }
        return encoded.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(600).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Every table's rows, hashed: the fuzzed requests must leave each one exactly as it was (rate-limit counters aside). */
    private static Map<String, String> snapshot(DeskUnderTest desk) throws SQLException {
        Map<String, String> hashes = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(desk.database().jdbcUrl());
             Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
                    // the rate limiter's counters are bookkeeping about requests, not data people stored
                    + "AND table_name NOT IN ('flyway_schema_history', 'rate_limit_buckets')")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = sql.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                        + "ORDER BY t::text)), '') FROM \"" + table + "\" t")) {
                    rows.next();
                    hashes.put(table, rows.getString(1));
                }
            }
        }
        assertTrue(hashes.containsKey("tickets") && hashes.containsKey("users"), hashes.toString());
        return hashes;
    }
}
