package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both statistics endpoints against a fixture whose every time is known, each figure compared
 * with the value worked out by hand in the comments (issue 5). The clock is the test's own.
 *
 * <pre>
 * 03-01 09:00  Cleo opens T1 (Оплата, HIGH)            Helga's first answer 13:00  → response 4 h
 * 03-01 10:00  Cleo opens T2 (Оплата, NORMAL)          Ada's first answer 03-03 10:00 → 48 h
 * 03-01 11:00  Carl opens T3 (Технические, LOW)        Hugo's first answer 14:00   → 3 h
 * 03-02 09:00  Hugo opens T4 (Технические, CRITICAL)   his own message does not count; Helga 11:00 → 2 h
 * 03-03 08:00  Carl opens T5 (Оплата, NORMAL)          never answered
 * T1 resolved 03-02 12:00 (27 h); T3 resolved 03-03 09:00 (46 h), then closed.
 * </pre>
 */
class StatisticsTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-02-28T08:00:00Z"));
    private static DeskUnderTest desk;
    private static DeskUnderTest.Person ada;
    private static DeskUnderTest.Person helga;
    private static DeskUnderTest.Person hugo;
    private static DeskUnderTest.Person cleo;
    private static DeskUnderTest.Person carl;
    private static String billing;
    private static String technical;
    private static JsonNode emptyDashboard;
    private static JsonNode emptyReport;

    @BeforeAll
    static void buildTheFixture() {
        desk = DeskUnderTest.start(Map.of(), CLOCK);
        ada = desk.person(701, "Ada", "ADMIN");
        helga = desk.person(702, "Helga", "HELPER");
        hugo = desk.person(703, "Hugo", "MODERATOR");
        cleo = desk.person(704, "Cleo", "USER");
        carl = desk.person(705, "Carl", "USER");
        JsonNode categories = desk.get("/api/v1/categories", ada.token()).json();
        billing = categories.get(0).get("id").asText();     // Оплата и подписка
        technical = categories.get(1).get("id").asText();   // Технические проблемы
        emptyDashboard = desk.get("/api/v1/statistics/dashboard", helga.token()).json();
        emptyReport = desk.get("/api/v1/statistics/tickets?from_date=2024-03-01&to_date=2024-03-03", helga.token()).json();

        at("2024-03-01T09:00:00Z");
        String t1 = ticket(cleo, billing, "HIGH");
        at("2024-03-01T10:00:00Z");
        String t2 = ticket(cleo, billing, "NORMAL");
        at("2024-03-01T11:00:00Z");
        String t3 = ticket(carl, technical, "LOW");
        at("2024-03-01T11:30:00Z");
        post(t1, helga, "internal note: does not count", true);
        at("2024-03-01T12:00:00Z");
        post(t1, cleo, "the author: does not count", false);
        at("2024-03-01T13:00:00Z");
        post(t1, helga, "first answer on T1", false);
        at("2024-03-01T13:30:00Z");
        post(t1, hugo, "second answer on T1", false);
        at("2024-03-01T14:00:00Z");
        post(t3, hugo, "first answer on T3", false);

        at("2024-03-02T09:00:00Z");
        String t4 = ticket(hugo, technical, "CRITICAL");
        at("2024-03-02T10:00:00Z");
        post(t4, hugo, "the author, staff or not: does not count", false);
        at("2024-03-02T11:00:00Z");
        post(t4, helga, "first answer on T4", false);
        at("2024-03-02T12:00:00Z");
        status(t1, helga, "RESOLVED");
        at("2024-03-02T12:30:00Z");
        status(t4, helga, "WAITING_RESPONSE");

        at("2024-03-03T08:00:00Z");
        ticket(carl, billing, "NORMAL");
        at("2024-03-03T09:00:00Z");
        status(t3, ada, "RESOLVED");
        at("2024-03-03T09:30:00Z");
        status(t3, ada, "CLOSED");
        at("2024-03-03T10:00:00Z");
        post(t2, ada, "first answer on T2", false);
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void theDashboardOfAnEmptyDesk() {
        assertEquals(json("{\"total\":0,\"open\":0,\"in_progress\":0,\"waiting_response\":0,\"resolved\":0,\"closed\":0}"),
                emptyDashboard.get("tickets"));
        assertEquals(json("{\"average_hours\":null,\"median_hours\":null}"), emptyDashboard.get("response_time"));
        assertEquals(json("[]"), emptyDashboard.get("categories"));
        // every active staff member is listed, with nothing handled yet
        assertEquals(List.of("Ada 0 null", "Helga 0 null", "Hugo 0 null"), helpers(emptyDashboard));
    }

    @Test
    void theDashboardWorkedOutByHand() {
        JsonNode dashboard = desk.get("/api/v1/statistics/dashboard", hugo.token()).json();

        // T5 OPEN, T2 IN_PROGRESS, T4 WAITING_RESPONSE, T1 RESOLVED, T3 CLOSED
        assertEquals(json("{\"total\":5,\"open\":1,\"in_progress\":1,\"waiting_response\":1,\"resolved\":1,\"closed\":1}"),
                dashboard.get("tickets"));
        // responses 4, 48, 3, 2 h: mean 57/4 = 14.25 → 14.3 (half up); median (3 + 4) / 2 = 3.5
        assertEquals(json("{\"average_hours\":14.3,\"median_hours\":3.5}"), dashboard.get("response_time"));
        // Оплата: T1, T2, T5 = 3 of 5 = 60 %; Технические: T3, T4 = 2 of 5 = 40 %
        assertEquals(json("[{\"id\":\"" + billing + "\",\"name\":\"Оплата и подписка\",\"count\":3,\"percentage\":60},"
                + "{\"id\":\"" + technical + "\",\"name\":\"Технические проблемы\",\"count\":2,\"percentage\":40}]"),
                dashboard.get("categories"));
        // Hugo posted publicly in T1, T3 and T4 (his own: posting counts, answering it first would not),
        // answered T3 first (3 h); Helga in T1 and T4, first in both (4 h, 2 h → 3.0); Ada in T2, first (48 h)
        assertEquals(List.of("Hugo 3 3.0", "Helga 2 3.0", "Ada 1 48.0"), helpers(dashboard));
        JsonNode hugoShown = dashboard.get("helpers").get(0).get("user");
        assertEquals(hugo.id(), hugoShown.get("id").asText());
        assertEquals("MODERATOR", hugoShown.get("role").asText());
    }

    @Test
    void theTicketReportWorkedOutByHand() {
        JsonNode report = desk.get("/api/v1/statistics/tickets?from_date=2024-03-01&to_date=2024-03-03",
                helga.token()).json();

        assertEquals("2024-03-01", report.get("from_date").asText());
        assertEquals("2024-03-03", report.get("to_date").asText());
        assertEquals(5, report.get("total").asInt());
        assertEquals(json("{\"OPEN\":1,\"IN_PROGRESS\":1,\"WAITING_RESPONSE\":1,\"RESOLVED\":1,\"CLOSED\":1}"),
                report.get("by_status"));
        assertEquals(json("{\"LOW\":1,\"NORMAL\":2,\"HIGH\":1,\"CRITICAL\":1}"), report.get("by_priority"));
        assertEquals(List.of("Оплата и подписка 3 60", "Технические проблемы 2 40"), categories(report));
        assertEquals(json("[{\"date\":\"2024-03-01\",\"count\":3},{\"date\":\"2024-03-02\",\"count\":1},"
                + "{\"date\":\"2024-03-03\",\"count\":1}]"), report.get("created_per_day"));
        // T1 on 03-02, T3 on 03-03 (it stays resolved_at when closed)
        assertEquals(json("[{\"date\":\"2024-03-01\",\"count\":0},{\"date\":\"2024-03-02\",\"count\":1},"
                + "{\"date\":\"2024-03-03\",\"count\":1}]"), report.get("resolved_per_day"));
        assertEquals(json("{\"average_hours\":14.3,\"median_hours\":3.5}"), report.get("response_time"));
        // T1 27 h, T3 46 h: mean and median 36.5
        assertEquals(json("{\"average_hours\":36.5,\"median_hours\":36.5}"), report.get("resolution_time"));
    }

    @Test
    void oneCategoryOnly() {
        JsonNode report = desk.get("/api/v1/statistics/tickets?from_date=2024-03-01&to_date=2024-03-03&category_id="
                + technical, helga.token()).json();

        // T3 and T4
        assertEquals(2, report.get("total").asInt());
        assertEquals(json("{\"OPEN\":0,\"IN_PROGRESS\":0,\"WAITING_RESPONSE\":1,\"RESOLVED\":0,\"CLOSED\":1}"),
                report.get("by_status"));
        assertEquals(json("{\"LOW\":1,\"NORMAL\":0,\"HIGH\":0,\"CRITICAL\":1}"), report.get("by_priority"));
        assertEquals(List.of("Технические проблемы 2 100"), categories(report));
        assertEquals(List.of(1L, 1L, 0L), counts(report.get("created_per_day")));
        assertEquals(List.of(0L, 0L, 1L), counts(report.get("resolved_per_day")));
        // 3 h and 2 h; T3 alone resolved, in 46 h
        assertEquals(json("{\"average_hours\":2.5,\"median_hours\":2.5}"), report.get("response_time"));
        assertEquals(json("{\"average_hours\":46.0,\"median_hours\":46.0}"), report.get("resolution_time"));
    }

    @Test
    void oneDayCountsTheTicketsOfThatDayAndTheResolutionsOnIt() {
        JsonNode report = desk.get("/api/v1/statistics/tickets?from_date=2024-03-02&to_date=2024-03-02",
                helga.token()).json();

        // created on 03-02: T4 alone, answered in 2 h, not resolved; T1 (created 03-01) was resolved that day
        assertEquals(1, report.get("total").asInt());
        assertEquals(List.of(1L), counts(report.get("created_per_day")));
        assertEquals(List.of(1L), counts(report.get("resolved_per_day")));
        assertEquals(json("{\"average_hours\":2.0,\"median_hours\":2.0}"), report.get("response_time"));
        assertEquals(json("{\"average_hours\":null,\"median_hours\":null}"), report.get("resolution_time"));
    }

    @Test
    void withoutDatesTheLastThirtyDaysTodayIncluded() {
        JsonNode report = desk.get("/api/v1/statistics/tickets", helga.token()).json();

        // the clock stands at 2024-03-03 10:00 UTC; 2024 is a leap year
        assertEquals("2024-02-03", report.get("from_date").asText());
        assertEquals("2024-03-03", report.get("to_date").asText());
        assertEquals(30, report.get("created_per_day").size());
        assertEquals(30, report.get("resolved_per_day").size());
        assertEquals("2024-02-29", report.get("created_per_day").get(26).get("date").asText());
        assertEquals(5, report.get("total").asInt());
        assertEquals(5L, counts(report.get("created_per_day")).stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void theReportOfAnEmptyDesk() {
        assertEquals(0, emptyReport.get("total").asInt());
        assertEquals(json("{\"OPEN\":0,\"IN_PROGRESS\":0,\"WAITING_RESPONSE\":0,\"RESOLVED\":0,\"CLOSED\":0}"),
                emptyReport.get("by_status"));
        assertEquals(json("{\"LOW\":0,\"NORMAL\":0,\"HIGH\":0,\"CRITICAL\":0}"), emptyReport.get("by_priority"));
        assertEquals(json("[]"), emptyReport.get("by_category"));
        assertEquals(List.of(0L, 0L, 0L), counts(emptyReport.get("created_per_day")));
        assertEquals(List.of(0L, 0L, 0L), counts(emptyReport.get("resolved_per_day")));
        assertEquals(json("{\"average_hours\":null,\"median_hours\":null}"), emptyReport.get("response_time"));
        assertEquals(json("{\"average_hours\":null,\"median_hours\":null}"), emptyReport.get("resolution_time"));
    }

    @Test
    void customersSeeNoStatisticsAndBadInputIsNamed() {
        assertEquals(403, desk.get("/api/v1/statistics/dashboard", cleo.token()).status());
        assertEquals("FORBIDDEN", desk.get("/api/v1/statistics/tickets", cleo.token()).errorCode());
        assertField("?from_date=2024-13-01", "from_date");
        assertField("?to_date=yesterday", "to_date");
        assertField("?from_date=2024-03-04&to_date=2024-03-03", "from_date");
        assertField("?from_date=2024-01-01&to_date=2025-01-01", "to_date");
        assertField("?category_id=42", "category_id");
        assertEquals(200, desk.get("/api/v1/statistics/tickets?from_date=2024-01-01&to_date=2024-12-31",
                hugo.token()).status(), "366 days are fine");
        DeskUnderTest.Response russian = desk.send("GET", "/api/v1/statistics/tickets?from_date=2024-03-04&to_date=2024-03-03",
                hugo.token(), null, "Accept-Language", "ru");
        assertEquals("Не может быть позже to_date", russian.json().at("/error/details/0/message").asText());
    }

    private static void assertField(String query, String field) {
        DeskUnderTest.Response response = desk.get("/api/v1/statistics/tickets" + query, hugo.token());
        assertEquals(422, response.status(), response.body());
        assertEquals(field, response.json().at("/error/details/0/field").asText(), response.body());
    }

    private static void at(String instant) {
        Instant target = Instant.parse(instant);
        CLOCK.advance(Duration.between(CLOCK.instant(), target));
    }

    private static String ticket(DeskUnderTest.Person author, String category, String priority) {
        DeskUnderTest.Response created = desk.post("/api/v1/tickets", author.token(), Map.of("title", "T",
                "description", "D", "category_id", category, "priority", priority));
        assertEquals(201, created.status(), created.body());
        return "/api/v1/tickets/" + created.json().get("id").asText();
    }

    private static void post(String ticket, DeskUnderTest.Person author, String content, boolean internal) {
        DeskUnderTest.Response posted = desk.post(ticket + "/messages", author.token(),
                Map.of("content", content, "is_internal", internal));
        assertEquals(201, posted.status(), posted.body());
    }

    private static void status(String ticket, DeskUnderTest.Person actor, String status) {
        DeskUnderTest.Response changed = desk.put(ticket, actor.token(), Map.of("status", status));
        assertEquals(200, changed.status(), changed.body());
    }

    private static List<String> helpers(JsonNode dashboard) {
        List<String> rows = new ArrayList<>();
        dashboard.get("helpers").forEach(h -> rows.add(h.at("/user/first_name").asText() + " "
                + h.get("tickets_handled").asLong() + " " + h.get("avg_response_time")));
        return rows;
    }

    private static List<String> categories(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.get("by_category").forEach(c -> rows.add(c.get("name").asText() + " " + c.get("count").asLong() + " "
                + c.get("percentage").asInt()));
        return rows;
    }

    private static List<Long> counts(JsonNode days) {
        List<Long> counts = new ArrayList<>();
        days.forEach(day -> counts.add(day.get("count").asLong()));
        return counts;
    }

    private static JsonNode json(String text) {
        try {
            return DeskUnderTest.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
