package io.ticketdesk.application.service.messages;

import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.messages.PostMessageCommand;
import io.ticketdesk.application.port.in.messages.PostMessageUseCase;
import io.ticketdesk.application.port.out.persistence.MessageRepository;
import io.ticketdesk.application.port.out.persistence.TicketReadModel;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketUpdate;
import io.ticketdesk.domain.users.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

public final class PostMessageService implements PostMessageUseCase {

    private final TicketRepository tickets;
    private final MessageRepository messages;
    private final TicketReadModel readModel;
    private final Transactions transactions;
    private final TicketSignalBus signals;
    private final Clock clock;

    public PostMessageService(TicketRepository tickets, MessageRepository messages, TicketReadModel readModel,
                              Transactions transactions, TicketSignalBus signals, Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.readModel = readModel;
        this.transactions = transactions;
        this.signals = signals;
        this.clock = clock;
    }

    @Override
    public MessageView post(PostMessageCommand command) {
        User actor = command.actor().requireActive();
        return transactions.inTransaction(() -> {
            // the lock orders messages and the status moves they cause, one poster at a time per ticket
            Ticket ticket = tickets.findForUpdate(command.ticketId())
                    .orElseThrow(() -> new NotFoundException("ticket.not_found"));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            TicketUpdate update = ticket.onMessagePosted(actor, command.internal(), now);
            Message message = new Message(UUID.randomUUID(), ticket.id(), actor.id(), command.content(),
                    command.internal(), now);
            messages.insert(message);
            tickets.update(update.ticket());
            tickets.appendHistory(ticket.id(), update.changes());
            // delivered on commit, in commit order: the message first, then the moves it caused
            signals.publish(new TicketSignal.MessagePosted(ticket.id(), message.id(), message.internal()));
            TicketSignal.forChanges(ticket.id(), update.changes(), actor).forEach(signals::publish);
            return readModel.message(message.id()).orElseThrow();
        });
    }
}
