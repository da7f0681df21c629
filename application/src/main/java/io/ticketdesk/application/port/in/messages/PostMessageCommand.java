package io.ticketdesk.application.port.in.messages;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.TicketRules;
import io.ticketdesk.domain.users.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Post a message to a ticket; an internal note when {@code internal}. Content is trimmed.
 * {@code attachments}: ids of files the actor uploaded and has not attached elsewhere, at most 10.
 */
public record PostMessageCommand(User actor, UUID ticketId, String content, boolean internal, List<UUID> attachments) {

    public static final int MAX_ATTACHMENTS = 10;

    public PostMessageCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(ticketId, "ticketId");
        content = content == null ? null : content.strip();
        List<FieldProblem> problems = new ArrayList<>();
        TicketRules.checkText(InputField.CONTENT, content, Message.CONTENT_MAX).ifPresent(problems::add);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (attachments.size() > MAX_ATTACHMENTS) {
            problems.add(FieldProblem.of(InputField.ATTACHMENTS, "validation.too_many", MAX_ATTACHMENTS));
        } else if (new HashSet<>(attachments).size() < attachments.size()) {
            problems.add(FieldProblem.of(InputField.ATTACHMENTS, "validation.duplicates"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
