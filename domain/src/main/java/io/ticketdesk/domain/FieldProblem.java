package io.ticketdesk.domain;

import java.util.List;

/**
 * One thing wrong with one field of a request: {@code code} names the rule that failed
 * (a message key such as {@code validation.required}), {@code args} fill its message.
 */
public record FieldProblem(InputField field, String code, List<Object> args) {

    public FieldProblem {
        args = List.copyOf(args);
    }

    public static FieldProblem of(InputField field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}
