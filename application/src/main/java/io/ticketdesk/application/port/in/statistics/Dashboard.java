package io.ticketdesk.application.port.in.statistics;

import io.ticketdesk.domain.tickets.TicketStatus;
import java.util.List;
import java.util.Map;

/** The staff dashboard over all tickets: counts per status, response times, categories, staff. */
public record Dashboard(long total, Map<TicketStatus, Long> byStatus, Hours responseTime,
                        List<CategoryShare> categories, List<HelperFigures> helpers) {

    public Dashboard {
        byStatus = Map.copyOf(byStatus);
        categories = List.copyOf(categories);
        helpers = List.copyOf(helpers);
    }
}
