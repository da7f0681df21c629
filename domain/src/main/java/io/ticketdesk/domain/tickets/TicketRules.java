package io.ticketdesk.domain.tickets;

import io.ticketdesk.domain.InputField;

import io.ticketdesk.domain.FieldProblem;
import java.util.Optional;

/** Field rules for what people write: lengths in characters (code points), no stray control characters. */
public final class TicketRules {

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 10_000;

    private TicketRules() {
    }

    /** A one-line text: required, at most {@code max} characters, no control characters at all. */
    public static Optional<FieldProblem> checkLine(InputField field, String value, int max) {
        return checkRequired(field, value, max, false);
    }

    /** A multi-line text: required, at most {@code max} characters; tabs and line breaks allowed. */
    public static Optional<FieldProblem> checkText(InputField field, String value, int max) {
        return checkRequired(field, value, max, true);
    }

    private static Optional<FieldProblem> checkRequired(InputField field, String value, int max, boolean multiline) {
        if (value == null || value.isBlank()) {
            return Optional.of(FieldProblem.of(field, "validation.required"));
        }
        if (value.codePointCount(0, value.length()) > max) {
            return Optional.of(FieldProblem.of(field, "validation.too_long", max));
        }
        boolean badControl = value.codePoints().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        return badControl ? Optional.of(FieldProblem.of(field, "validation.control_characters")) : Optional.empty();
    }
}
