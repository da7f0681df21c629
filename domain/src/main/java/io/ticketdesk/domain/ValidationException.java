package io.ticketdesk.domain;

import java.util.List;

/** Input that breaks a field rule; carries every problem found, not just the first. */
public final class ValidationException extends DomainException {

    private final List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super("validation.failed");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static ValidationException of(InputField field, String code, Object... args) {
        return new ValidationException(List.of(FieldProblem.of(field, code, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return "invalid input: " + problems;
    }
}
