package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.application.port.in.statistics.Dashboard;
import io.ticketdesk.application.port.in.statistics.TicketStatistics;
import io.ticketdesk.domain.statistics.StatisticsPeriod;
import java.util.Optional;
import java.util.UUID;

/** Aggregates computed by the database, never by loading tickets. */
public interface StatisticsReadModel {

    Dashboard dashboard();

    TicketStatistics tickets(StatisticsPeriod period, Optional<UUID> categoryId);
}
