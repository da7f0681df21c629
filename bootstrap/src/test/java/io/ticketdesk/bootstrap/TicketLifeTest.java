package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One ticket's whole life over HTTP against the real service and database (issue: helpdesk core). */
class TicketLifeTest {

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
    void aTicketFromOpeningToDeletion() {
        DeskUnderTest.Person user = desk.person(201, "Customer", "USER");
        DeskUnderTest.Person helper = desk.person(202, "Helper", "HELPER");
        DeskUnderTest.Person moderator = desk.person(203, "Moderator", "MODERATOR");
        DeskUnderTest.Person admin = desk.person(204, "Admin", "ADMIN");
        String category = desk.categoryId();

        // the customer opens a ticket
        DeskUnderTest.Response created = desk.post("/api/v1/tickets", user.token(), Map.of("title", "Проблема с оплатой",
                "description", "Не могу оплатить подписку", "category_id", category, "priority", "HIGH"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        String ticket = "/api/v1/tickets/" + id;
        assertEquals("OPEN", created.json().get("status").asText());
        assertEquals(user.id(), created.json().get("user_id").asText());

        // a helper answers: the ticket starts and is theirs
        assertEquals(201, desk.post(ticket + "/messages", helper.token(), Map.of("content", "Здравствуйте! Смотрим.")).status());
        JsonNode afterAnswer = desk.get(ticket, user.token()).json();
        assertEquals("IN_PROGRESS", afterAnswer.get("status").asText());
        assertEquals(helper.id(), afterAnswer.at("/assigned_to/id").asText());

        // an internal note the customer can neither see nor count
        assertEquals(201, desk.post(ticket + "/messages", helper.token(),
                Map.of("content", "Check the payment provider", "is_internal", true)).status());
        assertEquals(1, desk.get(ticket + "/messages", user.token()).json().get("total").asInt());
        assertEquals(2, desk.get(ticket + "/messages", helper.token()).json().get("total").asInt());
        assertEquals(1, listItem(user.token(), id).get("messages_count").asInt());
        assertEquals(2, listItem(helper.token(), id).get("messages_count").asInt());

        // waiting for the customer, who answers: back in progress
        assertEquals("WAITING_RESPONSE", desk.put(ticket, helper.token(), Map.of("status", "WAITING_RESPONSE"))
                .json().get("status").asText());
        desk.post(ticket + "/messages", user.token(), Map.of("content", "Вот скриншот ошибки"));
        assertEquals("IN_PROGRESS", desk.get(ticket, user.token()).json().get("status").asText());

        // resolved, then reopened by the customer
        assertEquals("RESOLVED", desk.put(ticket, helper.token(), Map.of("status", "RESOLVED")).json().get("status").asText());
        assertEquals("OPEN", desk.put(ticket, user.token(), Map.of("status", "OPEN")).json().get("status").asText());

        // a moderator closes it; nobody can post any more
        JsonNode closed = desk.put(ticket, moderator.token(), Map.of("status", "CLOSED")).json();
        assertEquals("CLOSED", closed.get("status").asText());
        assertFalse(closed.get("closed_at").isNull());
        DeskUnderTest.Response refused = desk.post(ticket + "/messages", user.token(), Map.of("content", "Hello?"));
        assertEquals(409, refused.status());
        assertEquals("CONFLICT", refused.errorCode());
        assertEquals(409, desk.post(ticket + "/messages", admin.token(), Map.of("content", "Hello?")).status());

        // a moderator reopens it
        JsonNode reopened = desk.put(ticket, moderator.token(), Map.of("status", "OPEN")).json();
        assertEquals("OPEN", reopened.get("status").asText());
        assertTrue(reopened.get("closed_at").isNull());

        // the history shows every step, in order, with who did it
        JsonNode history = desk.get(ticket + "/history", user.token()).json();
        List<String> steps = new ArrayList<>();
        history.get("items").forEach(entry -> steps.add(entry.get("field").asText() + ":"
                + entry.get("old_value").asText("null") + "->" + entry.get("new_value").asText("null") + " by "
                + entry.at("/changed_by/first_name").asText()));
        assertEquals(List.of(
                "status:OPEN->IN_PROGRESS by Helper",
                "assigned_to:null->" + helper.id() + " by Helper",
                "status:IN_PROGRESS->WAITING_RESPONSE by Helper",
                "status:WAITING_RESPONSE->IN_PROGRESS by Customer",
                "status:IN_PROGRESS->RESOLVED by Helper",
                "status:RESOLVED->OPEN by Customer",
                "status:OPEN->CLOSED by Moderator",
                "status:CLOSED->OPEN by Moderator"), steps);

        // an admin deletes it, and it is gone for everyone
        DeskUnderTest.Response deleted = desk.delete(ticket, admin.token());
        assertEquals(200, deleted.status());
        assertEquals("Ticket deleted", deleted.json().get("message").asText());
        assertEquals(404, desk.get(ticket, admin.token()).status());
        assertEquals(404, desk.get(ticket + "/messages", admin.token()).status());
        assertEquals(404, desk.get(ticket + "/history", admin.token()).status());
    }

    private static JsonNode listItem(String token, String id) {
        for (JsonNode item : desk.get("/api/v1/tickets", token).json().get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("ticket " + id + " not in the list");
    }
}
