package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Categories: ordering, who sees inactive ones, unique names, and deletion only when unused. */
class CategoriesTest {

    private static DeskUnderTest desk;
    private static DeskUnderTest.Person admin;
    private static DeskUnderTest.Person helper;
    private static DeskUnderTest.Person user;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start();
        admin = desk.person(701, "Admin", "ADMIN");
        helper = desk.person(702, "Helper", "HELPER");
        user = desk.person(703, "User", "USER");
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static JsonNode create(Map<String, Object> body) {
        DeskUnderTest.Response response = desk.post("/api/v1/categories", admin.token(), body);
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    @Test
    void aNewCategoryIsActiveAndListedBySortOrderThenName() {
        JsonNode zeta = create(Map.of("name", "Zeta", "sort_order", 50));
        JsonNode alpha = create(Map.of("name", "alpha", "sort_order", 50, "description", "First of the fifties",
                "icon", "🆕", "color", "#45b7d1"));

        assertTrue(alpha.get("is_active").asBoolean());
        assertEquals("#45b7d1", alpha.get("color").asText());
        List<String> ordered = names(desk.get("/api/v1/categories", user.token()).json()).stream()
                .filter(List.of("Оплата и подписка", "Технические проблемы", "alpha", "Zeta")::contains).toList();
        assertEquals(List.of("Оплата и подписка", "Технические проблемы", "alpha", "Zeta"), ordered);
        assertEquals(zeta.get("name").asText(), ordered.get(3));
    }

    @Test
    void inactiveCategoriesAreShownOnlyToStaffWhoAskForThem() {
        String id = create(Map.of("name", "Retired", "sort_order", 900)).get("id").asText();
        JsonNode deactivated = desk.put("/api/v1/categories/" + id, admin.token(), Map.of("is_active", false)).json();
        assertEquals(false, deactivated.get("is_active").asBoolean());
        assertEquals("Retired", deactivated.get("name").asText());

        assertTrue(names(desk.get("/api/v1/categories?include_inactive=true", helper.token()).json()).contains("Retired"));
        assertTrue(!names(desk.get("/api/v1/categories", helper.token()).json()).contains("Retired"));
        assertTrue(!names(desk.get("/api/v1/categories?include_inactive=true", user.token()).json()).contains("Retired"));
    }

    @Test
    void namesAreUniqueWhateverTheirCase() {
        create(Map.of("name", "Billing"));
        String other = create(Map.of("name", "Shipping")).get("id").asText();

        DeskUnderTest.Response duplicate = desk.post("/api/v1/categories", admin.token(), Map.of("name", "BILLING"));
        DeskUnderTest.Response renamed = desk.put("/api/v1/categories/" + other, admin.token(), Map.of("name", "billing"));

        assertEquals(409, duplicate.status());
        assertEquals("CONFLICT", duplicate.errorCode());
        assertEquals(409, renamed.status());
        assertEquals("Shipping", desk.put("/api/v1/categories/" + other, admin.token(), Map.of()).json()
                .get("name").asText());
    }

    @Test
    void aCategoryInUseCannotBeDeletedButAnUnusedOneCan() {
        String used = create(Map.of("name", "Used")).get("id").asText();
        String unused = create(Map.of("name", "Unused")).get("id").asText();
        desk.post("/api/v1/tickets", user.token(), Map.of("title", "T", "description", "D", "category_id", used));

        DeskUnderTest.Response refused = desk.delete("/api/v1/categories/" + used, admin.token());
        DeskUnderTest.Response deleted = desk.delete("/api/v1/categories/" + unused, admin.token());

        assertEquals(409, refused.status());
        assertTrue(refused.json().at("/error/message").asText().contains("is_active: false"));
        assertEquals(200, deleted.status());
        assertEquals("Category deleted", deleted.json().get("message").asText());
        assertEquals(404, desk.delete("/api/v1/categories/" + unused, admin.token()).status());
        assertTrue(names(desk.get("/api/v1/categories", user.token()).json()).contains("Used"));
    }

    @Test
    void badCategoriesAreRefusedWithTheFieldNamed() {
        DeskUnderTest.Response response = desk.post("/api/v1/categories", admin.token(), Map.of("name", "",
                "color", "red", "sort_order", -1, "icon", "x".repeat(17)));

        assertEquals(422, response.status());
        assertEquals(List.of("name", "icon", "color", "sort_order"), response.errorFields());
        assertEquals(422, desk.put("/api/v1/categories/" + create(Map.of("name", "Typed")).get("id").asText(),
                admin.token(), Map.of("is_active", "no")).status());
    }

    private static List<String> names(JsonNode categories) {
        List<String> names = new ArrayList<>();
        categories.forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    @Test
    void deletingACategoryWhileTicketsJoinItNeverFailsWithA500() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = create(Map.of("name", "Racing " + round)).get("id").asText();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<DeskUnderTest.Response>> creates = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    creates.add(pool.submit(() -> {
                        start.await();
                        return desk.post("/api/v1/tickets", user.token(), Map.of("title", "T", "description", "D",
                                "category_id", id));
                    }));
                }
                java.util.concurrent.Future<DeskUnderTest.Response> delete = pool.submit(() -> {
                    start.await();
                    return desk.delete("/api/v1/categories/" + id, admin.token());
                });

                int created = 0;
                for (var future : creates) {
                    int status = future.get().status();
                    assertTrue(status == 201 || status == 422, "create answered " + status);
                    created += status == 201 ? 1 : 0;
                }
                int deleted = delete.get().status();
                // either the tickets came first and the category stays (409), or it went first (200) and none joined
                assertEquals(created > 0 ? 409 : 200, deleted);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
