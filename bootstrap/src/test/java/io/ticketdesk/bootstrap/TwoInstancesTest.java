package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two instances of the service on one database: events cross between them, in the same order. */
class TwoInstancesTest {

    @Test
    void anEventCausedOnOneInstanceReachesSocketsOnBothInTheSameOrder() {
        try (DeskUnderTest a = DeskUnderTest.start(); DeskUnderTest b = a.secondInstance()) {
            DeskUnderTest.Person user = a.person(1101, "Ann", "USER");
            DeskUnderTest.Person helper = a.person(1102, "Helga", "HELPER");
            String ticket = a.post("/api/v1/tickets", user.token(), Map.of("title", "Cluster", "description", "Two nodes",
                    "category_id", a.categoryId())).json().get("id").asText();

            try (LiveClient onA = LiveClient.open(a, ticket, helper.token());
                 LiveClient onB = LiveClient.open(b, ticket, user.token())) {
                // posted through A, answered through B, edited through A again
                a.post("/api/v1/tickets/" + ticket + "/messages", helper.token(), Map.of("content", "From A"));
                b.post("/api/v1/tickets/" + ticket + "/messages", user.token(), Map.of("content", "From B"));
                a.put("/api/v1/tickets/" + ticket, helper.token(), Map.of("status", "WAITING_RESPONSE"));
                b.post("/api/v1/tickets/" + ticket + "/messages", user.token(), Map.of("content", "Again from B"));

                List<String> seenOnA = summary(onA, 7);
                List<String> seenOnB = summary(onB, 7);

                assertEquals(List.of(
                        "new_message From A",
                        "status_changed OPEN->IN_PROGRESS",
                        "ticket_updated assigned_to",
                        "new_message From B",
                        "status_changed IN_PROGRESS->WAITING_RESPONSE",
                        "new_message Again from B",
                        "status_changed WAITING_RESPONSE->IN_PROGRESS"), seenOnB);
                assertEquals(seenOnB, seenOnA);
            }
        }
    }

    @Test
    void aBlockOrRoleChangeMadeOnOneInstanceHoldsOnTheOtherFromTheVeryNextRequest() {
        try (DeskUnderTest a = DeskUnderTest.start(); DeskUnderTest b = a.secondInstance()) {
            DeskUnderTest.Person admin = a.person(1201, "Admin", "ADMIN");
            DeskUnderTest.Person bob = a.person(1202, "Bob", "USER");
            DeskUnderTest.Person ann = a.person(1203, "Ann", "USER");
            String annsTicket = a.post("/api/v1/tickets", ann.token(), Map.of("title", "Ann's", "description", "D",
                    "category_id", a.categoryId())).json().get("id").asText();
            // B has answered Bob a moment ago, so it keeps his row
            assertEquals(200, b.get("/api/v1/auth/me", bob.token()).status());
            assertEquals(404, b.get("/api/v1/tickets/" + annsTicket, bob.token()).status());

            assertEquals(200, a.put("/api/v1/users/" + bob.id() + "/status", admin.token(),
                    Map.of("is_active", false)).status());
            DeskUnderTest.Response refused = b.get("/api/v1/tickets", bob.token());
            assertEquals(403, refused.status());
            assertEquals("USER_BLOCKED", refused.errorCode());

            // unblocked through B: A lets him in at once; promoted through A: B shows him Ann's ticket at once
            assertEquals(200, b.put("/api/v1/users/" + bob.id() + "/status", admin.token(),
                    Map.of("is_active", true)).status());
            assertEquals(200, a.get("/api/v1/auth/me", bob.token()).status());
            assertEquals(200, a.put("/api/v1/users/" + bob.id() + "/role", admin.token(),
                    Map.of("role", "HELPER")).status());
            assertEquals(200, b.get("/api/v1/tickets/" + annsTicket, bob.token()).status());
        }
    }

    private static List<String> summary(LiveClient client, int count) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode frame = client.next();
            String type = frame.get("type").asText();
            JsonNode data = frame.get("data");
            seen.add(switch (type) {
                case "new_message" -> type + " " + data.get("content").asText();
                case "status_changed" -> type + " " + data.get("old_status").asText() + "->"
                        + data.get("new_status").asText();
                default -> type + " " + String.join(",", JsonShapes.fields(data.get("changes")));
            });
        }
        return seen;
    }
}
