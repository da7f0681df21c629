package io.ticketdesk.adapters.persistence.tickets;

import io.ticketdesk.adapters.persistence.ColumnMatchingCache;
import io.ticketdesk.application.port.in.messages.Attachment;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.tickets.CategoryRef;
import io.ticketdesk.application.port.in.tickets.HistoryEntry;
import io.ticketdesk.application.port.in.tickets.PersonRef;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.TicketSummary;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The ticket columns and the joined rows the read model maps by constructor: the ticket's own
 * columns unprefixed, its category under {@code c_}, people under {@code u_} and {@code a_}.
 */
final class TicketRows {

    static final String COLUMNS = "t.id, t.number, t.title, t.description, t.status, t.priority, t.category_id, "
            + "t.author_id, t.assignee_id, t.created_at, t.updated_at, t.resolved_at, t.closed_at, "
            + "t.last_activity_at, t.version";

    /** A person joined under {@code alias}: its columns, prefixed by the alias. */
    static String personColumns(String alias) {
        return alias + ".id AS " + alias + "_id, " + alias + ".telegram_id AS " + alias + "_telegram_id, "
                + alias + ".first_name AS " + alias + "_first_name, " + alias + ".username AS " + alias + "_username, "
                + alias + ".role AS " + alias + "_role";
    }

    static final String CATEGORY_COLUMNS = "c.id AS c_id, c.name AS c_name, c.icon AS c_icon, c.color AS c_color";

    static final RowMapper<SummaryRow> SUMMARY = ColumnMatchingCache.of(SummaryRow.class);
    static final RowMapper<DetailsRow> DETAILS = ColumnMatchingCache.of(DetailsRow.class);
    static final RowMapper<HistoryRow> HISTORY = ColumnMatchingCache.of(HistoryRow.class);
    static final RowMapper<MessageRow> MESSAGE = ColumnMatchingCache.of(MessageRow.class);
    static final RowMapper<AttachmentRow> ATTACHMENT = ColumnMatchingCache.of(AttachmentRow.class);

    private TicketRows() {
    }

    /** A person of a LEFT JOIN that found nobody comes back with no id: that is nobody. */
    static PersonRef joined(PersonRef person) {
        return person.id() == null ? null : person;
    }

    record SummaryRow(@Nested Ticket ticket, @Nested("c") CategoryRef category, @Nested("u") PersonRef author,
                      @Nested("a") PersonRef assignee, int visibleCount, Instant visibleLast) {
        TicketSummary summary() {
            return new TicketSummary(ticket, category, author, joined(assignee), visibleCount, visibleLast);
        }
    }

    record DetailsRow(@Nested Ticket ticket, @Nested("c") CategoryRef category, @Nested("u") PersonRef author,
                      @Nested("a") PersonRef assignee) {
        TicketDetails details() {
            return new TicketDetails(ticket, category, author, joined(assignee));
        }
    }

    record HistoryRow(long id, @Nested TicketChange change, @Nested("u") PersonRef actor) {
        HistoryEntry entry() {
            return new HistoryEntry(id, change, joined(actor));
        }
    }

    /** A message and its author; the attachments come from a query of their own. */
    record MessageRow(@Nested Message message, @Nested("u") PersonRef author) {
        MessageView view() {
            return new MessageView(message, author, List.of());
        }
    }

    /** A file of one of the page's messages. */
    record AttachmentRow(UUID messageId, @Nested Attachment attachment) {
    }
}
