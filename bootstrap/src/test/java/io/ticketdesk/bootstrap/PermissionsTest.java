package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of tickets, messages and categories, driven over HTTP as the ticket's owner,
 * another USER, a HELPER, a MODERATOR and an ADMIN, each answer checked against SPEC §3.
 * Columns of each row: owner, other USER, HELPER, MODERATOR, ADMIN.
 */
class PermissionsTest {

    private static DeskUnderTest desk;
    private static Map<String, DeskUnderTest.Person> people;
    private static DeskUnderTest.Person secondHelper;
    private static String category;

    /** One request against a fresh fixture; returns the HTTP status. */
    private interface Call {
        int run(DeskUnderTest.Person actor);
    }

    private static final Map<String, Object[]> TABLE = new LinkedHashMap<>();

    static {
        row("GET /tickets", a -> desk.get("/api/v1/tickets", a.token()).status(), 200, 200, 200, 200, 200);
        row("POST /tickets", a -> desk.post("/api/v1/tickets", a.token(), newTicket()).status(), 201, 201, 201, 201, 201);
        row("GET /tickets/{id}", a -> desk.get(ticket(), a.token()).status(), 200, 404, 200, 200, 200);
        row("PUT title", a -> desk.put(ticket(), a.token(), Map.of("title", "Renamed")).status(), 200, 404, 200, 200, 200);
        row("PUT priority", a -> desk.put(ticket(), a.token(), Map.of("priority", "LOW")).status(), 403, 404, 200, 200, 200);
        row("PUT status CLOSED", a -> desk.put(ticket(), a.token(), Map.of("status", "CLOSED")).status(),
                200, 404, 200, 200, 200);
        row("PUT status IN_PROGRESS", a -> desk.put(ticket(), a.token(), Map.of("status", "IN_PROGRESS")).status(),
                403, 404, 200, 200, 200);
        row("reopen a RESOLVED ticket", a -> desk.put(ticketIn("RESOLVED"), a.token(), Map.of("status", "OPEN")).status(),
                200, 404, 200, 200, 200);
        row("reopen a CLOSED ticket", a -> desk.put(ticketIn("CLOSED"), a.token(), Map.of("status", "OPEN")).status(),
                403, 404, 403, 200, 200);
        row("edit a CLOSED ticket's title", a -> desk.put(ticketIn("CLOSED"), a.token(), Map.of("title", "X")).status(),
                409, 404, 200, 200, 200);
        row("assign to self", a -> desk.put(ticket(), a.token(), Map.of("assigned_to", a.id())).status(),
                403, 404, 200, 200, 200);
        row("assign to another staff member", a -> desk.put(ticket(), a.token(),
                Map.of("assigned_to", secondHelper.id())).status(), 403, 404, 403, 200, 200);
        row("DELETE /tickets/{id}", a -> desk.delete(ticket(), a.token()).status(), 403, 404, 403, 403, 200);
        row("GET history", a -> desk.get(ticket() + "/history", a.token()).status(), 200, 404, 200, 200, 200);
        row("GET messages", a -> desk.get(ticket() + "/messages", a.token()).status(), 200, 404, 200, 200, 200);
        row("POST public message", a -> desk.post(ticket() + "/messages", a.token(), Map.of("content", "Hi")).status(),
                201, 404, 201, 201, 201);
        row("POST internal note", a -> desk.post(ticket() + "/messages", a.token(),
                Map.of("content", "Note", "is_internal", true)).status(), 422, 404, 201, 201, 201);
        row("GET /categories", a -> desk.get("/api/v1/categories", a.token()).status(), 200, 200, 200, 200, 200);
        row("POST /categories", a -> desk.post("/api/v1/categories", a.token(),
                Map.of("name", "Category " + UUID.randomUUID())).status(), 403, 403, 403, 403, 201);
        row("PUT /categories/{id}", a -> desk.put("/api/v1/categories/" + newCategory(), a.token(),
                Map.of("sort_order", 5)).status(), 403, 403, 403, 403, 200);
        row("DELETE /categories/{id}", a -> desk.delete("/api/v1/categories/" + newCategory(), a.token()).status(),
                403, 403, 403, 403, 200);
    }

    private static void row(String name, Call call, int... statuses) {
        TABLE.put(name, new Object[] {call, statuses});
    }

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start();
        people = new LinkedHashMap<>();
        people.put("owner", desk.person(301, "Owner", "USER"));
        people.put("other USER", desk.person(302, "Other", "USER"));
        people.put("HELPER", desk.person(303, "Helper", "HELPER"));
        people.put("MODERATOR", desk.person(304, "Moderator", "MODERATOR"));
        people.put("ADMIN", desk.person(305, "Admin", "ADMIN"));
        secondHelper = desk.person(306, "Second helper", "HELPER");
        category = desk.categoryId();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static Map<String, Object> newTicket() {
        return Map.of("title", "Cannot log in", "description", "The app says my session expired", "category_id", category);
    }

    /** A fresh OPEN ticket of the owner. */
    private static String ticket() {
        DeskUnderTest.Response created = desk.post("/api/v1/tickets", people.get("owner").token(), newTicket());
        return "/api/v1/tickets/" + created.json().get("id").asText();
    }

    /** A fresh ticket of the owner, moved by an admin to {@code status}. */
    private static String ticketIn(String status) {
        String path = ticket();
        assertEquals(200, desk.put(path, people.get("ADMIN").token(), Map.of("status", status)).status());
        return path;
    }

    private static String newCategory() {
        return desk.post("/api/v1/categories", people.get("ADMIN").token(),
                Map.of("name", "Temp " + UUID.randomUUID())).json().get("id").asText();
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        String[] actors = {"owner", "other USER", "HELPER", "MODERATOR", "ADMIN"};
        TABLE.forEach((name, row) -> {
            int[] statuses = (int[]) row[1];
            for (int i = 0; i < actors.length; i++) {
                cells.add(Arguments.of(name, actors[i], statuses[i]));
            }
        });
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("cells")
    void answersAsTheTableSays(String action, String actor, int expected) {
        Call call = (Call) TABLE.get(action)[0];

        assertEquals(expected, call.run(people.get(actor)), action + " as " + actor);
    }
}
