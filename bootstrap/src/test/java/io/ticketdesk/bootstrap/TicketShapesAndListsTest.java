package io.ticketdesk.bootstrap;

import static io.ticketdesk.bootstrap.JsonShapes.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Response bodies against the seed's shapes, and the list's filters, search, sort and paging. */
class TicketShapesAndListsTest {

    private static DeskUnderTest desk;
    private static DeskUnderTest.Person user;
    private static DeskUnderTest.Person helper;
    private static DeskUnderTest.Person admin;
    private static String category;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start();
        user = desk.person(401, "Ann", "USER");
        helper = desk.person(402, "Helga", "HELPER");
        admin = desk.person(403, "Adam", "ADMIN");
        category = desk.categoryId();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static String create(DeskUnderTest.Person author, String title, String description, String priority) {
        DeskUnderTest.Response created = desk.post("/api/v1/tickets", author.token(), Map.of("title", title,
                "description", description, "category_id", category, "priority", priority));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    @Test
    void everyTicketAndMessageResponseHasTheSeedsShape() {
        String id = create(user, "Shape check", "Body", "HIGH");
        desk.post("/api/v1/tickets/" + id + "/messages", helper.token(), Map.of("content", "On it"));

        JsonNode created = desk.post("/api/v1/tickets", user.token(), Map.of("title", "T", "description", "D",
                "category_id", category)).json();
        assertEquals(fields("id", "number", "title", "description", "status", "priority", "category_id", "user_id",
                "created_at"), fields(created));
        assertEquals("NORMAL", created.get("priority").asText());

        JsonNode details = desk.get("/api/v1/tickets/" + id, user.token()).json();
        assertEquals(fields("id", "number", "title", "description", "status", "priority", "category", "user",
                "assigned_to", "created_at", "updated_at", "closed_at"), fields(details));
        assertEquals(fields("id", "name", "icon", "color"), fields(details.get("category")));
        assertEquals(fields("id", "telegram_id", "first_name", "username"), fields(details.get("user")));
        assertEquals(fields("id", "first_name", "role"), fields(details.get("assigned_to")));
        assertEquals("HELPER", details.at("/assigned_to/role").asText());
        assertTrue(details.get("closed_at").isNull());
        assertEquals(401, details.at("/user/telegram_id").asLong());

        JsonNode page = desk.get("/api/v1/tickets", user.token()).json();
        assertEquals(fields("items", "total", "page", "size", "pages"), fields(page));
        JsonNode item = page.get("items").get(0);
        assertEquals(fields("id", "number", "title", "description", "status", "priority", "category", "user",
                "assigned_to", "created_at", "updated_at", "messages_count", "last_message_at"), fields(item));
        assertEquals(fields("id", "name", "icon"), fields(item.get("category")));
        assertEquals(fields("id", "first_name", "username"), fields(item.get("user")));
        assertTrue(item.get("assigned_to").isNull(), "the newest ticket is unassigned: null, not absent");

        JsonNode messages = desk.get("/api/v1/tickets/" + id + "/messages", user.token()).json();
        assertEquals(fields("items", "total", "page", "size", "pages"), fields(messages));
        assertEquals(50, messages.get("size").asInt());
        JsonNode message = messages.get("items").get(0);
        assertEquals(fields("id", "content", "user", "attachments", "is_internal", "created_at"), fields(message));
        assertEquals(fields("id", "first_name", "role"), fields(message.get("user")));
        assertTrue(message.get("attachments").isArray());

        JsonNode posted = desk.post("/api/v1/tickets/" + id + "/messages", user.token(), Map.of("content", "Thanks")).json();
        assertEquals(fields("id", "content", "user_id", "ticket_id", "is_internal", "created_at"), fields(posted));

        JsonNode categories = desk.get("/api/v1/categories", user.token()).json();
        assertTrue(categories.isArray());
        assertEquals(fields("id", "name", "description", "icon", "color", "is_active", "sort_order"),
                fields(categories.get(0)));
        assertEquals("Оплата и подписка", categories.get(0).get("name").asText());
        assertEquals("💳", categories.get(0).get("icon").asText());
        assertEquals("#ff6b6b", categories.get(0).get("color").asText());
        assertEquals("Технические проблемы", categories.get(1).get("name").asText());

        JsonNode history = desk.get("/api/v1/tickets/" + id + "/history", user.token()).json().get("items").get(0);
        assertEquals(fields("id", "field", "old_value", "new_value", "changed_by", "created_at"), fields(history));
    }

    @Test
    void theListFiltersSearchesSortsAndPages() {
        DeskUnderTest.Person author = desk.person(410, "Lister", "USER");
        String payment = create(author, "Проблема с оплатой", "Не могу оплатить подписку картой", "CRITICAL");
        String login = create(author, "Cannot log in", "The payments page asks me to log in again", "LOW");
        String crash = create(author, "App crashes", "It crashes on start", "NORMAL");
        desk.put("/api/v1/tickets/" + login, helper.token(), Map.of("assigned_to", helper.id(), "status", "IN_PROGRESS"));
        desk.put("/api/v1/tickets/" + crash, helper.token(), Map.of("title", "App crashes on start"));

        assertEquals(List.of(crash, login, payment), ids("?size=3", author));
        assertEquals(List.of(payment, login, crash), ids("?sort=created_at", author));
        assertEquals(List.of(payment, crash, login), ids("?sort=-priority", author));
        assertEquals(List.of(login, crash, payment), ids("?sort=priority", author));
        assertEquals(List.of(crash, login, payment), ids("?sort=-updated_at", author));
        assertEquals(List.of(login), ids("?status=IN_PROGRESS", author));
        assertEquals(List.of(login), ids("?assigned_to=" + helper.id(), author));
        assertEquals(List.of(crash, payment), ids("?assigned_to=none", author));
        assertEquals(List.of(payment), ids("?priority=CRITICAL", author));
        assertEquals(List.of(crash, login, payment), ids("?category_id=" + category, author));
        assertEquals(List.of(payment), ids("?search=оплата", author), "Russian stems: оплатой/оплатить ~ оплата");
        assertEquals(List.of(login), ids("?search=payment", author), "English stems: payments ~ payment");
        assertEquals(List.of(), ids("?search=refund", author));

        JsonNode second = desk.get("/api/v1/tickets?size=2&page=2", author.token()).json();
        assertEquals(3, second.get("total").asInt());
        assertEquals(2, second.get("pages").asInt());
        assertEquals(1, second.get("items").size());
        JsonNode pastTheEnd = desk.get("/api/v1/tickets?size=2&page=9", author.token()).json();
        assertEquals(0, pastTheEnd.get("items").size());
        assertEquals(3, pastTheEnd.get("total").asInt());
    }

    @Test
    void aCustomerSeesOnlyTheirOwnTicketsAndStaffSeeAll() {
        DeskUnderTest.Person first = desk.person(420, "First", "USER");
        DeskUnderTest.Person second = desk.person(421, "Second", "USER");
        String mine = create(first, "Mine", "Mine", "LOW");
        String theirs = create(second, "Theirs", "Theirs", "LOW");

        assertEquals(List.of(mine), ids("", first));
        assertEquals(List.of(theirs), ids("", second));
        assertTrue(ids("?size=100", admin).containsAll(List.of(mine, theirs)));
        assertEquals(404, desk.get("/api/v1/tickets/" + theirs, first.token()).status());
    }

    @Test
    void everyTicketHasTheNextNumberEverywhereItIsShown() {
        DeskUnderTest.Person author = desk.person(440, "Numbered", "USER");
        JsonNode first = desk.post("/api/v1/tickets", author.token(), Map.of("title", "First", "description", "D",
                "category_id", category)).json();
        JsonNode second = desk.post("/api/v1/tickets", author.token(), Map.of("title", "Second", "description", "D",
                "category_id", category)).json();
        long number = first.get("number").asLong();

        assertTrue(number > 0, first.toString());
        assertTrue(first.get("number").isIntegralNumber(), "a JSON number, not a string");
        assertEquals(number + 1, second.get("number").asLong(), "numbers follow the order tickets are created in");
        String id = first.get("id").asText();
        assertEquals(number, desk.get("/api/v1/tickets/" + id, author.token()).json().get("number").asLong());
        JsonNode edited = desk.put("/api/v1/tickets/" + id, author.token(), Map.of("title", "First, renamed")).json();
        assertEquals(number, edited.get("number").asLong(), "an edit keeps the number");
        JsonNode list = desk.get("/api/v1/tickets", author.token()).json().get("items");
        assertEquals(List.of(number + 1, number), List.of(list.get(0).get("number").asLong(),
                list.get(1).get("number").asLong()));
        assertEquals(number, desk.count("SELECT number FROM tickets WHERE id = '" + id + "'"));
    }

    @Test
    void searchingForANumberFindsThatTicketFirstThenTheTextsThatMentionIt() {
        DeskUnderTest.Person author = desk.person(450, "Seeker", "USER");
        String wanted = create(author, "Printer jammed", "Paper stuck", "LOW");
        long number = desk.get("/api/v1/tickets/" + wanted, author.token()).json().get("number").asLong();
        String mention = create(author, "Still broken", "Same as #" + number + ", please look", "LOW");
        create(author, "Unrelated", "Nothing to do with it", "LOW");

        assertEquals(List.of(wanted, mention), ids("?search=%23" + number, author), "#N: the ticket, then mentions");
        assertEquals(List.of(wanted, mention), ids("?search=" + number, author), "N alone works the same");
        assertEquals(List.of(wanted, mention), ids("?search=" + number + "&sort=-updated_at", author),
                "the ticket first whatever the order asked for");
        assertEquals(2, desk.get("/api/v1/tickets?search=" + number, author.token()).json().get("total").asInt());
        assertEquals(List.of(), ids("?search=%23" + number, user), "another customer's ticket stays hidden");
        assertTrue(ids("?search=%23" + number + "&size=100", helper).contains(wanted), "staff find it by number");
        assertEquals(List.of(), ids("?search=%23999999999999999999", author), "no such number: nothing, not an error");
        assertEquals(200, desk.get("/api/v1/tickets?search=%239999999999999999999999", author.token()).status(),
                "a number too long for a ticket is only text");
    }

    private static List<String> ids(String query, DeskUnderTest.Person caller) {
        DeskUnderTest.Response response = desk.get("/api/v1/tickets" + query, caller.token());
        assertEquals(200, response.status(), response.body());
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void staffTotalsMatchTheTicketsStoredWhicheverWayTheyAreCounted() {
        DeskUnderTest.Person author = desk.person(430, "Counter", "USER");
        String first = create(author, "One", "One", "LOW");
        create(author, "Two", "Two", "HIGH");
        String third = create(author, "Three", "Three", "HIGH");
        desk.put("/api/v1/tickets/" + first, admin.token(), Map.of("status", "RESOLVED"));
        desk.delete("/api/v1/tickets/" + third, admin.token());

        for (String query : List.of("", "?status=OPEN", "?status=RESOLVED", "?category_id=" + category,
                "?status=OPEN&category_id=" + category, "?priority=HIGH", "?assigned_to=none")) {
            String where = switch (query) {
                case "" -> "";
                case "?status=OPEN" -> " WHERE status = 'OPEN'";
                case "?status=RESOLVED" -> " WHERE status = 'RESOLVED'";
                case "?priority=HIGH" -> " WHERE priority = 'HIGH'";
                case "?assigned_to=none" -> " WHERE assignee_id IS NULL";
                default -> query.contains("status") ? " WHERE status = 'OPEN' AND category_id = '" + category + "'"
                        : " WHERE category_id = '" + category + "'";
            };
            assertEquals(desk.count("SELECT count(*) FROM tickets" + where),
                    desk.get("/api/v1/tickets" + query, admin.token()).json().get("total").asLong(), query);
        }
    }

    @Test
    void aCustomerMaySendTheTicketBackAsReadWithOnlyTheTitleChanged() {
        String id = create(user, "Typo in titel", "Body", "HIGH");
        JsonNode read = desk.get("/api/v1/tickets/" + id, user.token()).json();

        DeskUnderTest.Response saved = desk.put("/api/v1/tickets/" + id, user.token(), Map.of("title", "Typo in title",
                "description", read.get("description").asText(), "status", read.get("status").asText(),
                "priority", read.get("priority").asText(), "assigned_to", read.get("assigned_to")));

        assertEquals(200, saved.status(), saved.body());
        assertEquals("Typo in title", saved.json().get("title").asText());
        assertEquals(403, desk.put("/api/v1/tickets/" + id, user.token(), Map.of("priority", "LOW")).status());
    }
}
