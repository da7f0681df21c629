package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.Javalin;
import io.ticketdesk.adapters.http.auth.JwtTokens;
import io.ticketdesk.adapters.http.errors.ErrorMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A bug deep inside a use case: the client learns nothing of it, the log line tells everything. */
class UnexpectedFailureTest {

    private static final String INTERNALS = "ERROR: column \"password\" does not exist in SELECT password FROM users";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Javalin app;

    @BeforeEach
    void start() {
        log.start();
        ((Logger) LoggerFactory.getLogger(ErrorMapping.class)).addAppender(log);
        HttpApi.UseCases useCases = HttpApi.UseCases.signInOnly(
                command -> {
                    throw new IllegalStateException(INTERNALS);
                },
                userId -> {
                    throw new IllegalStateException(INTERNALS);
                },
                command -> {
                    throw new IllegalStateException(INTERNALS);
                },
                () -> {
                    throw new IllegalStateException(INTERNALS);
                });
        JwtTokens tokens = new JwtTokens("unit-test-secret-that-is-at-least-32-bytes", Duration.ofDays(7),
                Clock.systemUTC());
        app = new HttpApi(useCases, tokens, List.of()).create().start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
        ((Logger) LoggerFactory.getLogger(ErrorMapping.class)).detachAppender(log);
    }

    @Test
    void answers500WithoutInternalsAndLogsTheCauseUnderTheRequestId() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/v1/auth/telegram"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"initData\": \"x=1\"}"))
                        .header("Accept-Language", "en")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(500, response.statusCode());
        assertEquals("{\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Internal server error\",\"details\":[]}}",
                response.body());
        assertFalse(response.body().contains("password"));
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        ILoggingEvent logged = log.list.get(0);
        assertEquals(requestId, logged.getMDCPropertyMap().get("request_id"));
        assertTrue(logged.getThrowableProxy().getMessage().contains("SELECT password"));
    }
}
