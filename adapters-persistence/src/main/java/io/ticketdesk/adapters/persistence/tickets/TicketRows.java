package io.ticketdesk.adapters.persistence.tickets;

import io.ticketdesk.adapters.persistence.Columns;
import io.ticketdesk.application.port.in.tickets.CategoryRef;
import io.ticketdesk.application.port.in.tickets.PersonRef;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;

/** The ticket columns and their mapping, shared by the write repository and the read model. */
final class TicketRows {

    static final String COLUMNS = "t.id, t.number, t.title, t.description, t.status, t.priority, t.category_id, t.author_id, "
            + "t.assignee_id, t.created_at, t.updated_at, t.resolved_at, t.closed_at, t.last_activity_at, t.version";

    /** A person joined under {@code alias}: its columns, prefixed by the alias. */
    static String personColumns(String alias) {
        return alias + ".id AS " + alias + "_id, " + alias + ".telegram_id AS " + alias + "_telegram_id, "
                + alias + ".first_name AS " + alias + "_first_name, " + alias + ".username AS " + alias + "_username, "
                + alias + ".role AS " + alias + "_role";
    }

    static final String CATEGORY_COLUMNS = "c.id AS c_id, c.name AS c_name, c.icon AS c_icon, c.color AS c_color";

    private TicketRows() {
    }

    static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(
                Columns.uuid(rs, "id"),
                rs.getLong("number"),
                rs.getString("title"),
                rs.getString("description"),
                TicketStatus.valueOf(rs.getString("status")),
                TicketPriority.valueOf(rs.getString("priority")),
                Columns.uuid(rs, "category_id"),
                Columns.uuid(rs, "author_id"),
                Columns.uuid(rs, "assignee_id"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                Columns.instant(rs, "resolved_at"),
                Columns.instant(rs, "closed_at"),
                Columns.instant(rs, "last_activity_at"),
                rs.getLong("version"));
    }

    /** The person joined under {@code alias}, or null when the join found nobody. */
    static PersonRef person(ResultSet rs, String alias) throws SQLException {
        if (rs.getObject(alias + "_id") == null) {
            return null;
        }
        return new PersonRef(Columns.uuid(rs, alias + "_id"), rs.getLong(alias + "_telegram_id"),
                rs.getString(alias + "_first_name"), rs.getString(alias + "_username"),
                Role.valueOf(rs.getString(alias + "_role")));
    }

    static CategoryRef category(ResultSet rs) throws SQLException {
        return new CategoryRef(Columns.uuid(rs, "c_id"), rs.getString("c_name"), rs.getString("c_icon"),
                rs.getString("c_color"));
    }

    static <S extends SqlStatement<S>> S bindTicket(S statement, Ticket ticket) {
        return statement
                .bind("id", ticket.id())
                .bind("title", ticket.title())
                .bind("description", ticket.description())
                .bind("status", ticket.status().name())
                .bind("priority", ticket.priority().name())
                .bind("categoryId", ticket.categoryId())
                .bind("authorId", ticket.authorId())
                .bind("assigneeId", ticket.assigneeId())
                .bind("createdAt", Columns.utc(ticket.createdAt()))
                .bind("updatedAt", Columns.utc(ticket.updatedAt()))
                .bind("resolvedAt", Columns.utc(ticket.resolvedAt()))
                .bind("closedAt", Columns.utc(ticket.closedAt()))
                .bind("lastActivityAt", Columns.utc(ticket.lastActivityAt()))
                .bind("version", ticket.version());
    }
}
