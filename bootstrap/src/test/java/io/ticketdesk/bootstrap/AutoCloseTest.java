package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.application.port.in.tickets.CloseInactiveTicketsUseCase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RESOLVED tickets close by themselves after AUTO_CLOSE_AFTER without activity, and only then. */
class AutoCloseTest {

    @Test
    void quietResolvedTicketsCloseAndActiveOnesDoNot() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of("AUTO_CLOSE_AFTER", "P3D"), clock)) {
            DeskUnderTest.Person user = desk.person(801, "Ann", "USER");
            DeskUnderTest.Person helper = desk.person(802, "Helper", "HELPER");
            String category = desk.categoryId();
            String quiet = ticket(desk, user, category);
            String answered = ticket(desk, user, category);
            String inProgress = ticket(desk, user, category);
            desk.put(quiet, helper.token(), Map.of("status", "RESOLVED"));
            desk.put(answered, helper.token(), Map.of("status", "RESOLVED"));
            desk.put(inProgress, helper.token(), Map.of("status", "IN_PROGRESS"));
            CloseInactiveTicketsUseCase autoClose = desk.useCases().closeInactiveTickets();

            clock.advance(Duration.ofDays(2));
            assertEquals(0, autoClose.closeInactive());
            desk.post(answered + "/messages", helper.token(), Map.of("content", "Anything else?", "is_internal", false));
            clock.advance(Duration.ofDays(1));

            assertEquals(1, autoClose.closeInactive());

            JsonNode closed = desk.get(quiet, user.token()).json();
            assertEquals("CLOSED", closed.get("status").asText());
            assertEquals(clock.instant().toString(), closed.get("closed_at").asText());
            JsonNode items = desk.get(quiet + "/history", user.token()).json().get("items");
            JsonNode last = items.get(items.size() - 1);
            assertEquals("RESOLVED", last.get("old_value").asText());
            assertEquals("CLOSED", last.get("new_value").asText());
            assertTrue(last.get("changed_by").isNull(), "closed by the desk itself");
            assertEquals("RESOLVED", desk.get(answered, user.token()).json().get("status").asText());
            assertEquals("IN_PROGRESS", desk.get(inProgress, user.token()).json().get("status").asText());
        }
    }

    private static String ticket(DeskUnderTest desk, DeskUnderTest.Person user, String category) {
        return "/api/v1/tickets/" + desk.post("/api/v1/tickets", user.token(), Map.of("title", "T", "description", "D",
                "category_id", category)).json().get("id").asText();
    }
}
