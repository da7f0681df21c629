package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketRules;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A partial ticket edit: absent fields stay. {@code assignedTo} set to null unassigns.
 * {@code expectedVersion}, when present, makes the edit fail with 409 if someone changed the
 * ticket since the caller read it.
 */
public record UpdateTicketCommand(User actor, UUID ticketId, FieldUpdate<String> title,
                                  FieldUpdate<String> description, FieldUpdate<TicketStatus> status,
                                  FieldUpdate<TicketPriority> priority, FieldUpdate<UUID> assignedTo,
                                  OptionalLong expectedVersion) {

    public UpdateTicketCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(ticketId, "ticketId");
        title = title.map(String::strip);
        description = description.map(String::strip);
        List<FieldProblem> problems = new ArrayList<>();
        if (title.isPresent()) {
            TicketRules.checkLine(InputField.TITLE, title.value(), TicketRules.TITLE_MAX).ifPresent(problems::add);
        }
        if (description.isPresent()) {
            TicketRules.checkText(InputField.DESCRIPTION, description.value(), TicketRules.TEXT_MAX).ifPresent(problems::add);
        }
        if (status.isPresent() && status.value() == null) {
            problems.add(FieldProblem.of(InputField.STATUS, "validation.required"));
        }
        if (priority.isPresent() && priority.value() == null) {
            problems.add(FieldProblem.of(InputField.PRIORITY, "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
