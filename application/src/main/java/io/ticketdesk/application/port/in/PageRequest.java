package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** Which page of a list to show: {@code page} from 1, {@code size} from 1 to 100 (SPEC §1). */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 1 || page > MAX_PAGE) {
            problems.add(FieldProblem.of(InputField.PAGE, "validation.range", 1, MAX_PAGE));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(FieldProblem.of(InputField.SIZE, "validation.range", 1, MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
