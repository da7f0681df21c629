package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.events.RecordedDeskEvent;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.messages.PostMessageCommand;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A change made through the application's in-port, as the bot will make it (no HTTP): the row,
 * its history, the WebSocket event and the outbox event happen together, or not at all.
 */
class ChangePathTest {

    @Test
    void aMessagePostedThroughTheInPortReachesTheRowTheHistoryTheSocketAndTheOutboxOnce() throws Exception {
        try (DeskUnderTest desk = DeskUnderTest.start()) {
            DeskUnderTest.Person customer = desk.person(901, "Ann", "USER");
            DeskUnderTest.Person helper = desk.person(902, "Helper", "HELPER");
            String ticketId = ticket(desk, customer);
            desk.put("/api/v1/tickets/" + ticketId, helper.token(), Map.of("status", "WAITING_RESPONSE"));
            drainEverything(desk); // what came before is not this test's
            CountDownLatch woken = new CountDownLatch(1);
            User author = desk.useCases().identifyCaller().activeUser(UUID.fromString(customer.id()));

            try (LiveClient socket = LiveClient.open(desk, ticketId, helper.token());
                 AutoCloseable hook = desk.useCases().drainDeskEvents().onRecorded(woken::countDown)) {
                MessageView posted = desk.useCases().postMessage().post(new PostMessageCommand(author,
                        UUID.fromString(ticketId), "Still broken", false, List.of()));

                assertEquals(1, desk.count("SELECT count(*) FROM messages WHERE id = '" + posted.message().id() + "'"));
                assertEquals(1, desk.count("SELECT count(*) FROM ticket_history WHERE ticket_id = '" + ticketId
                        + "' AND field = 'STATUS' AND old_value = 'WAITING_RESPONSE' AND new_value = 'IN_PROGRESS'"));
                JsonNode message = socket.next("new_message");
                assertEquals("Still broken", message.at("/data/content").asText());
                JsonNode status = socket.next("status_changed");
                assertEquals("IN_PROGRESS", status.at("/data/new_status").asText());
                assertTrue(woken.await(5, TimeUnit.SECONDS), "consumers were woken after the commit");

                List<DeskEvent> events = drainEverything(desk);
                UUID ticket = UUID.fromString(ticketId);
                // exactly one event of the message (its author, its visibility, who to tell), and one of
                // the move it caused, matching the history entry
                assertEquals(List.of(
                        new DeskEvent.MessagePosted(ticket, posted.message().id(), author.id(), false, author.id(),
                                null),
                        new DeskEvent.StatusChanged(ticket, author.id(), TicketStatus.WAITING_RESPONSE,
                                TicketStatus.IN_PROGRESS, author.id(), null)), events);
            }
        }
    }

    @Test
    void aFailureAfterTheChangeWasRecordedUndoesTheRowTheHistoryTheSocketEventAndTheOutboxEvent() {
        try (DeskUnderTest desk = DeskUnderTest.start()) {
            DeskUnderTest.Person customer = desk.person(911, "Ann", "USER");
            DeskUnderTest.Person helper = desk.person(912, "Helper", "HELPER");
            String ticketId = ticket(desk, customer);
            drainEverything(desk);
            User staff = desk.useCases().identifyCaller().activeUser(UUID.fromString(helper.id()));
            long messagesBefore = desk.count("SELECT count(*) FROM messages");
            long historyBefore = desk.count("SELECT count(*) FROM ticket_history");
            long eventsBefore = desk.count("SELECT count(*) FROM desk_events");

            try (LiveClient socket = LiveClient.open(desk, ticketId, customer.token())) {
                // a staff answer on an OPEN ticket would start work and take it; the unknown attachment,
                // checked after the change was recorded, refuses the whole post
                assertThrows(ValidationException.class, () -> desk.useCases().postMessage().post(
                        new PostMessageCommand(staff, UUID.fromString(ticketId), "Looking", false,
                                List.of(UUID.randomUUID()))));

                assertEquals(messagesBefore, desk.count("SELECT count(*) FROM messages"));
                assertEquals(historyBefore, desk.count("SELECT count(*) FROM ticket_history"));
                assertEquals(eventsBefore, desk.count("SELECT count(*) FROM desk_events"));
                assertEquals(List.of(), drainEverything(desk));
                assertEquals("OPEN", desk.get("/api/v1/tickets/" + ticketId, customer.token()).json()
                        .get("status").asText());
                assertEquals(List.of(), socket.drain(Duration.ofMillis(800)), "no WebSocket event either");
            }
        }
    }

    private static String ticket(DeskUnderTest desk, DeskUnderTest.Person author) {
        return desk.post("/api/v1/tickets", author.token(), Map.of("title", "Login fails", "description", "Error 500",
                "category_id", desk.categoryId())).json().get("id").asText();
    }

    private static List<DeskEvent> drainEverything(DeskUnderTest desk) {
        List<DeskEvent> events = new ArrayList<>();
        while (desk.useCases().drainDeskEvents().drain("change-path-test", 100,
                (RecordedDeskEvent event) -> events.add(event.event())) == 100) {
            // more may wait
        }
        return events;
    }
}
