package io.ticketdesk.application.service.messages;

import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.messages.ListMessagesQuery;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.out.persistence.TicketReadModel;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.tickets.TicketPolicy;
import io.ticketdesk.domain.users.User;
import java.util.UUID;

public record ListMessagesService(TicketRepository tickets, TicketReadModel readModel) implements ListMessagesQuery {

    @Override
    public Page<MessageView> list(User actor, UUID ticketId, PageRequest page) {
        actor.requireActive();
        TicketPolicy.requireVisible(actor,
                tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("ticket.not_found")));
        return readModel.messages(ticketId, actor.isStaff(), page);
    }
}
