package io.ticketdesk.domain.users;

import io.ticketdesk.domain.InputField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.domain.FieldProblem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    @Test
    void aFirstNameIsRequiredAndAtMost64Characters() {
        assertEquals(Optional.of(FieldProblem.of(InputField.FIRST_NAME, "validation.required")),
                ProfileRules.checkFirstName(InputField.FIRST_NAME, " "));
        assertEquals(Optional.of(FieldProblem.of(InputField.FIRST_NAME, "validation.too_long", 64)),
                ProfileRules.checkFirstName(InputField.FIRST_NAME, "я".repeat(65)));
        assertEquals(Optional.empty(), ProfileRules.checkFirstName(InputField.FIRST_NAME, "я".repeat(64)));
        // 64 emoji are 128 UTF-16 units but 64 characters
        assertEquals(Optional.empty(), ProfileRules.checkFirstName(InputField.FIRST_NAME, "😀".repeat(64)));
    }

    @Test
    void namesRefuseControlCharacters() {
        assertEquals(Optional.of(FieldProblem.of(InputField.LAST_NAME, "validation.control_characters")),
                ProfileRules.checkOptionalName(InputField.LAST_NAME, "Lee\u0000"));
        assertEquals(Optional.empty(), ProfileRules.checkOptionalName(InputField.LAST_NAME, null));
    }

    @Test
    void usernamesFollowTelegramsRule() {
        assertEquals(Optional.empty(), ProfileRules.checkUsername(InputField.USERNAME, "ann_lee"));
        assertEquals(Optional.empty(), ProfileRules.checkUsername(InputField.USERNAME, null));
        assertEquals(Optional.of(FieldProblem.of(InputField.USERNAME, "validation.username")),
                ProfileRules.checkUsername(InputField.USERNAME, "ann"));
        assertEquals(Optional.of(FieldProblem.of(InputField.USERNAME, "validation.username")),
                ProfileRules.checkUsername(InputField.USERNAME, "анна_ли"));
        assertEquals(Optional.of(FieldProblem.of(InputField.USERNAME, "validation.username")),
                ProfileRules.checkUsername(InputField.USERNAME, "a".repeat(33)));
    }
}
