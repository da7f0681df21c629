package io.ticketdesk.application.service.statistics;

import io.ticketdesk.application.port.in.statistics.Dashboard;
import io.ticketdesk.application.port.in.statistics.DashboardQuery;
import io.ticketdesk.application.port.in.statistics.TicketStatistics;
import io.ticketdesk.application.port.in.statistics.TicketStatisticsQuery;
import io.ticketdesk.application.port.in.statistics.TicketStatisticsRequest;
import io.ticketdesk.application.port.out.persistence.StatisticsReadModel;
import io.ticketdesk.domain.statistics.StatisticsPeriod;
import io.ticketdesk.domain.statistics.StatisticsPolicy;
import io.ticketdesk.domain.users.User;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The two statistics queries: staff only; days are UTC days of the injected clock. */
public record StatisticsService(StatisticsReadModel readModel, Clock clock)
        implements DashboardQuery, TicketStatisticsQuery {

    @Override
    public Dashboard dashboard(User actor) {
        actor.requireActive();
        StatisticsPolicy.requireMayView(actor);
        return readModel.dashboard();
    }

    @Override
    public TicketStatistics report(User actor, TicketStatisticsRequest request) {
        actor.requireActive();
        StatisticsPolicy.requireMayView(actor);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return readModel.tickets(StatisticsPeriod.resolve(request.from(), request.to(), today), request.categoryId());
    }
}
