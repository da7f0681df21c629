package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code LOG_FORMAT=json}: every line a JSON object; the access line with request id, user, route, status, time. */
class JsonLogsTest {

    @Test
    void jsonLinesCarryTheRequestIdUserRouteStatusAndDuration() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String requestId;
        String userId;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LogOutput.use(Settings.fromEnvironment(Map.of("LOG_FORMAT", "json")).logFormat());
            try (DeskUnderTest desk = DeskUnderTest.start(Map.of("LOG_FORMAT", "json"))) {
                DeskUnderTest.Person ann = desk.person(4101, "Ann", "USER");
                userId = ann.id();
                String ticket = desk.post("/api/v1/tickets", ann.token(), Map.of("title", "Logs", "description", "d",
                        "category_id", desk.categoryId())).json().get("id").asText();
                DeskUnderTest.Response read = desk.get("/api/v1/tickets/" + ticket, ann.token());
                assertEquals(200, read.status());
                requestId = read.header("X-Request-Id");
            }
        } finally {
            // stopping the context drains the asynchronous access appender
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
            System.setOut(original);
            LogOutput.configure(JsonLogsTest.class.getResource("/logback-test.xml"));
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode json = DeskUnderTest.JSON.readTree(line);
                assertTrue(json.isObject() && json.has("@timestamp") && json.has("message"), line);
                lines.add(json);
            }
        }
        JsonNode access = lines.stream()
                .filter(json -> json.path("logger_name").asText().equals("access"))
                .filter(json -> requestId.equals(json.path("request_id").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no access line for " + requestId + " in " + lines));
        assertEquals("GET", access.get("method").asText());
        assertEquals("/api/v1/tickets/{id}", access.get("route").asText());
        assertEquals(200, access.get("status").asInt());
        assertTrue(access.get("status").isNumber());
        assertTrue(access.get("duration_ms").isNumber());
        assertEquals(userId, access.get("user_id").asText());
        assertEquals("INFO", access.get("level").asText());
    }
}
