package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard reads counters kept on write by triggers (V4). Whatever happens to tickets and
 * messages (answers, notes, status moves, deletion), they must equal a recomputation from the rows.
 */
class StatisticsCountersTest {

    /** Every counter row that is not all zeros, as text, in a stable order. */
    private static final String COUNTERS = """
            SELECT 'c ' || row(k.*)::text FROM ticket_counts k WHERE tickets <> 0
            UNION ALL SELECT 'd ' || row(d.*)::text FROM ticket_day_counts d
                WHERE tickets <> 0 OR responses <> 0 OR resolutions <> 0
            UNION ALL SELECT 'r ' || row(r.*)::text FROM ticket_resolved_days r WHERE tickets <> 0
            UNION ALL SELECT 'u ' || row(u.*)::text FROM user_ticket_stats u
                WHERE tickets_handled <> 0 OR first_responses <> 0
            ORDER BY 1""";

    @Test
    void theKeptCountersEqualARecomputationAfterEveryKindOfChange() throws SQLException {
        try (DeskUnderTest desk = DeskUnderTest.start()) {
            DeskUnderTest.Person admin = desk.person(901, "Admin", "ADMIN");
            DeskUnderTest.Person helper = desk.person(902, "Helper", "HELPER");
            DeskUnderTest.Person customer = desk.person(903, "Customer", "USER");
            JsonNode categories = desk.get("/api/v1/categories", admin.token()).json();
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tickets.add("/api/v1/tickets/" + desk.post("/api/v1/tickets", customer.token(), Map.of("title", "T" + i,
                        "description", "D", "category_id", categories.get(i % 2).get("id").asText())).json()
                        .get("id").asText());
            }
            for (String ticket : tickets) {
                desk.post(ticket + "/messages", helper.token(), Map.of("content", "note", "is_internal", true));
                desk.post(ticket + "/messages", helper.token(), Map.of("content", "answer"));
                desk.post(ticket + "/messages", helper.token(), Map.of("content", "again"));
                desk.post(ticket + "/messages", customer.token(), Map.of("content", "thanks"));
            }
            desk.post(tickets.get(0) + "/messages", admin.token(), Map.of("content", "admin too"));
            desk.put(tickets.get(1), helper.token(), Map.of("status", "RESOLVED"));
            desk.put(tickets.get(2), admin.token(), Map.of("status", "CLOSED"));
            desk.put(tickets.get(3), customer.token(), Map.of("status", "CLOSED"));
            desk.put(tickets.get(4), helper.token(), Map.of("status", "RESOLVED"));
            desk.put(tickets.get(4), customer.token(), Map.of("status", "OPEN")); // resolved_at cleared
            desk.put(tickets.get(4), helper.token(), Map.of("priority", "CRITICAL"));
            assertEquals(200, desk.delete(tickets.get(0), admin.token()).status());
            assertEquals(200, desk.delete(tickets.get(5), admin.token()).status());

            // 4 tickets left; the helper posted publicly in each, answered each first; the admin's only one is gone
            JsonNode dashboard = desk.get("/api/v1/statistics/dashboard", admin.token()).json();
            assertEquals(4, dashboard.at("/tickets/total").asInt());
            assertEquals(1, dashboard.at("/tickets/resolved").asInt());
            assertEquals(2, dashboard.at("/tickets/closed").asInt());
            assertEquals(0, dashboard.at("/tickets/in_progress").asInt());
            assertEquals(1, dashboard.at("/tickets/open").asInt());
            assertEquals("Helper", dashboard.at("/helpers/0/user/first_name").asText());
            assertEquals(4, dashboard.at("/helpers/0/tickets_handled").asInt());
            assertEquals(0, dashboard.at("/helpers/1/tickets_handled").asInt());

            List<String> kept = counters(desk.database());
            assertFalse(kept.isEmpty());
            desk.sql("SELECT rebuild_ticket_statistics()");
            assertEquals(kept, counters(desk.database()));
        }
    }

    private static List<String> counters(PostgresUrl url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(COUNTERS)) {
            List<String> lines = new ArrayList<>();
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
            return lines;
        }
    }
}
