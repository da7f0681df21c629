package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.domain.users.User;

/** The tickets the actor may see (staff: all; customers: their own), filtered, sorted and paged. */
public interface ListTicketsQuery {

    Page<TicketSummary> list(User actor, TicketFilter filter, TicketSort sort, PageRequest page);
}
