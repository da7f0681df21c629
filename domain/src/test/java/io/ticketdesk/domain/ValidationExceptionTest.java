package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void carriesEveryProblemInOrder() {
        ValidationException e = new ValidationException(List.of(FieldProblem.of(InputField.TITLE, "validation.required"),
                FieldProblem.of(InputField.DESCRIPTION, "validation.too_long", 10000)));

        assertEquals(List.of(InputField.TITLE, InputField.DESCRIPTION), e.problems().stream().map(FieldProblem::field).toList());
        assertEquals(List.of(10000), e.problems().get(1).args());
    }

    @Test
    void aFailureWithoutAProblemIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationException(List.of()));
    }
}
