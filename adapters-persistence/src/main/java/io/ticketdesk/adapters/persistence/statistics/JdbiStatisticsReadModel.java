package io.ticketdesk.adapters.persistence.statistics;

import io.ticketdesk.adapters.persistence.Columns;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.in.statistics.CategoryShare;
import io.ticketdesk.application.port.in.statistics.Dashboard;
import io.ticketdesk.application.port.in.statistics.DayCount;
import io.ticketdesk.application.port.in.statistics.HelperFigures;
import io.ticketdesk.application.port.in.statistics.Hours;
import io.ticketdesk.application.port.in.statistics.TicketStatistics;
import io.ticketdesk.application.port.in.tickets.PersonRef;
import io.ticketdesk.application.port.out.persistence.StatisticsReadModel;
import io.ticketdesk.domain.statistics.Percentages;
import io.ticketdesk.domain.statistics.StatisticsPeriod;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Every figure is computed by PostgreSQL: in a report's period, counts with {@code FILTER},
 * averages with {@code avg}, medians with {@code percentile_cont(0.5)}; hours rounded half up to
 * one decimal with {@code round(numeric, 1)}. Only the percentages are derived here, from the counts.
 * Each report reads one snapshot (REPEATABLE READ), so its parts always add up.
 */
public final class JdbiStatisticsReadModel implements StatisticsReadModel {

    private static final String RESPONSE = "t.response_seconds";
    private static final String RESOLUTION = "extract(epoch FROM t.resolved_at - t.created_at)";

    private final JdbiTransactions transactions;

    public JdbiStatisticsReadModel(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    private static String hours(String seconds, String name) {
        return "round(avg(" + seconds + ") / 3600, 1) AS " + name + "_avg, "
                + "round((percentile_cont(0.5) WITHIN GROUP (ORDER BY " + seconds + "))::numeric / 3600, 1) AS "
                + name + "_median";
    }

    private static Hours hours(ResultSet rs, String name) throws SQLException {
        return new Hours(rs.getBigDecimal(name + "_avg"), rs.getBigDecimal(name + "_median"));
    }

    private static <E extends Enum<E>> String countsBy(String column, Class<E> type) {
        StringBuilder sql = new StringBuilder();
        for (E value : type.getEnumConstants()) {
            sql.append("count(*) FILTER (WHERE t.").append(column).append(" = '").append(value.name())
                    .append("') AS ").append(column).append('_').append(value.name()).append(", ");
        }
        return sql.toString();
    }

    private static <E extends Enum<E>> Map<E, Long> counts(ResultSet rs, String column, Class<E> type)
            throws SQLException {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, rs.getLong(column + "_" + value.name()));
        }
        return counts;
    }

    private <T> T snapshot(java.util.function.Function<Handle, T> work) {
        return transactions.withHandle(handle -> handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                work::apply));
    }

    /**
     * All-time figures come from the counters kept on write (V4: {@code ticket_counts},
     * {@code user_ticket_stats}); the all-time median from the ordered index on the response
     * time, reading only up to its middle: the mean of the middle one or two values, which is what
     * {@code percentile_cont(0.5)} gives, without sorting a million tickets.
     */
    @Override
    public Dashboard dashboard() {
        return snapshot(handle -> {
            Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
            for (TicketStatus status : TicketStatus.values()) {
                byStatus.put(status, 0L);
            }
            handle.createQuery("SELECT status, sum(tickets) AS tickets FROM ticket_counts GROUP BY status")
                    .map((rs, ctx) -> byStatus.put(TicketStatus.valueOf(rs.getString("status")), rs.getLong("tickets")))
                    .list();
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            Hours response = handle.createQuery("""
                            WITH answered AS (SELECT coalesce(sum(first_responses), 0)::bigint AS n,
                                                     sum(first_response_seconds) AS seconds
                                              FROM user_ticket_stats)
                            SELECT round((SELECT seconds / nullif(n, 0) FROM answered) / 3600, 1) AS response_avg,
                                   round(avg(middle.response_seconds) / 3600, 1) AS response_median
                            FROM (SELECT t.response_seconds FROM tickets t
                                  WHERE t.response_seconds IS NOT NULL
                                  ORDER BY t.response_seconds
                                  OFFSET (SELECT greatest(n - 1, 0) / 2 FROM answered)
                                  LIMIT (SELECT 2 - n % 2 FROM answered)) middle""")
                    .map((rs, ctx) -> hours(rs, "response"))
                    .one();
            List<CategoryShare> categories = categoryShares(handle.createQuery("""
                            SELECT c.id, c.name, sum(k.tickets) AS count
                            FROM ticket_counts k JOIN categories c ON c.id = k.category_id
                            GROUP BY c.id, c.name HAVING sum(k.tickets) > 0""")
                    .map(JdbiStatisticsReadModel::categoryCount)
                    .list());
            List<HelperFigures> helpers = handle.createQuery("""
                            SELECT u.id, u.telegram_id, u.first_name, u.username, u.role,
                                   coalesce(s.tickets_handled, 0) AS tickets_handled,
                                   round(s.first_response_seconds / nullif(s.first_responses, 0) / 3600, 1)
                                       AS response_avg
                            FROM users u LEFT JOIN user_ticket_stats s ON s.user_id = u.id
                            WHERE u.role <> 'USER' AND u.is_active
                            ORDER BY tickets_handled DESC, lower(u.first_name), u.id""")
                    .map((rs, ctx) -> new HelperFigures(new PersonRef(Columns.uuid(rs, "id"), rs.getLong("telegram_id"),
                            rs.getString("first_name"), rs.getString("username"), Role.valueOf(rs.getString("role"))),
                            rs.getLong("tickets_handled"), rs.getBigDecimal("response_avg")))
                    .list();
            return new Dashboard(total, byStatus, response, categories, helpers);
        });
    }

    @Override
    public TicketStatistics tickets(StatisticsPeriod period, Optional<UUID> categoryId) {
        Map<String, Object> params = new HashMap<>();
        params.put("start", Columns.utc(period.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        params.put("end", Columns.utc(period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        params.put("from", period.from());
        params.put("days", (int) period.days());
        String category = "";
        if (categoryId.isPresent()) {
            category = " AND t.category_id = :category";
            params.put("category", categoryId.get());
        }
        String created = " FROM tickets t WHERE t.created_at >= :start AND t.created_at < :end" + category;
        String resolved = " FROM tickets t WHERE t.resolved_at >= :start AND t.resolved_at < :end" + category;
        String finalCategory = category;
        return snapshot(handle -> {
            record Totals(long total, Map<TicketStatus, Long> byStatus, Map<TicketPriority, Long> byPriority,
                          Hours response, Hours resolution) {
            }
            Totals totals = handle.createQuery("SELECT count(*) AS total, " + countsBy("status", TicketStatus.class)
                            + countsBy("priority", TicketPriority.class) + hours(RESPONSE, "response") + ", "
                            + hours(RESOLUTION, "resolution") + created)
                    .bindMap(params)
                    .map((rs, ctx) -> new Totals(rs.getLong("total"), counts(rs, "status", TicketStatus.class),
                            counts(rs, "priority", TicketPriority.class), hours(rs, "response"),
                            hours(rs, "resolution")))
                    .one();
            List<CategoryShare> byCategory = categoryShares(handle.createQuery(
                            "SELECT c.id, c.name, count(*) AS count FROM tickets t JOIN categories c ON c.id = t.category_id"
                                    + " WHERE t.created_at >= :start AND t.created_at < :end" + finalCategory
                                    + " GROUP BY c.id, c.name")
                    .bindMap(params)
                    .map(JdbiStatisticsReadModel::categoryCount)
                    .list());
            List<DayCount> createdPerDay = perDay(handle, params, "t.created_at", created);
            List<DayCount> resolvedPerDay = perDay(handle, params, "t.resolved_at", resolved);
            return new TicketStatistics(period.from(), period.to(), totals.total(), totals.byStatus(),
                    totals.byPriority(), byCategory, createdPerDay, resolvedPerDay, totals.response(),
                    totals.resolution());
        });
    }

    /** Every day of the period, zeros included: the days are generated, the counts joined to them. */
    private static List<DayCount> perDay(Handle handle, Map<String, Object> params, String column, String from) {
        return handle.createQuery("SELECT d.day, coalesce(n.count, 0) AS count"
                        + " FROM (SELECT CAST(:from AS date) + i AS day FROM generate_series(0, :days - 1) i) d"
                        + " LEFT JOIN (SELECT (" + column + " AT TIME ZONE 'UTC')::date AS day, count(*) AS count" + from
                        + " GROUP BY 1) n ON n.day = d.day ORDER BY d.day")
                .bindMap(params)
                .map((rs, ctx) -> new DayCount(rs.getObject("day", LocalDate.class), rs.getLong("count")))
                .list();
    }

    private record CategoryCount(UUID id, String name, long count) {
    }

    private static CategoryCount categoryCount(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        return new CategoryCount(Columns.uuid(rs, "id"), rs.getString("name"), rs.getLong("count"));
    }

    /** Most tickets first, then by name; percentages of their sum by the largest-remainder rule. */
    private static List<CategoryShare> categoryShares(List<CategoryCount> counts) {
        List<CategoryCount> sorted = new ArrayList<>(counts);
        sorted.sort(java.util.Comparator.comparingLong(CategoryCount::count).reversed()
                .thenComparing(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(CategoryCount::id));
        List<Integer> percentages = Percentages.of(sorted.stream().map(CategoryCount::count).toList());
        List<CategoryShare> shares = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            CategoryCount c = sorted.get(i);
            shares.add(new CategoryShare(c.id(), c.name(), c.count(), percentages.get(i)));
        }
        return shares;
    }
}
