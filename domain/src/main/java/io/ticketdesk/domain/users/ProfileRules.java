package io.ticketdesk.domain.users;

import io.ticketdesk.domain.InputField;

import io.ticketdesk.domain.FieldProblem;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person may call themselves. Telegram's own limits: names up to 64 characters,
 * usernames 5 to 32 of Latin letters, digits and underscores.
 */
public final class ProfileRules {

    public static final int NAME_MAX_LENGTH = 64;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{5,32}");

    private ProfileRules() {
    }

    public static Optional<FieldProblem> checkFirstName(InputField field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(FieldProblem.of(field, "validation.required"));
        }
        return checkName(field, value);
    }

    public static Optional<FieldProblem> checkOptionalName(InputField field, String value) {
        return value == null ? Optional.empty() : checkName(field, value);
    }

    public static Optional<FieldProblem> checkUsername(InputField field, String value) {
        if (value == null || USERNAME.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(FieldProblem.of(field, "validation.username"));
    }

    private static Optional<FieldProblem> checkName(InputField field, String value) {
        if (value.codePointCount(0, value.length()) > NAME_MAX_LENGTH) {
            return Optional.of(FieldProblem.of(field, "validation.too_long", NAME_MAX_LENGTH));
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of(FieldProblem.of(field, "validation.control_characters"));
        }
        return Optional.empty();
    }
}
