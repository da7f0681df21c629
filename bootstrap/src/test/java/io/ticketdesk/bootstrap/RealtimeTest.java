package io.ticketdesk.bootstrap;

import static io.ticketdesk.bootstrap.JsonShapes.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC §6 with real WebSocket clients against the running service. */
class RealtimeTest {

    private static final Duration QUIET = Duration.ofMillis(400);
    private static DeskUnderTest desk;
    private static DeskUnderTest.Person user;
    private static DeskUnderTest.Person helper;
    private static String category;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start();
        user = desk.person(901, "Ann", "USER");
        helper = desk.person(902, "Helga", "HELPER");
        category = desk.categoryId();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static String ticketOf(DeskUnderTest.Person author) {
        return desk.post("/api/v1/tickets", author.token(), Map.of("title", "Live", "description", "Live ticket",
                "category_id", category)).json().get("id").asText();
    }

    @Test
    void upgradesAreRefusedBeforeASocketOpens() {
        String ticket = ticketOf(user);
        DeskUnderTest.Person other = desk.person(903, "Other", "USER");
        DeskUnderTest.Person blocked = desk.person(904, "Blocked", "USER");
        String blockedTicket = ticketOf(blocked);
        desk.sql("UPDATE users SET is_active = false WHERE telegram_id = 904");

        assertEquals(401, LiveClient.refusal(desk, ticket, null));
        assertEquals(401, LiveClient.refusal(desk, ticket, "forged.token.value"));
        assertEquals(403, LiveClient.refusal(desk, blockedTicket, blocked.token()));
        assertEquals(404, LiveClient.refusal(desk, ticket, other.token()));
        assertEquals(404, LiveClient.refusal(desk, UUID.randomUUID().toString(), user.token()));
        assertEquals(404, LiveClient.refusal(desk, "not-a-uuid", user.token()));
    }

    @Test
    void theCustomerAndTheHelperSeeEachOthersMessagesAndTheStatusMoves() {
        String ticket = ticketOf(user);
        try (LiveClient customer = LiveClient.open(desk, ticket, user.token());
             LiveClient staff = LiveClient.open(desk, ticket, helper.token())) {
            desk.post("/api/v1/tickets/" + ticket + "/messages", helper.token(), Map.of("content", "Hello, Ann"));

            for (LiveClient client : List.of(customer, staff)) {
                JsonNode message = client.next();
                assertEquals("new_message", message.get("type").asText());
                assertEquals(fields("id", "content", "user", "attachments", "is_internal", "created_at", "ticket_id"),
                        fields(message.get("data")));
                assertEquals("Hello, Ann", message.at("/data/content").asText());
                assertEquals(ticket, message.at("/data/ticket_id").asText());
                assertEquals("HELPER", message.at("/data/user/role").asText());
                JsonNode status = client.next();
                assertEquals("status_changed", status.get("type").asText());
                assertEquals("OPEN", status.at("/data/old_status").asText());
                assertEquals("IN_PROGRESS", status.at("/data/new_status").asText());
                assertEquals(helper.id(), status.at("/data/changed_by/id").asText());
                assertEquals(fields("id", "first_name", "role"), fields(status.at("/data/changed_by")));
                JsonNode assigned = client.next();
                assertEquals("ticket_updated", assigned.get("type").asText());
                assertEquals(helper.id(), assigned.at("/data/changes/assigned_to/new").asText());
            }

            desk.post("/api/v1/tickets/" + ticket + "/messages", user.token(), Map.of("content", "Thanks!"));
            assertEquals("Thanks!", staff.next("new_message").at("/data/content").asText());
            assertEquals("Thanks!", customer.next("new_message").at("/data/content").asText());

            desk.put("/api/v1/tickets/" + ticket, helper.token(), Map.of("title", "Live, renamed", "priority", "HIGH"));
            JsonNode updated = customer.next("ticket_updated");
            assertEquals("Live", updated.at("/data/changes/title/old").asText());
            assertEquals("Live, renamed", updated.at("/data/changes/title/new").asText());
            assertEquals("HIGH", updated.at("/data/changes/priority/new").asText());
        }
    }

    @Test
    void theCustomerNeverSeesInternalNotesNorInternalTyping() {
        String ticket = ticketOf(user);
        try (LiveClient customer = LiveClient.open(desk, ticket, user.token());
             LiveClient staff = LiveClient.open(desk, ticket, helper.token());
             LiveClient otherStaff = LiveClient.open(desk, ticket, desk.person(905, "Mo", "MODERATOR").token())) {
            desk.post("/api/v1/tickets/" + ticket + "/messages", helper.token(),
                    Map.of("content", "Internal: refund approved", "is_internal", true));
            staff.send("{\"type\":\"typing\",\"data\":{\"is_typing\":true,\"is_internal\":true}}");

            assertEquals("Internal: refund approved", otherStaff.next("new_message").at("/data/content").asText());
            assertTrue(otherStaff.next("typing").at("/data/is_typing").asBoolean());
            assertEquals("Internal: refund approved", staff.next("new_message").at("/data/content").asText());
            assertEquals(List.of(), customer.drain(QUIET), "nothing internal reaches the customer");
        }
    }

    @Test
    void typingReachesTheOthersButIsNeverEchoed() {
        String ticket = ticketOf(user);
        try (LiveClient customer = LiveClient.open(desk, ticket, user.token()).awaitWatching();
             LiveClient staff = LiveClient.open(desk, ticket, helper.token()).awaitWatching()) {
            customer.send("{\"type\":\"typing\",\"data\":{\"is_typing\":true,\"is_internal\":false}}");

            JsonNode typing = staff.next("typing");
            assertEquals(fields("user_id", "first_name", "is_typing"), fields(typing.get("data")));
            assertEquals(user.id(), typing.at("/data/user_id").asText());
            assertEquals("Ann", typing.at("/data/first_name").asText());
            assertEquals(List.of(), customer.drain(QUIET), "typing is not echoed to its sender");
        }
    }

    @Test
    void malformedFramesGetAnErrorAndTheSocketStaysOpen() {
        String ticket = ticketOf(user);
        try (LiveClient customer = LiveClient.open(desk, ticket, user.token())) {
            customer.send("{not json");
            assertEquals("BAD_REQUEST", customer.next("error").at("/data/code").asText());
            customer.send("{\"type\":\"dance\"}");
            assertEquals("BAD_REQUEST", customer.next("error").at("/data/code").asText());
            customer.send("{\"type\":\"typing\",\"data\":{\"is_typing\":\"yes\"}}");
            assertEquals("VALIDATION_ERROR", customer.next("error").at("/data/code").asText());
            customer.send("{\"type\":\"typing\",\"data\":{\"is_typing\":true,\"is_internal\":true}}");
            JsonNode internalRefused = customer.next("error");
            assertEquals("VALIDATION_ERROR", internalRefused.at("/data/code").asText());
            assertEquals("Only staff can write internal notes", internalRefused.at("/data/message").asText());

            customer.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", customer.next().toString());
        }
    }

    @Test
    void typingIsRateLimitedPerConnection() {
        String ticket = ticketOf(user);
        try (LiveClient customer = LiveClient.open(desk, ticket, user.token())) {
            for (int i = 0; i < 20; i++) {
                customer.send("{\"type\":\"typing\",\"data\":{\"is_typing\":true}}");
            }
            assertEquals("RATE_LIMITED", customer.next("error").at("/data/code").asText());
        }
    }

    @Test
    void deletingTheTicketClosesItsSockets() {
        DeskUnderTest.Person admin = desk.person(907, "Admin", "ADMIN");
        String ticket = ticketOf(user);
        try (LiveClient customer = LiveClient.open(desk, ticket, user.token())) {
            desk.delete("/api/v1/tickets/" + ticket, admin.token());

            assertEquals("1008 Ticket not found", customer.closedWith());
        }
    }
}
