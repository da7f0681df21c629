package io.ticketdesk.application.port.in.users;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.util.Objects;
import java.util.UUID;

public record ChangeRoleCommand(User actor, UUID userId, Role role) {

    public ChangeRoleCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(userId, "userId");
        if (role == null) {
            throw ValidationException.of(InputField.ROLE, "validation.required");
        }
    }
}
