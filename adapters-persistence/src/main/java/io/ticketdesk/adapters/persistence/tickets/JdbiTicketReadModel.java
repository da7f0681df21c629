package io.ticketdesk.adapters.persistence.tickets;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.messages.Attachment;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.tickets.HistoryEntry;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.TicketFilter;
import io.ticketdesk.application.port.in.tickets.TicketSort;
import io.ticketdesk.application.port.in.tickets.TicketSummary;
import io.ticketdesk.application.port.out.persistence.TicketReadModel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/** Lists and details in one query per page (plus one count); indexes in V2 match every filter. */
public final class JdbiTicketReadModel implements TicketReadModel {

    private static final String TICKET_JOINS = " FROM tickets t"
            + " JOIN categories c ON c.id = t.category_id"
            + " JOIN users u ON u.id = t.author_id"
            + " LEFT JOIN users a ON a.id = t.assignee_id";

    private static final String MESSAGE_SELECT = "SELECT m.id, m.ticket_id, m.author_id, m.content, m.is_internal AS internal, "
            + "m.created_at, " + TicketRows.personColumns("u") + " FROM messages m JOIN users u ON u.id = m.author_id";

    /**
     * Lists are skewed (a million CLOSED tickets and forty thousand OPEN ones; a customer with 300
     * tickets, another with 23,000; a common word and a rare one): their statement is sent unnamed,
     * so PostgreSQL plans it for the values of each call and never switches to one generic plan
     * (what plan_cache_mode = force_custom_plan did for every statement on the connection).
     */
    private static final StatementCustomizer PLANNED_FOR_ITS_VALUES = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    };

    /**
     * Totals counted row by row stop here: above it a list reports this many with
     * {@code total_is_estimate} (docs/decisions.md), instead of reading up to a million index entries.
     */
    static final int COUNTED_UP_TO = 10_000;

    private final JdbiTransactions transactions;

    public JdbiTicketReadModel(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Page<TicketSummary> tickets(Optional<UUID> authorOnly, boolean staffView, TicketFilter filter,
                                       TicketSort sort, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        authorOnly.ifPresent(author -> condition(conditions, params, "t.author_id = :author", "author", author));
        filter.status().ifPresent(status -> condition(conditions, params, "t.status = :status", "status", status.name()));
        filter.categoryId().ifPresent(id -> condition(conditions, params, "t.category_id = :category", "category", id));
        filter.priority().ifPresent(p -> condition(conditions, params, "t.priority = :priority", "priority", p.name()));
        filter.assignedTo().ifPresent(id -> condition(conditions, params, "t.assignee_id = :assignee", "assignee", id));
        if (filter.unassignedOnly()) {
            conditions.add("t.assignee_id IS NULL");
        }
        // "#1042" or "1042": that ticket as well as the texts that mention it, the ticket first
        OptionalLong number = filter.searchedNumber();
        filter.search().ifPresent(text -> {
            String words = "t.search_vector @@ websearch_to_tsquery('russian', :search)";
            condition(conditions, params, number.isPresent() ? "(t.number = :number OR " + words + ")" : words,
                    "search", text);
            number.ifPresent(value -> params.put("number", value));
        });
        String numberFirst = number.isPresent() ? "t.number = :number DESC, " : "";
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        // internal notes count only for staff: pick the matching counters, never a subquery per row
        String counters = staffView
                ? "t.messages_count AS visible_count, t.last_message_at AS visible_last"
                : "t.public_messages_count AS visible_count, t.last_public_message_at AS visible_last";
        String pageSql = "SELECT " + TicketRows.COLUMNS + ", t.priority_rank, " + TicketRows.CATEGORY_COLUMNS + ", "
                + TicketRows.personColumns("u") + ", " + TicketRows.personColumns("a") + ", " + counters
                + TICKET_JOINS + where + " ORDER BY " + numberFirst + orderBy(sort, "t") + " LIMIT :limit OFFSET :offset";
        boolean kept = countsKeptOnWrite(authorOnly, filter);
        // beyond COUNTED_UP_TO the total is not worth reading every matching row for
        String totalSql = kept
                ? "SELECT coalesce(sum(tickets), 0) FROM ticket_counts t" + where
                : "SELECT count(*) FROM (SELECT FROM tickets t" + where + " LIMIT " + (COUNTED_UP_TO + 1) + ") capped";
        Page<TicketSummary> counted = transactions.withHandle(handle -> pageWithTotal(handle.createQuery(
                        withTotal(totalSql, pageSql, numberFirst.replace("t.", "page.") + orderBy(sort, "page")))
                .addCustomizer(PLANNED_FOR_ITS_VALUES)
                .bindMap(params)
                .bind("limit", page.size())
                .bind("offset", page.offset()), page, TicketRows.SUMMARY)).map(TicketRows.SummaryRow::summary);
        return kept ? counted : Page.ofCountedUpTo(COUNTED_UP_TO, counted.items(), counted.total(), page);
    }

    /**
     * A page and its total in one statement, so both come from one snapshot without a transaction
     * around two statements: the total is one row, the page joined to it (none when it is empty),
     * ordered again outside since a join keeps no order.
     */
    private static String withTotal(String totalSql, String pageSql, String pageOrder) {
        return "SELECT total.n AS page_total, page.* FROM (" + totalSql + ") total(n) LEFT JOIN LATERAL ("
                + pageSql + ") page ON true ORDER BY " + pageOrder;
    }

    /** The page's rows mapped by {@code item}, specialized once for the result set; {@code id} is null on the one row of an empty page. */
    private static <T> Page<T> pageWithTotal(Query query, PageRequest page, RowMapper<T> item) {
        record Row<T>(long total, T item) {
        }
        RowMapper<Row<T>> row = new RowMapper<>() {
            @Override
            public Row<T> map(ResultSet rs, StatementContext ctx) throws SQLException {
                return specialize(rs, ctx).map(rs, ctx);
            }

            @Override
            public RowMapper<Row<T>> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
                RowMapper<T> items = item.specialize(rs, ctx);
                return (r, c) -> new Row<>(r.getLong("page_total"), r.getObject("id") == null ? null : items.map(r, c));
            }
        };
        List<Row<T>> rows = query.map(row).list();
        List<T> items = rows.stream().map(Row::item).filter(Objects::nonNull).toList();
        return Page.of(items, rows.isEmpty() ? 0 : rows.get(0).total(), page);
    }

    /**
     * Whether the total can come from {@code ticket_counts} (per status and category, kept by V4's
     * triggers in the writing transaction) instead of counting up to a million index entries.
     */
    private static boolean countsKeptOnWrite(Optional<UUID> authorOnly, TicketFilter filter) {
        return authorOnly.isEmpty() && filter.priority().isEmpty() && filter.assignedTo().isEmpty()
                && !filter.unassignedOnly() && filter.search().isEmpty();
    }

    private static void condition(List<String> conditions, Map<String, Object> params, String sql, String name,
                                  Object value) {
        conditions.add(sql);
        params.put(name, value);
    }

    private static String orderBy(TicketSort sort, String alias) {
        String direction = sort.descending() ? " DESC" : " ASC";
        String t = alias + ".";
        return switch (sort.key()) {
            case CREATED_AT -> t + "created_at" + direction + ", " + t + "id" + direction;
            case UPDATED_AT -> t + "updated_at" + direction + ", " + t + "id" + direction;
            // -priority: most urgent first, newest first among equals; priority: the exact reverse, so
            // both directions walk the one index tickets_priority_rank
            case PRIORITY -> t + "priority_rank" + direction + ", " + t + "created_at" + direction + ", " + t + "id"
                    + direction;
        };
    }

    @Override
    public Optional<TicketDetails> ticket(UUID id) {
        String sql = "SELECT " + TicketRows.COLUMNS + ", " + TicketRows.CATEGORY_COLUMNS + ", "
                + TicketRows.personColumns("u") + ", " + TicketRows.personColumns("a") + TICKET_JOINS
                + " WHERE t.id = :id";
        return transactions.withHandle(handle -> handle.createQuery(sql)
                .bind("id", id)
                .map(TicketRows.DETAILS)
                .map(TicketRows.DetailsRow::details)
                .findOne());
    }

    @Override
    public Page<HistoryEntry> history(UUID ticketId, PageRequest page) {
        String pageSql = "SELECT h.id, h.field, h.old_value, h.new_value, h.actor_id, h.created_at AS at, "
                + TicketRows.personColumns("u") + " FROM ticket_history h LEFT JOIN users u ON u.id = h.actor_id"
                + " WHERE h.ticket_id = :ticket ORDER BY h.id LIMIT :limit OFFSET :offset";
        return transactions.withHandle(handle -> pageWithTotal(handle.createQuery(withTotal(
                        "SELECT count(*) FROM ticket_history WHERE ticket_id = :ticket", pageSql, "page.id"))
                .bind("ticket", ticketId)
                .bind("limit", page.size())
                .bind("offset", page.offset()), page, TicketRows.HISTORY).map(TicketRows.HistoryRow::entry));
    }

    @Override
    public Page<MessageView> messages(UUID ticketId, boolean includeInternal, PageRequest page) {
        String visible = includeInternal ? "" : " AND NOT m.is_internal";
        String pageSql = MESSAGE_SELECT + " WHERE m.ticket_id = :ticket" + visible
                + " ORDER BY m.created_at, m.id LIMIT :limit OFFSET :offset";
        return transactions.withHandle(handle -> {
            Page<MessageView> messages = pageWithTotal(handle.createQuery(withTotal(
                            "SELECT count(*) FROM messages m WHERE m.ticket_id = :ticket" + visible, pageSql,
                            "page.created_at, page.id"))
                    .bind("ticket", ticketId)
                    .bind("limit", page.size())
                    .bind("offset", page.offset()), page, TicketRows.MESSAGE).map(TicketRows.MessageRow::view);
            return Page.of(withAttachments(handle, messages.items()), messages.total(), page);
        });
    }

    @Override
    public Optional<MessageView> message(UUID messageId) {
        return transactions.withHandle(handle -> withAttachments(handle, handle.createQuery(MESSAGE_SELECT
                        + " WHERE m.id = :id")
                .bind("id", messageId)
                .map(TicketRows.MESSAGE)
                .map(TicketRows.MessageRow::view)
                .list()).stream().findFirst());
    }

    /** The page's attachments in one more query, never one per message. */
    private static List<MessageView> withAttachments(Handle handle, List<MessageView> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<UUID, List<Attachment>> byMessage = handle.createQuery("SELECT id, message_id, filename, size, content_type"
                        + " FROM files WHERE message_id = ANY(:messages) ORDER BY created_at, id")
                .bindArray("messages", UUID.class, page.stream().map(view -> view.message().id()).toList())
                .map(TicketRows.ATTACHMENT)
                .collect(Collectors.groupingBy(TicketRows.AttachmentRow::messageId,
                        Collectors.mapping(TicketRows.AttachmentRow::attachment, Collectors.toList())));
        return page.stream()
                .map(view -> new MessageView(view.message(), view.author(),
                        byMessage.getOrDefault(view.message().id(), List.of())))
                .toList();
    }
}
