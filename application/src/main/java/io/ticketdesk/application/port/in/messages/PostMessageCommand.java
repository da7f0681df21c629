package io.ticketdesk.application.port.in.messages;

import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.TicketRules;
import io.ticketdesk.domain.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Post a message to a ticket; an internal note when {@code internal}. Content is trimmed. */
public record PostMessageCommand(User actor, UUID ticketId, String content, boolean internal) {

    public PostMessageCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(ticketId, "ticketId");
        content = content == null ? null : content.strip();
        List<FieldProblem> problems = new ArrayList<>();
        TicketRules.checkText("content", content, Message.CONTENT_MAX).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
