package io.ticketdesk.application.port.in.messages;

import io.ticketdesk.application.port.in.tickets.PersonRef;
import io.ticketdesk.domain.messages.Message;
import java.util.List;

/** A message with its author and attachments as the conversation shows it. */
public record MessageView(Message message, PersonRef author, List<Attachment> attachments) {

    public MessageView {
        attachments = List.copyOf(attachments);
    }
}
