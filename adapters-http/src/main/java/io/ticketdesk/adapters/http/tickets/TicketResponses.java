package io.ticketdesk.adapters.http.tickets;

import io.ticketdesk.adapters.http.json.WireNames;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ticketdesk.application.port.in.tickets.CategoryRef;
import io.ticketdesk.application.port.in.tickets.HistoryEntry;
import io.ticketdesk.application.port.in.tickets.PersonRef;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.TicketSummary;
import io.ticketdesk.domain.tickets.Ticket;
import java.time.Instant;
import java.util.UUID;

/** The ticket shapes of the seed document, field for field, each with the ticket's {@code number} (SPEC §5). */
final class TicketResponses {

    private TicketResponses() {
    }

    /** {@code POST /tickets} answers the ticket flat, with ids instead of objects. */
    record Created(UUID id, long number, String title, String description, String status, String priority,
                   UUID categoryId, UUID userId, Instant createdAt) {
        static Created from(Ticket t) {
            return new Created(t.id(), t.number(), t.title(), t.description(), t.status().name(), t.priority().name(),
                    t.categoryId(), t.authorId(), t.createdAt());
        }
    }

    /** {@code GET/PUT /tickets/{id}}. */
    record Details(UUID id, long number, String title, String description, String status, String priority,
                   FullCategory category, Author user, Assignee assignedTo, Instant createdAt, Instant updatedAt,
                   Instant closedAt) {
        static Details from(TicketDetails d) {
            Ticket t = d.ticket();
            return new Details(t.id(), t.number(), t.title(), t.description(), t.status().name(), t.priority().name(),
                    FullCategory.from(d.category()), Author.from(d.author()), Assignee.from(d.assignee()),
                    t.createdAt(), t.updatedAt(), t.closedAt());
        }
    }

    /** A row of {@code GET /tickets}. */
    record ListItem(UUID id, long number, String title, String description, String status, String priority,
                    ShortCategory category, ListAuthor user, Assignee assignedTo, Instant createdAt, Instant updatedAt,
                    int messagesCount, Instant lastMessageAt) {
        static ListItem from(TicketSummary s) {
            Ticket t = s.ticket();
            return new ListItem(t.id(), t.number(), t.title(), t.description(), t.status().name(), t.priority().name(),
                    ShortCategory.from(s.category()), ListAuthor.from(s.author()), Assignee.from(s.assignee()),
                    t.createdAt(), t.updatedAt(), s.messagesCount(), s.lastMessageAt());
        }
    }

    /** A history entry; {@code changed_by} is null for the desk's automatic moves. */
    record History(long id, String field, String oldValue, String newValue, Assignee changedBy, Instant createdAt) {
        static History from(HistoryEntry e) {
            return new History(e.id(), WireNames.of(e.change().field()), e.change().oldValue(), e.change().newValue(), Assignee.from(e.actor()),
                    e.change().at());
        }
    }

    record FullCategory(UUID id, String name, String icon, String color) {
        static FullCategory from(CategoryRef c) {
            return new FullCategory(c.id(), c.name(), c.icon(), c.color());
        }
    }

    record ShortCategory(UUID id, String name, String icon) {
        static ShortCategory from(CategoryRef c) {
            return new ShortCategory(c.id(), c.name(), c.icon());
        }
    }

    record Author(UUID id, @JsonProperty("telegram_id") long telegramId, String firstName, String username) {
        static Author from(PersonRef p) {
            return new Author(p.id(), p.telegramId(), p.firstName(), p.username());
        }
    }

    record ListAuthor(UUID id, String firstName, String username) {
        static ListAuthor from(PersonRef p) {
            return new ListAuthor(p.id(), p.firstName(), p.username());
        }
    }

    /** A staff member beside a ticket: {@code {id, first_name, role}}, or null for nobody. */
    record Assignee(UUID id, String firstName, String role) {
        static Assignee from(PersonRef p) {
            return p == null ? null : new Assignee(p.id(), p.firstName(), p.role().name());
        }
    }
}
