package io.ticketdesk.application.port.in.statistics;

import io.ticketdesk.domain.users.User;

/** A ticket report over a period of days (staff only). */
public interface TicketStatisticsQuery {

    TicketStatistics report(User actor, TicketStatisticsRequest request);
}
