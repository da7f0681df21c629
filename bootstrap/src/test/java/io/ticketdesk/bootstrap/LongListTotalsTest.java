package io.ticketdesk.bootstrap;

import static io.ticketdesk.bootstrap.JsonShapes.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Totals counted row by row are exact up to 10,000; above, 10,000 with {@code total_is_estimate: true}. */
class LongListTotalsTest {

    @Test
    void aTotalAboveTenThousandIsCappedAndSaysSoWhileKeptTotalsStayExact() {
        try (DeskUnderTest desk = DeskUnderTest.start()) {
            DeskUnderTest.Person ann = desk.person(1301, "Ann", "USER");
            DeskUnderTest.Person admin = desk.person(1302, "Admin", "ADMIN");
            String category = desk.categoryId();
            tickets(desk, ann, category, 10_000);

            JsonNode exact = desk.get("/api/v1/tickets?size=20", ann.token()).json();
            assertEquals(10_000, exact.get("total").asLong());
            assertEquals(500, exact.get("pages").asLong());
            assertNull(exact.get("total_is_estimate"), "an exact total keeps the seed's shape");
            assertEquals(fields("items", "total", "page", "size", "pages"), fields(exact));

            tickets(desk, ann, category, 1);
            JsonNode capped = desk.get("/api/v1/tickets?size=20&page=2", ann.token()).json();
            assertEquals(10_000, capped.get("total").asLong());
            assertEquals(true, capped.get("total_is_estimate").asBoolean());
            assertEquals(500, capped.get("pages").asLong());
            assertEquals(20, capped.get("items").size());
            JsonNode filtered = desk.get("/api/v1/tickets?size=20&priority=NORMAL", admin.token()).json();
            assertEquals(true, filtered.get("total_is_estimate").asBoolean());

            // staff totals kept on write (per status and category) are exact at any size
            JsonNode kept = desk.get("/api/v1/tickets?size=20&status=OPEN", admin.token()).json();
            assertEquals(10_001, kept.get("total").asLong());
            assertNull(kept.get("total_is_estimate"));
            // a filter matching few of them is exact again
            JsonNode few = desk.get("/api/v1/tickets?size=20&search=%D0%B4%D0%B5%D1%81%D1%8F%D1%82%D1%8C",
                    ann.token()).json();
            assertEquals(1, few.get("total").asLong());
            assertNull(few.get("total_is_estimate"));
        }
    }

    /** {@code count} tickets of {@code author} written directly (the API would take minutes); the last one says "десять". */
    private static void tickets(DeskUnderTest desk, DeskUnderTest.Person author, String category, int count) {
        desk.sql("INSERT INTO tickets (id, title, description, status, priority, category_id, author_id, created_at,"
                + " updated_at, last_activity_at, version)"
                + " SELECT gen_random_uuid(), 'Ticket ' || n, CASE WHEN n = " + count + " AND " + count + " = 1"
                + " THEN 'десять тысяч один' ELSE 'Body' END, 'OPEN', 'NORMAL', '" + category + "', '" + author.id()
                + "', now(), now(), now(), 0 FROM generate_series(1, " + count + ") n");
    }
}
