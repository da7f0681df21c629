package io.ticketdesk.application.service.tickets;

import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.tickets.GetTicketQuery;
import io.ticketdesk.application.port.in.tickets.HistoryEntry;
import io.ticketdesk.application.port.in.tickets.ListTicketsQuery;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.TicketFilter;
import io.ticketdesk.application.port.in.tickets.TicketHistoryQuery;
import io.ticketdesk.application.port.in.tickets.TicketSort;
import io.ticketdesk.application.port.in.tickets.TicketSummary;
import io.ticketdesk.application.port.out.persistence.TicketReadModel;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.tickets.TicketPolicy;
import io.ticketdesk.domain.users.User;
import java.util.Optional;
import java.util.UUID;

/** The read-only ticket use cases: they share the visibility rule and the read model. */
public record TicketQueriesService(TicketRepository tickets, TicketReadModel readModel)
        implements ListTicketsQuery, GetTicketQuery, TicketHistoryQuery {

    @Override
    public Page<TicketSummary> list(User actor, TicketFilter filter, TicketSort sort, PageRequest page) {
        actor.requireActive();
        Optional<UUID> authorOnly = actor.isStaff() ? Optional.empty() : Optional.of(actor.id());
        return readModel.tickets(authorOnly, actor.isStaff(), filter, sort, page);
    }

    @Override
    public TicketDetails get(User actor, UUID ticketId) {
        actor.requireActive();
        TicketDetails details = readModel.ticket(ticketId).orElseThrow(() -> new NotFoundException("ticket.not_found"));
        TicketPolicy.requireVisible(actor, details.ticket());
        return details;
    }

    @Override
    public Page<HistoryEntry> history(User actor, UUID ticketId, PageRequest page) {
        actor.requireActive();
        TicketPolicy.requireVisible(actor,
                tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("ticket.not_found")));
        return readModel.history(ticketId, page);
    }
}
