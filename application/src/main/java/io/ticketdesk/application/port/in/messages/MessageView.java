package io.ticketdesk.application.port.in.messages;

import io.ticketdesk.application.port.in.tickets.PersonRef;
import io.ticketdesk.domain.messages.Message;

/** A message with its author as the conversation shows it. */
public record MessageView(Message message, PersonRef author) {
}
