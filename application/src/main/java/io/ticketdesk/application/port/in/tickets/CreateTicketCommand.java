package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketRules;
import io.ticketdesk.domain.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Open a ticket. {@code priority} null means NORMAL. Title and description are trimmed. */
public record CreateTicketCommand(User actor, String title, String description, UUID categoryId,
                                  TicketPriority priority) {

    public CreateTicketCommand {
        Objects.requireNonNull(actor, "actor");
        title = title == null ? null : title.strip();
        description = description == null ? null : description.strip();
        priority = priority == null ? TicketPriority.NORMAL : priority;
        List<FieldProblem> problems = new ArrayList<>();
        TicketRules.checkLine(InputField.TITLE, title, TicketRules.TITLE_MAX).ifPresent(problems::add);
        TicketRules.checkText(InputField.DESCRIPTION, description, TicketRules.TEXT_MAX).ifPresent(problems::add);
        if (categoryId == null) {
            problems.add(FieldProblem.of(InputField.CATEGORY, "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
