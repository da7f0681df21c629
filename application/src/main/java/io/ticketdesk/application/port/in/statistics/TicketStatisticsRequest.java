package io.ticketdesk.application.port.in.statistics;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The report asked for; missing dates are filled by {@link io.ticketdesk.domain.statistics.StatisticsPeriod}. */
public record TicketStatisticsRequest(Optional<LocalDate> from, Optional<LocalDate> to, Optional<UUID> categoryId) {
}
