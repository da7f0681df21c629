package io.ticketdesk.application.port.in.auth;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.users.ProfileRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A partial profile edit: absent fields stay as they are. Text is trimmed; an empty last name
 * or username clears it, an empty first name is refused.
 */
public record UpdateProfileCommand(UUID userId, FieldUpdate<String> firstName, FieldUpdate<String> lastName,
                                   FieldUpdate<String> username) {

    public UpdateProfileCommand {
        Objects.requireNonNull(userId, "userId");
        firstName = firstName.map(String::strip);
        lastName = lastName.map(String::strip).map(UpdateProfileCommand::emptyToNull);
        username = username.map(String::strip).map(UpdateProfileCommand::withoutAt).map(UpdateProfileCommand::emptyToNull);

        List<FieldProblem> problems = new ArrayList<>();
        if (firstName.isPresent()) {
            ProfileRules.checkFirstName(InputField.FIRST_NAME, firstName.value()).ifPresent(problems::add);
        }
        if (lastName.isPresent()) {
            ProfileRules.checkOptionalName(InputField.LAST_NAME, lastName.value()).ifPresent(problems::add);
        }
        if (username.isPresent()) {
            ProfileRules.checkUsername(InputField.USERNAME, username.value()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static String emptyToNull(String value) {
        return Optional.of(value).filter(v -> !v.isEmpty()).orElse(null);
    }

    private static String withoutAt(String value) {
        return value.startsWith("@") ? value.substring(1) : value;
    }
}
