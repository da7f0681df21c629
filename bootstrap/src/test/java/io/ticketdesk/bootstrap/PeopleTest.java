package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** User administration end to end (issue 5): promote, block, unblock, the last ADMIN, the list. */
class PeopleTest {

    @Test
    void anAdminPromotesBlocksAndUnblocks() {
        try (DeskUnderTest desk = DeskUnderTest.start()) {
            DeskUnderTest.Person admin = desk.person(501, "Admin", "ADMIN");
            DeskUnderTest.Person ann = desk.person(502, "Ann", "USER");
            DeskUnderTest.Person bob = desk.person(503, "Bob", "USER");
            String category = desk.categoryId();
            String bobsTicket = desk.post("/api/v1/tickets", bob.token(), Map.of("title", "Bob's", "description", "D",
                    "category_id", category)).json().get("id").asText();
            assertEquals(404, desk.get("/api/v1/tickets/" + bobsTicket, ann.token()).status());

            // promoted to HELPER: the answer is the user as /auth/me shows them, and all tickets are visible at once
            DeskUnderTest.Response promoted = desk.put("/api/v1/users/" + ann.id() + "/role", admin.token(),
                    Map.of("role", "HELPER"));
            assertEquals(200, promoted.status(), promoted.body());
            assertEquals("HELPER", promoted.json().get("role").asText());
            assertEquals(ann.id(), promoted.json().get("id").asText());
            assertEquals(desk.get("/api/v1/auth/me", ann.token()).json(), promoted.json());
            assertEquals(200, desk.get("/api/v1/tickets/" + bobsTicket, ann.token()).status());
            assertEquals(1, desk.get("/api/v1/tickets", ann.token()).json().get("total").asInt());

            // blocked: his open socket closes, and the token he already holds is refused on his very next request
            DeskUnderTest.Response blocked;
            try (LiveClient socket = LiveClient.open(desk, bobsTicket, bob.token())) {
                blocked = desk.put("/api/v1/users/" + bob.id() + "/status", admin.token(), Map.of("is_active", false));
                assertEquals("1008 Your account is blocked", socket.closedWith());
            }
            assertEquals(200, blocked.status(), blocked.body());
            assertEquals(false, blocked.json().get("is_active").asBoolean());
            DeskUnderTest.Response refused = desk.get("/api/v1/tickets", bob.token());
            assertEquals(403, refused.status());
            assertEquals("USER_BLOCKED", refused.errorCode());
            assertEquals("USER_BLOCKED", desk.get("/api/v1/auth/me", bob.token()).errorCode());

            // unblocked: the same token works again
            assertEquals(true, desk.put("/api/v1/users/" + bob.id() + "/status", admin.token(),
                    Map.of("is_active", true)).json().get("is_active").asBoolean());
            assertEquals(200, desk.get("/api/v1/tickets/" + bobsTicket, bob.token()).status());
        }
    }

    @Test
    void theLastAdminStaysAndNobodyBlocksThemselves() {
        try (DeskUnderTest desk = DeskUnderTest.start()) {
            DeskUnderTest.Person admin = desk.person(511, "Admin", "ADMIN");
            DeskUnderTest.Person other = desk.person(512, "Other", "ADMIN");

            assertConflict(desk.put("/api/v1/users/" + admin.id() + "/status", admin.token(), Map.of("is_active", false)),
                    "You cannot block yourself");
            // with two ADMINs one may step down; the one left can then neither step down nor be blocked
            assertEquals("MODERATOR", desk.put("/api/v1/users/" + other.id() + "/role", admin.token(),
                    Map.of("role", "MODERATOR")).json().get("role").asText());
            assertConflict(desk.put("/api/v1/users/" + admin.id() + "/role", admin.token(), Map.of("role", "USER")),
                    "This is the last active admin: promote someone else to admin first");
            assertEquals(403, desk.put("/api/v1/users/" + admin.id() + "/status", other.token(),
                    Map.of("is_active", false)).status());
            assertEquals("ADMIN", desk.get("/api/v1/auth/me", admin.token()).json().get("role").asText());
            assertEquals(true, desk.get("/api/v1/auth/me", admin.token()).json().get("is_active").asBoolean());

            // a blocked ADMIN is not an active one: with the other re-promoted and then blocked, the first is last again
            desk.put("/api/v1/users/" + other.id() + "/role", admin.token(), Map.of("role", "ADMIN"));
            assertEquals(200, desk.put("/api/v1/users/" + other.id() + "/status", admin.token(),
                    Map.of("is_active", false)).status());
            assertEquals(409, desk.put("/api/v1/users/" + admin.id() + "/role", admin.token(),
                    Map.of("role", "HELPER")).status());
        }
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        try (DeskUnderTest desk = DeskUnderTest.start()) {
            for (int round = 0; round < 5; round++) {
                DeskUnderTest.Person first = desk.person(520 + 2 * round, "First " + round, "ADMIN");
                DeskUnderTest.Person second = desk.person(521 + 2 * round, "Second " + round, "ADMIN");
                if (round > 0) {
                    // only these two are ADMINs in this round
                    desk.sql("UPDATE users SET role = 'MODERATOR' WHERE role = 'ADMIN' AND telegram_id < " + (520 + 2 * round));
                }
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                try {
                    var a = pool.submit(() -> {
                        start.await();
                        return desk.put("/api/v1/users/" + second.id() + "/role", first.token(), Map.of("role", "USER"));
                    });
                    var b = pool.submit(() -> {
                        start.await();
                        return desk.put("/api/v1/users/" + first.id() + "/role", second.token(), Map.of("role", "USER"));
                    });
                    List<Integer> statuses = new ArrayList<>(List.of(a.get().status(), b.get().status()));
                    statuses.sort(null);
                    // one wins; the other is refused: as the last ADMIN (409) or as no ADMIN any more (403)
                    assertEquals(200, statuses.get(0), "one demotion succeeds: " + statuses);
                    assertTrue(statuses.get(1) == 409 || statuses.get(1) == 403, "the other is refused: " + statuses);
                } finally {
                    pool.shutdown();
                }
                JsonNode admins = desk.get("/api/v1/users?role=ADMIN&is_active=true",
                        desk.get("/api/v1/auth/me", first.token()).json().get("role").asText().equals("ADMIN")
                                ? first.token() : second.token()).json();
                assertEquals(1, admins.get("total").asInt(), admins.toString());
            }
        }
    }

    @Test
    void aDemotedHelperKeepsTheirTicketsButGetsNoNewOnes() {
        try (DeskUnderTest desk = DeskUnderTest.start()) {
            DeskUnderTest.Person admin = desk.person(531, "Admin", "ADMIN");
            DeskUnderTest.Person helper = desk.person(532, "Helper", "HELPER");
            DeskUnderTest.Person customer = desk.person(533, "Customer", "USER");
            String category = desk.categoryId();
            String first = ticket(desk, customer, category);
            String second = ticket(desk, customer, category);
            assertEquals(200, desk.put(first, admin.token(), Map.of("assigned_to", helper.id())).status());

            assertEquals(200, desk.put("/api/v1/users/" + helper.id() + "/role", admin.token(),
                    Map.of("role", "USER")).status());

            assertEquals(helper.id(), desk.get(first, admin.token()).json().at("/assigned_to/id").asText());
            DeskUnderTest.Response refused = desk.put(second, admin.token(), Map.of("assigned_to", helper.id()));
            assertEquals(422, refused.status());
            assertEquals("assigned_to", refused.json().at("/error/details/0/field").asText());
            // and, no longer staff, they see only their own tickets (none)
            assertEquals(0, desk.get("/api/v1/tickets", helper.token()).json().get("total").asInt());
        }
    }

    @Test
    void theListFiltersSearchesCountsAndPages() {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-01T09:00:00Z"));
        try (DeskUnderTest desk = DeskUnderTest.start(Map.of(), clock)) {
            DeskUnderTest.Person moderator = desk.person(541, "Мария", "MODERATOR");
            clock.advance(Duration.ofHours(1));
            DeskUnderTest.Person ivan = desk.person(542, "Иван", "USER");
            desk.sql("UPDATE users SET last_name = 'Петров', username = 'ivan_p' WHERE telegram_id = 542");
            clock.advance(Duration.ofHours(1));
            DeskUnderTest.Person helper = desk.person(543, "Helga", "HELPER");
            clock.advance(Duration.ofHours(1));
            DeskUnderTest.Person blocked = desk.person(544, "Zed", "USER");
            desk.sql("UPDATE users SET is_active = false WHERE telegram_id = 544");
            clock.advance(Duration.ofMinutes(30));
            String category = desk.categoryId(); // logs in a reader (telegram id 999999999) at 12:30
            clock.advance(Duration.ofMinutes(30)); // 13:00
            String t1 = ticket(desk, ivan, category);
            clock.advance(Duration.ofHours(1)); // 14:00
            ticket(desk, ivan, category);
            clock.advance(Duration.ofHours(1)); // 15:00
            desk.post(t1 + "/messages", helper.token(), Map.of("content", "Hello"));
            clock.advance(Duration.ofHours(1)); // 16:00
            desk.post(t1 + "/messages", ivan.token(), Map.of("content", "Thanks"));

            JsonNode all = desk.get("/api/v1/users", moderator.token()).json();
            assertEquals(5, all.get("total").asInt());
            assertEquals(1, all.get("pages").asInt());
            // newest first
            List<String> names = new ArrayList<>();
            all.get("items").forEach(item -> names.add(item.get("first_name").asText()));
            assertEquals(List.of("Category reader", "Zed", "Helga", "Иван", "Мария"), names.subList(0, 5));

            JsonNode ivanItem = all.get("items").get(3);
            assertEquals(ivan.id(), ivanItem.get("id").asText());
            assertEquals(542, ivanItem.get("telegram_id").asLong());
            assertEquals("ivan_p", ivanItem.get("username").asText());
            assertEquals("USER", ivanItem.get("role").asText());
            assertEquals(true, ivanItem.get("is_active").asBoolean());
            assertEquals("2024-05-01T10:00:00Z", ivanItem.get("created_at").asText());
            assertEquals(2, ivanItem.get("tickets_count").asInt());
            assertEquals("2024-05-01T16:00:00Z", ivanItem.get("last_activity").asText(), "his message at 16:00");
            JsonNode helgaItem = all.get("items").get(2);
            assertEquals(0, helgaItem.get("tickets_count").asInt());
            assertEquals("2024-05-01T15:00:00Z", helgaItem.get("last_activity").asText(), "her answer at 15:00");
            JsonNode zedItem = all.get("items").get(1);
            assertEquals("2024-05-01T12:00:00Z", zedItem.get("last_activity").asText(), "his login at 12:00");
            assertEquals(false, zedItem.get("is_active").asBoolean());

            assertEquals(List.of("Helga"), names(desk.get("/api/v1/users?role=HELPER", moderator.token())));
            assertEquals(List.of("Zed"), names(desk.get("/api/v1/users?is_active=false", moderator.token())));
            assertEquals(List.of("Иван"), names(desk.get("/api/v1/users?search=%D0%98%D0%92%D0%90%D0%9D",
                    moderator.token())), "ИВАН finds Иван");
            assertEquals(List.of("Иван"), names(desk.get("/api/v1/users?search=%D0%BF%D0%B5%D1%82%D1%80",
                    moderator.token())), "петр finds the last name Петров");
            assertEquals(List.of("Иван"), names(desk.get("/api/v1/users?search=IVAN_", moderator.token())),
                    "the username, case-insensitively, with _ taken literally");
            assertEquals(List.of(), names(desk.get("/api/v1/users?search=%25", moderator.token())), "% is literal");
            JsonNode secondPage = desk.get("/api/v1/users?size=2&page=2", moderator.token()).json();
            assertEquals(List.of("Helga", "Иван"), names(secondPage));
            assertEquals(5, secondPage.get("total").asInt());
            assertEquals(3, secondPage.get("pages").asInt());
            assertEquals(List.of(), names(desk.get("/api/v1/users?size=2&page=9", moderator.token())));
            assertEquals(blocked.id(), desk.get("/api/v1/users?is_active=false", moderator.token()).json()
                    .at("/items/0/id").asText());
        }
    }

    @Test
    void whoMayDoWhatAndBadInputChangesNothing() {
        try (DeskUnderTest desk = DeskUnderTest.start()) {
            DeskUnderTest.Person admin = desk.person(551, "Admin", "ADMIN");
            DeskUnderTest.Person moderator = desk.person(552, "Moderator", "MODERATOR");
            DeskUnderTest.Person helper = desk.person(553, "Helper", "HELPER");
            DeskUnderTest.Person customer = desk.person(554, "Customer", "USER");

            assertEquals(403, desk.get("/api/v1/users", customer.token()).status());
            assertEquals("FORBIDDEN", desk.get("/api/v1/users", helper.token()).errorCode());
            assertEquals(200, desk.get("/api/v1/users", moderator.token()).status());
            assertEquals(200, desk.get("/api/v1/users", admin.token()).status());
            for (DeskUnderTest.Person notAdmin : List.of(moderator, helper, customer)) {
                assertEquals(403, desk.put("/api/v1/users/" + customer.id() + "/role", notAdmin.token(),
                        Map.of("role", "ADMIN")).status());
                assertEquals(403, desk.put("/api/v1/users/" + helper.id() + "/status", notAdmin.token(),
                        Map.of("is_active", false)).status());
            }

            assertField(desk.get("/api/v1/users?role=BOSS", moderator.token()), "role");
            assertField(desk.get("/api/v1/users?is_active=yes", moderator.token()), "is_active");
            assertField(desk.get("/api/v1/users?size=101", moderator.token()), "size");
            assertField(desk.put("/api/v1/users/" + customer.id() + "/role", admin.token(), Map.of("role", "BOSS")),
                    "role");
            assertField(desk.put("/api/v1/users/" + customer.id() + "/role", admin.token(), Map.of()), "role");
            assertField(desk.put("/api/v1/users/" + customer.id() + "/status", admin.token(),
                    Map.of("is_active", "false")), "is_active");
            assertField(desk.put("/api/v1/users/" + customer.id() + "/status", admin.token(), Map.of()), "is_active");
            assertEquals(400, desk.put("/api/v1/users/not-a-uuid/role", admin.token(), Map.of("role", "USER")).status());
            assertEquals(400, desk.put("/api/v1/users/" + customer.id() + "/role", admin.token(), "[1]").status());
            assertEquals(404, desk.put("/api/v1/users/" + UUID.randomUUID() + "/role", admin.token(),
                    Map.of("role", "USER")).status());
            DeskUnderTest.Response russian = desk.send("PUT", "/api/v1/users/" + customer.id() + "/role", admin.token(),
                    Map.of("role", "BOSS"), "Accept-Language", "ru");
            assertEquals("Некорректные данные", russian.json().at("/error/message").asText());

            JsonNode customerNow = desk.get("/api/v1/auth/me", customer.token()).json();
            assertEquals("USER", customerNow.get("role").asText());
            assertEquals(true, customerNow.get("is_active").asBoolean());
            assertEquals("HELPER", desk.get("/api/v1/auth/me", helper.token()).json().get("role").asText());
        }
    }

    private static String ticket(DeskUnderTest desk, DeskUnderTest.Person author, String category) {
        return "/api/v1/tickets/" + desk.post("/api/v1/tickets", author.token(), Map.of("title", "T", "description", "D",
                "category_id", category)).json().get("id").asText();
    }

    private static List<String> names(DeskUnderTest.Response response) {
        return names(response.json());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("first_name").asText()));
        return names;
    }

    private static void assertConflict(DeskUnderTest.Response response, String message) {
        assertEquals(409, response.status(), response.body());
        assertEquals("CONFLICT", response.errorCode());
        assertEquals(message, response.json().at("/error/message").asText());
    }

    private static void assertField(DeskUnderTest.Response response, String field) {
        assertEquals(422, response.status(), response.body());
        assertEquals(field, response.json().at("/error/details/0/field").asText(), response.body());
    }
}
