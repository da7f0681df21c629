package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 10: the running service closes a quiet RESOLVED ticket when it falls due,
 * not on the next fixed sweep (which came up to a minute, or a whole quiet period, late).
 */
class AutoCloseOnTimeTest {

    private static final Duration QUIET = Duration.ofSeconds(12);
    /** Scheduling and a loaded machine; a fixed sweep every quiet period would be about 10 s late here. */
    private static final Duration TOLERANCE = Duration.ofSeconds(4);

    @Test
    void aResolvedTicketClosesWhenItFallsDue() throws Exception {
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("AUTO_CLOSE_AFTER", QUIET.toString()))) {
            DeskUnderTest.Person user = desk.person(1801, "Quiet", "USER");
            DeskUnderTest.Person helper = desk.person(1802, "Helper", "HELPER");
            // let the sweep at start pass, so that a fixed schedule would next run a whole quiet period later
            Thread.sleep(2_000);
            String ticket = "/api/v1/tickets/" + desk.post("/api/v1/tickets", user.token(), Map.of("title", "T",
                    "description", "D", "category_id", desk.categoryId())).json().get("id").asText();
            JsonNode resolved = desk.put(ticket, helper.token(), Map.of("status", "RESOLVED")).json();
            Instant resolvedAt = Instant.parse(resolved.get("updated_at").asText());

            JsonNode now = desk.get(ticket, user.token()).json();
            for (int i = 0; i < 60 && !now.get("status").asText().equals("CLOSED"); i++) {
                Thread.sleep(500);
                now = desk.get(ticket, user.token()).json();
            }

            assertEquals("CLOSED", now.get("status").asText());
            Duration late = Duration.between(resolvedAt.plus(QUIET), Instant.parse(now.get("closed_at").asText()));
            assertTrue(late.compareTo(TOLERANCE) <= 0 && !late.isNegative(), "closed " + late + " after it fell due");
        }
    }
}
