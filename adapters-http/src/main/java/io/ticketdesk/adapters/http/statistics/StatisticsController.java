package io.ticketdesk.adapters.http.statistics;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

import io.javalin.http.Context;
import io.ticketdesk.adapters.http.ApiRoutes;
import io.ticketdesk.adapters.http.auth.CallerAuthentication;
import io.ticketdesk.adapters.http.json.QueryParameters;
import io.ticketdesk.application.port.in.statistics.CategoryShare;
import io.ticketdesk.application.port.in.statistics.Dashboard;
import io.ticketdesk.application.port.in.statistics.DashboardQuery;
import io.ticketdesk.application.port.in.statistics.DayCount;
import io.ticketdesk.application.port.in.statistics.HelperFigures;
import io.ticketdesk.application.port.in.statistics.Hours;
import io.ticketdesk.application.port.in.statistics.TicketStatistics;
import io.ticketdesk.application.port.in.statistics.TicketStatisticsQuery;
import io.ticketdesk.application.port.in.statistics.TicketStatisticsRequest;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /statistics}: the staff dashboard and the ticket report over a period. */
public final class StatisticsController implements ApiRoutes {

    private final DashboardQuery dashboard;
    private final TicketStatisticsQuery report;

    public StatisticsController(DashboardQuery dashboard, TicketStatisticsQuery report) {
        this.dashboard = dashboard;
        this.report = report;
    }

    @Override
    public void addEndpoints() {
        path("/statistics", () -> {
            get("/dashboard", this::dashboard);
            get("/tickets", this::tickets);
        });
    }

    private void dashboard(Context ctx) {
        ctx.json(DashboardBody.from(dashboard.dashboard(CallerAuthentication.caller(ctx))));
    }

    private void tickets(Context ctx) {
        QueryParameters query = QueryParameters.of(ctx);
        Optional<LocalDate> from = query.date("from_date");
        Optional<LocalDate> to = query.date("to_date");
        Optional<UUID> category = query.uuid("category_id");
        TicketStatisticsRequest request = query.toQuery(() -> new TicketStatisticsRequest(from, to, category));
        ctx.json(ReportBody.from(report.report(CallerAuthentication.caller(ctx), request)));
    }

    record HoursBody(BigDecimal averageHours, BigDecimal medianHours) {
        static HoursBody from(Hours hours) {
            return new HoursBody(hours.average(), hours.median());
        }
    }

    record CategoryBody(UUID id, String name, long count, int percentage) {
        static List<CategoryBody> from(List<CategoryShare> shares) {
            return shares.stream().map(s -> new CategoryBody(s.id(), s.name(), s.count(), s.percentage())).toList();
        }
    }

    /** The seed's {@code tickets} object plus {@code waiting_response}. */
    record TicketCounts(long total, long open, long inProgress, long waitingResponse, long resolved, long closed) {
    }

    /** The seed shows {@code {first_name, role}}; {@code id} and {@code username} make the person findable. */
    record HelperUser(UUID id, String firstName, String username, String role) {
    }

    record HelperBody(HelperUser user, long ticketsHandled, BigDecimal avgResponseTime) {
        static HelperBody from(HelperFigures h) {
            return new HelperBody(new HelperUser(h.user().id(), h.user().firstName(), h.user().username(),
                    h.user().role().name()), h.ticketsHandled(), h.averageResponseHours());
        }
    }

    record DashboardBody(TicketCounts tickets, HoursBody responseTime, List<CategoryBody> categories,
                         List<HelperBody> helpers) {
        static DashboardBody from(Dashboard d) {
            Map<TicketStatus, Long> s = d.byStatus();
            return new DashboardBody(new TicketCounts(d.total(), s.get(TicketStatus.OPEN),
                    s.get(TicketStatus.IN_PROGRESS), s.get(TicketStatus.WAITING_RESPONSE), s.get(TicketStatus.RESOLVED),
                    s.get(TicketStatus.CLOSED)), HoursBody.from(d.responseTime()), CategoryBody.from(d.categories()),
                    d.helpers().stream().map(HelperBody::from).toList());
        }
    }

    record DayBody(LocalDate date, long count) {
        static List<DayBody> from(List<DayCount> days) {
            return days.stream().map(d -> new DayBody(d.date(), d.count())).toList();
        }
    }

    record ReportBody(LocalDate fromDate, LocalDate toDate, long total, Map<String, Long> byStatus,
                      Map<String, Long> byPriority, List<CategoryBody> byCategory, List<DayBody> createdPerDay,
                      List<DayBody> resolvedPerDay, HoursBody responseTime, HoursBody resolutionTime) {
        static ReportBody from(TicketStatistics r) {
            return new ReportBody(r.from(), r.to(), r.total(), inOrder(r.byStatus(), TicketStatus.class),
                    inOrder(r.byPriority(), TicketPriority.class), CategoryBody.from(r.byCategory()),
                    DayBody.from(r.createdPerDay()), DayBody.from(r.resolvedPerDay()), HoursBody.from(r.responseTime()),
                    HoursBody.from(r.resolutionTime()));
        }
    }

    /** Every value of the enum, in its declared order (the lifecycle's, LOW to CRITICAL), zeros included. */
    private static <E extends Enum<E>> Map<String, Long> inOrder(Map<E, Long> counts, Class<E> type) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (E value : type.getEnumConstants()) {
            ordered.put(value.name(), counts.getOrDefault(value, 0L));
        }
        return ordered;
    }
}
