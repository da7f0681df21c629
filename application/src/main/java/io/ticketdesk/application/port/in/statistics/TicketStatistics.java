package io.ticketdesk.application.port.in.statistics;

import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report on the tickets created in a period (UTC days, both ends included): counts, shares,
 * response and resolution times of those tickets; {@code resolvedPerDay} counts the tickets whose
 * {@code resolved_at} falls on each day. Every day of the period is listed, zeros included.
 */
public record TicketStatistics(LocalDate from, LocalDate to, long total, Map<TicketStatus, Long> byStatus,
                               Map<TicketPriority, Long> byPriority, List<CategoryShare> byCategory,
                               List<DayCount> createdPerDay, List<DayCount> resolvedPerDay, Hours responseTime,
                               Hours resolutionTime) {

    public TicketStatistics {
        byStatus = Map.copyOf(byStatus);
        byPriority = Map.copyOf(byPriority);
        byCategory = List.copyOf(byCategory);
        createdPerDay = List.copyOf(createdPerDay);
        resolvedPerDay = List.copyOf(resolvedPerDay);
    }
}
