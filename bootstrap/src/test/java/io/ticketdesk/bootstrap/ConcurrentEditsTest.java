package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real concurrent HTTP requests on one ticket: no update is ever lost silently. */
class ConcurrentEditsTest {

    private static final int WRITERS = 12;
    private static DeskUnderTest desk;
    private static List<DeskUnderTest.Person> staff;
    private static String category;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start();
        staff = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            staff.add(desk.person(600 + i, "Mod " + i, "MODERATOR"));
        }
        category = desk.categoryId();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static String newTicket() {
        return "/api/v1/tickets/" + desk.post("/api/v1/tickets", staff.get(0).token(), Map.of("title", "Race",
                "description", "Race", "category_id", category)).json().get("id").asText();
    }

    private static List<DeskUnderTest.Response> race(List<Callable<DeskUnderTest.Response>> requests) throws Exception {
        CyclicBarrier start = new CyclicBarrier(requests.size());
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Callable<DeskUnderTest.Response>> synchronised = requests.stream()
                    .<Callable<DeskUnderTest.Response>>map(request -> () -> {
                        start.await();
                        return request.call();
                    }).toList();
            List<DeskUnderTest.Response> responses = new ArrayList<>();
            for (Future<DeskUnderTest.Response> future : pool.invokeAll(synchronised)) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void editsBasedOnTheSameVersionEndInOneSuccessAndConflictsForTheRest() throws Exception {
        String ticket = newTicket();
        String etag = desk.get(ticket, staff.get(0).token()).header("ETag");
        List<Callable<DeskUnderTest.Response>> edits = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            DeskUnderTest.Person writer = staff.get(i);
            String title = "Title by writer " + i;
            edits.add(() -> desk.send("PUT", ticket, writer.token(), Map.of("title", title), "If-Match", etag));
        }

        List<DeskUnderTest.Response> responses = race(edits);

        List<DeskUnderTest.Response> won = responses.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, won.size(), "exactly one edit wins");
        assertEquals(WRITERS - 1, responses.stream().filter(r -> r.status() == 409).count());
        responses.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertEquals("CONFLICT", r.errorCode()));
        assertEquals(won.get(0).json().get("title"), desk.get(ticket, staff.get(0).token()).json().get("title"));
        assertEquals(1, desk.get(ticket + "/history", staff.get(0).token()).json().get("total").asInt());
    }

    @Test
    void editsWithoutAVersionAreAllAppliedOneAfterAnother() throws Exception {
        String ticket = newTicket();
        String[] priorities = {"LOW", "HIGH", "CRITICAL", "NORMAL"};
        List<Callable<DeskUnderTest.Response>> edits = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            DeskUnderTest.Person writer = staff.get(i);
            String priority = priorities[i % priorities.length];
            edits.add(() -> desk.put(ticket, writer.token(), Map.of("priority", priority)));
        }

        List<DeskUnderTest.Response> responses = race(edits);

        responses.forEach(r -> assertEquals(200, r.status(), r.body()));
        // each applied change starts from where the one before it ended: nothing overwritten unseen
        JsonNode history = desk.get(ticket + "/history?size=100", staff.get(0).token()).json().get("items");
        String previous = "NORMAL";
        for (JsonNode entry : history) {
            assertEquals(previous, entry.get("old_value").asText());
            previous = entry.get("new_value").asText();
        }
        assertEquals(previous, desk.get(ticket, staff.get(0).token()).json().get("priority").asText());
    }

    @Test
    void simultaneousMessagesAreAllKeptAndCounted() throws Exception {
        String ticket = newTicket();
        List<Callable<DeskUnderTest.Response>> posts = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            DeskUnderTest.Person writer = staff.get(i);
            String content = "Message " + i;
            posts.add(() -> desk.post(ticket + "/messages", writer.token(), Map.of("content", content)));
        }

        race(posts).forEach(r -> assertEquals(201, r.status(), r.body()));

        assertEquals(WRITERS, desk.get(ticket + "/messages", staff.get(0).token()).json().get("total").asInt());
        JsonNode listed = desk.get("/api/v1/tickets?size=1", staff.get(0).token()).json().get("items").get(0);
        assertEquals(WRITERS, listed.get("messages_count").asInt());
        JsonNode details = desk.get(ticket, staff.get(0).token()).json();
        assertEquals("IN_PROGRESS", details.get("status").asText());
        // the first staff answer took the ticket; the history says so once
        long assignments = 0;
        for (JsonNode entry : desk.get(ticket + "/history", staff.get(0).token()).json().get("items")) {
            assignments += entry.get("field").asText().equals("assigned_to") ? 1 : 0;
        }
        assertEquals(1, assignments);
    }

    @Test
    void aStaleOrMalformedIfMatchIsRefused() {
        String ticket = newTicket();
        String etag = desk.get(ticket, staff.get(0).token()).header("ETag");
        desk.put(ticket, staff.get(1).token(), Map.of("title", "Changed first"));

        DeskUnderTest.Response stale = desk.send("PUT", ticket, staff.get(0).token(), Map.of("title", "Late"),
                "If-Match", etag);
        DeskUnderTest.Response malformed = desk.send("PUT", ticket, staff.get(0).token(), Map.of("title", "Late"),
                "If-Match", "yesterday");

        assertEquals(409, stale.status());
        assertEquals(400, malformed.status());
        assertEquals("Changed first", desk.get(ticket, staff.get(0).token()).json().get("title").asText());
    }
}
