package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input gets a clear error naming the field, and changes nothing stored. */
class TicketBadInputTest {

    private static DeskUnderTest desk;
    private static DeskUnderTest.Person user;
    private static DeskUnderTest.Person moderator;
    private static DeskUnderTest.Person blockedHelper;
    private static String category;
    private static String inactiveCategory;
    private static String ticket;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start();
        user = desk.person(501, "Ann", "USER");
        moderator = desk.person(502, "Mo", "MODERATOR");
        blockedHelper = desk.person(503, "Blocked", "HELPER");
        desk.sql("UPDATE users SET is_active = false WHERE telegram_id = 503");
        DeskUnderTest.Person admin = desk.person(504, "Admin", "ADMIN");
        category = desk.categoryId();
        inactiveCategory = desk.post("/api/v1/categories", admin.token(), Map.of("name", "Retired")).json()
                .get("id").asText();
        desk.put("/api/v1/categories/" + inactiveCategory, admin.token(), Map.of("is_active", false));
        ticket = "/api/v1/tickets/" + desk.post("/api/v1/tickets", user.token(), Map.of("title", "Original",
                "description", "Original text", "category_id", category)).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @ParameterizedTest(name = "create with {0}={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "title|''|title|This field is required",
            "title|'   '|title|This field is required",
            "title|LONG_201|title|Must be at most 200 characters",
            "description|''|description|This field is required",
            "description|LONG_10001|description|Must be at most 10000 characters",
            "priority|URGENT|priority|Must be one of: LOW, NORMAL, HIGH, CRITICAL",
            "category_id|not-a-uuid|category_id|Must be a UUID",
            "category_id|RANDOM_UUID|category_id|No such active category",
            "category_id|INACTIVE|category_id|No such active category",
            "category_id|NULL|category_id|This field is required",
    })
    void aBadTicketIsRefusedAndNothingIsCreated(String field, String value, String errorField, String message) {
        long before = total();
        Map<String, Object> body = new HashMap<>(Map.of("title", "Fine title", "description", "Fine text",
                "category_id", category));
        body.put(field, resolve(value));

        DeskUnderTest.Response response = desk.post("/api/v1/tickets", user.token(), body);

        assertEquals(422, response.status(), response.body());
        assertEquals(List.of(errorField), response.errorFields());
        assertEquals(message, response.json().at("/error/details/0/message").asText());
        assertEquals(before, total());
    }

    @Test
    void wrongTypesAreNamedToo() {
        DeskUnderTest.Response response = desk.post("/api/v1/tickets", user.token(),
                "{\"title\": 5, \"description\": [\"x\"], \"category_id\": 7, \"priority\": true}");

        assertEquals(422, response.status());
        assertEquals(List.of("title", "description", "category_id", "priority"), response.errorFields());
    }

    @ParameterizedTest(name = "update with {0}")
    @CsvSource(delimiter = '|', value = {
            "{\"title\": \"\"}|title",
            "{\"status\": \"DONE\"}|status",
            "{\"status\": null}|status",
            "{\"priority\": \"ASAP\"}|priority",
            "{\"assigned_to\": \"nobody\"}|assigned_to",
            "{\"assigned_to\": \"00000000-0000-0000-0000-000000000000\"}|assigned_to",
            "{\"assigned_to\": \"USER_ID\"}|assigned_to",
            "{\"assigned_to\": \"BLOCKED_ID\"}|assigned_to",
            "{\"title\": \"Fine\", \"description\": \"LONG_10001\"}|description",
    })
    void aBadUpdateIsRefusedAndTheTicketStaysAsItWas(String body, String errorField) {
        JsonNode before = desk.get(ticket, moderator.token()).json();
        String resolved = body.replace("USER_ID", user.id()).replace("BLOCKED_ID", blockedHelper.id())
                .replace("LONG_10001", "x".repeat(10_001));

        DeskUnderTest.Response response = desk.put(ticket, moderator.token(), resolved);

        assertEquals(422, response.status(), response.body());
        assertEquals(List.of(errorField), response.errorFields());
        assertEquals(before, desk.get(ticket, moderator.token()).json());
    }

    @Test
    void badMessagesAreRefusedAndNothingIsPosted() {
        assertEquals(422, desk.post(ticket + "/messages", user.token(), Map.of("content", "  ")).status());
        assertEquals(422, desk.post(ticket + "/messages", user.token(), Map.of("content", "x".repeat(10_001))).status());
        DeskUnderTest.Response internal = desk.post(ticket + "/messages", user.token(),
                Map.of("content", "secret", "is_internal", true));
        assertEquals(List.of("is_internal"), internal.errorFields());
        assertEquals(List.of("is_internal"), desk.post(ticket + "/messages", moderator.token(),
                Map.of("content", "x", "is_internal", "yes")).errorFields());
        assertEquals(0, desk.get(ticket + "/messages", moderator.token()).json().get("total").asInt());
    }

    @Test
    void malformedIdsInThePathAreBadRequests() {
        for (String path : List.of("/api/v1/tickets/123", "/api/v1/tickets/not-a-uuid/messages",
                "/api/v1/tickets/xyz/history")) {
            DeskUnderTest.Response response = desk.get(path, user.token());
            assertEquals(400, response.status(), path);
            assertEquals("BAD_REQUEST", response.errorCode());
        }
        assertEquals(404, desk.get("/api/v1/tickets/" + UUID.randomUUID(), user.token()).status());
    }

    @ParameterizedTest(name = "list with {0}")
    @CsvSource(delimiter = '|', value = {
            "?page=0|page", "?page=-1|page", "?page=abc|page", "?size=0|size", "?size=101|size", "?size=x|size",
            "?status=DONE|status", "?priority=ASAP|priority", "?category_id=42|category_id",
            "?assigned_to=someone|assigned_to", "?sort=title|sort", "?sort=-nonsense|sort",
    })
    void badListParametersAreNamed(String query, String parameter) {
        DeskUnderTest.Response response = desk.get("/api/v1/tickets" + query, user.token());

        assertEquals(422, response.status(), response.body());
        assertEquals(List.of(parameter), response.errorFields());
    }

    @Test
    void everyBadListParameterIsReportedAtOnce() {
        DeskUnderTest.Response response = desk.get("/api/v1/tickets?page=0&size=500&status=NOPE", user.token());

        assertEquals(List.of("status", "page", "size"), response.errorFields());
    }

    private static Object resolve(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "LONG_201" -> "я".repeat(201);
            case "LONG_10001" -> "x".repeat(10_001);
            case "RANDOM_UUID" -> UUID.randomUUID().toString();
            case "INACTIVE" -> inactiveCategory;
            default -> value;
        };
    }

    private static long total() {
        return desk.get("/api/v1/tickets", moderator.token()).json().get("total").asLong();
    }

}
