package io.ticketdesk.adapters.persistence.statistics;

import io.ticketdesk.adapters.persistence.ColumnMatchingCache;
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
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Every figure is computed by PostgreSQL. Counts, sums and means come from the counters that V4's
 * triggers keep on write ({@code ticket_counts} for all time, {@code ticket_day_counts} and
 * {@code ticket_resolved_days} per UTC day, {@code user_ticket_stats} per person), so a report
 * adds up at most a few thousand counter rows however many tickets there are. Medians are
 * {@code percentile_cont(0.5)} over an index-only scan of the period's tickets; the all-time median
 * reads the ordered index on the response time up to its middle instead (the same value: the
 * mean of the middle one or two). Times are kept in microseconds; hours are rounded half up to
 * one decimal by {@code round(numeric, 1)}. Only the percentages are derived here, from the counts.
 * Each report reads one snapshot (REPEATABLE READ), so its parts always add up.
 */
public final class JdbiStatisticsReadModel implements StatisticsReadModel {

    private static final String MICROS_PER_HOUR = "3600000000";

    private final JdbiTransactions transactions;

    public JdbiStatisticsReadModel(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    private static String meanHours(String micros, String count) {
        return "round(" + micros + " / nullif(" + count + ", 0) / " + MICROS_PER_HOUR + ", 1)";
    }

    private static String medianHours(String micros) {
        return "round((percentile_cont(0.5) WITHIN GROUP (ORDER BY " + micros + "))::numeric / " + MICROS_PER_HOUR
                + ", 1)";
    }

    private static <E extends Enum<E>> String sumsBy(String column, Class<E> type) {
        StringBuilder sql = new StringBuilder();
        for (E value : type.getEnumConstants()) {
            sql.append("coalesce(sum(d.tickets) FILTER (WHERE d.").append(column).append(" = '").append(value.name())
                    .append("'), 0) AS ").append(column).append('_').append(value.name()).append(", ");
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

    @Override
    public Dashboard dashboard() {
        return transactions.withSnapshot(handle -> {
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
                                                     sum(response_micros) AS micros
                                              FROM user_ticket_stats)
                            SELECT (SELECT %s FROM answered) AS average,
                                   round(avg(middle.response_micros) / %s, 1) AS median
                            FROM (SELECT t.response_micros FROM tickets t
                                  WHERE t.response_micros IS NOT NULL
                                  ORDER BY t.response_micros
                                  OFFSET (SELECT greatest(n - 1, 0) / 2 FROM answered)
                                  LIMIT (SELECT 2 - n %% 2 FROM answered)) middle"""
                            .formatted(meanHours("micros", "n"), MICROS_PER_HOUR))
                    .map((rs, ctx) -> new Hours(rs.getBigDecimal("average"), rs.getBigDecimal("median")))
                    .one();
            List<CategoryShare> categories = categoryShares(handle.createQuery("""
                            SELECT c.id, c.name, sum(k.tickets) AS count
                            FROM ticket_counts k JOIN categories c ON c.id = k.category_id
                            GROUP BY c.id, c.name HAVING sum(k.tickets) > 0""")
                    .map(CATEGORY_COUNT)
                    .list());
            List<HelperFigures> helpers = handle.createQuery("""
                            SELECT u.id, u.telegram_id, u.first_name, u.username, u.role,
                                   coalesce(s.tickets_handled, 0) AS tickets_handled, %s AS response_avg
                            FROM users u LEFT JOIN user_ticket_stats s ON s.user_id = u.id
                            WHERE u.role <> 'USER' AND u.is_active
                            ORDER BY tickets_handled DESC, lower(u.first_name), u.id"""
                            .formatted(meanHours("s.response_micros", "s.first_responses")))
                    .map(HELPER)
                    .map(row -> new HelperFigures(row.user(), row.ticketsHandled(), row.responseAvg()))
                    .list();
            return new Dashboard(total, byStatus, response, categories, helpers);
        });
    }

    @Override
    public TicketStatistics tickets(StatisticsPeriod period, Optional<UUID> categoryId) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", period.from());
        params.put("to", period.to());
        params.put("start", period.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        params.put("end", period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        params.put("days", (int) period.days());
        String category = "";
        if (categoryId.isPresent()) {
            category = " AND category_id = :category";
            params.put("category", categoryId.get());
        }
        String days = " WHERE d.day >= :from AND d.day <= :to" + category.replace("category_id", "d.category_id");
        String created = " WHERE t.created_at >= :start AND t.created_at < :end" + category.replace("category_id",
                "t.category_id");
        return transactions.withSnapshot(handle -> {
            record Totals(long total, Map<TicketStatus, Long> byStatus, Map<TicketPriority, Long> byPriority,
                          java.math.BigDecimal responseAverage, java.math.BigDecimal resolutionAverage) {
            }
            Totals totals = handle.createQuery("SELECT coalesce(sum(d.tickets), 0) AS total, "
                            + sumsBy("status", TicketStatus.class) + sumsBy("priority", TicketPriority.class)
                            + meanHours("sum(d.response_micros)", "sum(d.responses)") + " AS response_avg, "
                            + meanHours("sum(d.resolution_micros)", "sum(d.resolutions)") + " AS resolution_avg"
                            + " FROM ticket_day_counts d" + days)
                    .bindMap(params)
                    .map((rs, ctx) -> new Totals(rs.getLong("total"), counts(rs, "status", TicketStatus.class),
                            counts(rs, "priority", TicketPriority.class), rs.getBigDecimal("response_avg"),
                            rs.getBigDecimal("resolution_avg")))
                    .one();
            record Medians(java.math.BigDecimal response, java.math.BigDecimal resolution) {
            }
            Medians medians = handle.createQuery("SELECT " + medianHours("t.response_micros") + " AS response, "
                            + medianHours("t.resolution_micros") + " AS resolution FROM tickets t" + created)
                    .bindMap(params)
                    .map((rs, ctx) -> new Medians(rs.getBigDecimal("response"), rs.getBigDecimal("resolution")))
                    .one();
            List<CategoryShare> byCategory = categoryShares(handle.createQuery(
                            "SELECT c.id, c.name, sum(d.tickets) AS count FROM ticket_day_counts d"
                                    + " JOIN categories c ON c.id = d.category_id" + days
                                    + " GROUP BY c.id, c.name HAVING sum(d.tickets) > 0")
                    .bindMap(params)
                    .map(CATEGORY_COUNT)
                    .list());
            List<DayCount> createdPerDay = perDay(handle, params, "ticket_day_counts", days);
            List<DayCount> resolvedPerDay = perDay(handle, params, "ticket_resolved_days", days);
            return new TicketStatistics(period.from(), period.to(), totals.total(), totals.byStatus(),
                    totals.byPriority(), byCategory, createdPerDay, resolvedPerDay,
                    new Hours(totals.responseAverage(), medians.response()),
                    new Hours(totals.resolutionAverage(), medians.resolution()));
        });
    }

    /** Every day of the period, zeros included: the days are generated, the day counters joined to them. */
    private static List<DayCount> perDay(Handle handle, Map<String, Object> params, String table, String where) {
        return handle.createQuery("SELECT g.day, coalesce(n.count, 0) AS count"
                        + " FROM (SELECT CAST(:from AS date) + i AS day FROM generate_series(0, :days - 1) i) g"
                        + " LEFT JOIN (SELECT d.day, sum(d.tickets) AS count FROM " + table + " d" + where
                        + " GROUP BY d.day) n ON n.day = g.day ORDER BY g.day")
                .bindMap(params)
                .map((rs, ctx) -> new DayCount(rs.getObject("day", LocalDate.class), rs.getLong("count")))
                .list();
    }

    record CategoryCount(UUID id, String name, long count) {
    }

    /** A staff member beside their figures on the dashboard. */
    record HelperRow(@Nested PersonRef user, long ticketsHandled, java.math.BigDecimal responseAvg) {
    }

    private static final RowMapper<CategoryCount> CATEGORY_COUNT = ColumnMatchingCache.of(CategoryCount.class);
    private static final RowMapper<HelperRow> HELPER = ColumnMatchingCache.of(HelperRow.class);

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
