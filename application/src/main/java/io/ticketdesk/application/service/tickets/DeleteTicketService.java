package io.ticketdesk.application.service.tickets;

import io.ticketdesk.application.port.in.tickets.DeleteTicketUseCase;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPolicy;
import io.ticketdesk.domain.users.User;
import java.util.UUID;

public final class DeleteTicketService implements DeleteTicketUseCase {

    private final TicketRepository tickets;
    private final Transactions transactions;
    private final TicketSignalBus signals;

    public DeleteTicketService(TicketRepository tickets, Transactions transactions, TicketSignalBus signals) {
        this.tickets = tickets;
        this.transactions = transactions;
        this.signals = signals;
    }

    @Override
    public void delete(User actor, UUID ticketId) {
        transactions.inTransaction(() -> {
            Ticket ticket = tickets.findForUpdate(ticketId).orElseThrow(() -> new NotFoundException("ticket.not_found"));
            TicketPolicy.requireMayDelete(actor, ticket);
            tickets.delete(ticketId);
            signals.publish(new TicketSignal.TicketDeleted(ticketId));
            return null;
        });
    }
}
