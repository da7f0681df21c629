package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 14, finding 8 (first half): a binary frame is answered with an error frame and the socket stays open. */
class BinaryFrameTest {

    private static DeskUnderTest desk;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void aBinaryFrameGetsAnErrorFrameAndTheSocketStaysOpen() {
        DeskUnderTest.Person user = desk.person(1601, "Bina", "USER");
        String ticket = desk.post("/api/v1/tickets", user.token(), Map.of("title", "Binary", "description", "frames",
                "category_id", desk.categoryId())).json().get("id").asText();
        try (LiveClient client = LiveClient.open(desk, ticket, user.token())) {
            client.sendBinary("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));

            JsonNode error = client.next("error");
            assertEquals("BAD_REQUEST", error.at("/data/code").asText());
            assertEquals("Frames must be JSON text, not binary", error.at("/data/message").asText());

            client.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", client.next().toString());
        }
    }
}
