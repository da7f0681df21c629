package io.ticketdesk.application.port.in.users;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.users.User;
import java.util.Objects;
import java.util.UUID;

/** Blocks ({@code active=false}) or unblocks a person. */
public record ChangeUserStatusCommand(User actor, UUID userId, Boolean active) {

    public ChangeUserStatusCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(userId, "userId");
        if (active == null) {
            throw ValidationException.of(InputField.ACTIVE, "validation.required");
        }
    }
}
