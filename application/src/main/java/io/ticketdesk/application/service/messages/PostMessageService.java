package io.ticketdesk.application.service.messages;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.application.change.DeskChangeRecorder;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.messages.PostMessageCommand;
import io.ticketdesk.application.port.in.messages.PostMessageUseCase;
import io.ticketdesk.application.port.out.persistence.FileRepository;
import io.ticketdesk.application.port.out.persistence.TicketReadModel;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketUpdate;
import io.ticketdesk.domain.users.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

public record PostMessageService(TicketRepository tickets, FileRepository files, TicketReadModel readModel,
                                 Transactions transactions, DeskChangeRecorder changes, Clock clock)
        implements PostMessageUseCase {

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
            changes.messagePosted(message, update, actor);
            for (UUID fileId : command.attachments()) {
                // only the poster's own uploads, each on one message: anything else undoes the whole post
                if (!files.attach(fileId, actor.id(), message.id())) {
                    throw ValidationException.of(InputField.ATTACHMENTS, "validation.attachment_unavailable", fileId.toString());
                }
            }
            return readModel.message(message.id()).orElseThrow();
        });
    }
}
