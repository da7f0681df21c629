package io.ticketdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.adapters.telegram.webapp.InitDataSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole service, started for real on a random port against a database of its own, with an
 * HTTP client to drive it. Tests talk to it only over HTTP, as a client would.
 */
final class DeskUnderTest implements AutoCloseable {

    static final String BOT_TOKEN = "123456:TEST_bot_token_for_end_to_end_tests";
    static final String JWT_SECRET = "end-to-end-tests-jwt-secret-of-at-least-32-bytes";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private TicketDeskService service;

    private DeskUnderTest(Map<String, String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
        this.service = TicketDeskService.start(Settings.fromEnvironment(environment), clock);
    }

    /** A fresh database, the test bot token and JWT secret, plus {@code overrides} (a null value unsets). */
    static DeskUnderTest start(Map<String, String> overrides) {
        return start(overrides, Clock.systemUTC());
    }

    /** As {@link #start(Map)}, with the service reading time from {@code clock}. */
    static DeskUnderTest start(Map<String, String> overrides, Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATABASE_URL", asEnvironmentValue(TestDatabases.newDatabase()));
        env.put("BOT_TOKEN", BOT_TOKEN);
        env.put("JWT_SECRET", JWT_SECRET);
        env.put("TELEGRAM_MODE", "off");
        // limits stay on (every call goes through them) but out of the way of tests that script many
        // calls; RateLimitsTest sets its own
        for (String limit : List.of("RATE_LIMIT_LOGIN", "RATE_LIMIT_TICKETS", "RATE_LIMIT_MESSAGES",
                "RATE_LIMIT_UPLOADS", "RATE_LIMIT_SOCKETS")) {
            env.put(limit, "100000/PT1M");
        }
        overrides.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return new DeskUnderTest(env, clock);
    }

    static DeskUnderTest start() {
        return start(Map.of());
    }

    static String asEnvironmentValue(PostgresUrl url) {
        String separator = url.jdbcUrl().contains("?") ? "&" : "?";
        return url.jdbcUrl() + separator + "user=" + url.user() + "&password=" + url.password();
    }

    /** Stops the service and starts it again on the same settings and database. */
    void restart() {
        service.close();
        service = TicketDeskService.start(Settings.fromEnvironment(environment), clock);
    }

    /** A second instance of the service on this one's database and settings, as a cluster would run it. */
    DeskUnderTest secondInstance() {
        return secondInstance(Map.of());
    }

    /** As {@link #secondInstance()}, with some settings of its own (e.g. another spelling of an address). */
    DeskUnderTest secondInstance(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(overrides);
        return new DeskUnderTest(env, clock);
    }

    /** The service's database, for tests that drive a use case the API does not expose. */
    PostgresUrl database() {
        return PostgresUrl.parse(environment.get("DATABASE_URL"));
    }

    /** The running desk's in-ports, for tests that drive the core directly, as a second adapter would. */
    DeskUseCases useCases() {
        return service.useCases();
    }

    /** The running Javalin of this instance (its routes, for the OpenAPI coverage test). */
    io.javalin.Javalin javalin() {
        return service.http();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + service.port() + path);
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    Response put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** {@code body} is sent as is when a String, as JSON otherwise. */
    Response send(String method, String path, String token, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : write(body));
        request.header("Content-Type", "application/json").method(method, publisher);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // Javalin's CORS plugin answers a foreign Origin with a bare 400 around the normal body:
            // a browser matter outside the API document, so cross-origin calls are not checked against it
            boolean crossOrigin = java.util.Arrays.asList(headers).contains("Origin");
            return Response.of(crossOrigin ? response : conforming(method, path, response));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    /** {@code POST /files/upload} with {@code content} as the multipart field {@code field}, streamed. */
    Response upload(String token, String field, String filename, String declaredType, byte[] content) {
        String boundary = "desk-test-boundary-" + java.util.UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + declaredType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/files/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        HttpRequest.BodyPublishers.ofByteArray(content),
                        HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // a client of its own: a refused upload (401, 413) ends with the server closing the
        // connection, which a shared pool could hand to the next request
        try {
            return Response.of(conforming("POST", "/api/v1/files/upload",
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("upload failed: " + e, e);
        }
    }

    /** A GET whose body is kept as bytes (a file download), with extra header name/value pairs. */
    HttpResponse<byte[]> download(String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return conforming("GET", path, http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        }
    }

    /** Fails the test when the answer is not what the OpenAPI document says it can be; every client call passes here. */
    static <T> HttpResponse<T> conforming(String method, String path, HttpResponse<T> response) {
        return OpenApiContract.DOCUMENT.check(method, path, response);
    }

    /** One text from the service's database, for failure messages that show what was stored. */
    String text(String query) {
        return first(query, rows -> rows.getString(1));
    }

    /** One number from the service's database, for checks that nothing was kept behind. */
    long count(String query) {
        return first(query, rows -> rows.getLong(1));
    }

    private interface Column<T> {
        T read(java.sql.ResultSet rows) throws SQLException;
    }

    private <T> T first(String query, Column<T> column) {
        try (Connection connection = DriverManager.getConnection(database().jdbcUrl());
             Statement sql = connection.createStatement();
             java.sql.ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return column.read(rows);
        } catch (SQLException e) {
            throw new AssertionError(query, e);
        }
    }

    String initData(long telegramId, String firstName) {
        return new InitDataSigner(environment.getOrDefault("BOT_TOKEN", BOT_TOKEN)).sign(telegramId, firstName, null, null, null, clock.instant());
    }

    /** Logs a person in through the real Mini App endpoint and returns their access token. */
    String logIn(long telegramId, String firstName) {
        Response login = post("/api/v1/auth/telegram", null, Map.of("initData", initData(telegramId, firstName)));
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login);
        }
        return login.json().path("access_token").asText();
    }

    /** A logged-in person of the given role (USER, HELPER, MODERATOR, ADMIN). */
    Person person(long telegramId, String firstName, String role) {
        String token = logIn(telegramId, firstName);
        if (!role.equals("USER")) {
            sql("UPDATE users SET role = '" + role + "' WHERE telegram_id = " + telegramId);
        }
        return new Person(get("/api/v1/auth/me", token).json().get("id").asText(), token);
    }

    record Person(String id, String token) {
    }

    /** The id of the first active category (a fresh install has two). */
    String categoryId() {
        return get("/api/v1/categories", logIn(999_999_999L, "Category reader")).json().get(0).get("id").asText();
    }

    /** Opens a ticket as {@code author} in the first category, through the API; its id. */
    String newTicket(Person author, String title, String description) {
        return post("/api/v1/tickets", author.token(), Map.of("title", title, "description", description,
                "category_id", categoryId())).json().get("id").asText();
    }

    /** Changes stored state directly, for set-ups that later issues give an endpoint of their own. */
    void sql(String statement) {
        try (Connection connection = DriverManager.getConnection(database().jdbcUrl());
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new AssertionError(statement, e);
        }
        // as any change of a user row made outside the service, it reaches the service as a signal
        // (V60): the next request must not race it
        service.awaitEarlierSignals();
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        service.close();
    }

    record Response(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {

        static Response of(HttpResponse<String> response) {
            JsonNode json;
            try {
                json = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = JSON.missingNode();
            }
            return new Response(response.statusCode(), response.headers(), response.body(), json);
        }

        String errorCode() {
            return json.path("error").path("code").asText();
        }

        /** The fields named in {@code error.details}, in order. */
        java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json.at("/error/details").forEach(detail -> fields.add(detail.get("field").asText()));
            return fields;
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
