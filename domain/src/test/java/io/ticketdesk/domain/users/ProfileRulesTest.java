package io.ticketdesk.domain.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.domain.FieldProblem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    @Test
    void aFirstNameIsRequiredAndAtMost64Characters() {
        assertEquals(Optional.of(FieldProblem.of("first_name", "validation.required")),
                ProfileRules.checkFirstName("first_name", " "));
        assertEquals(Optional.of(FieldProblem.of("first_name", "validation.too_long", 64)),
                ProfileRules.checkFirstName("first_name", "я".repeat(65)));
        assertEquals(Optional.empty(), ProfileRules.checkFirstName("first_name", "я".repeat(64)));
        // 64 emoji are 128 UTF-16 units but 64 characters
        assertEquals(Optional.empty(), ProfileRules.checkFirstName("first_name", "😀".repeat(64)));
    }

    @Test
    void namesRefuseControlCharacters() {
        assertEquals(Optional.of(FieldProblem.of("last_name", "validation.control_characters")),
                ProfileRules.checkOptionalName("last_name", "Lee\u0000"));
        assertEquals(Optional.empty(), ProfileRules.checkOptionalName("last_name", null));
    }

    @Test
    void usernamesFollowTelegramsRule() {
        assertEquals(Optional.empty(), ProfileRules.checkUsername("username", "ann_lee"));
        assertEquals(Optional.empty(), ProfileRules.checkUsername("username", null));
        assertEquals(Optional.of(FieldProblem.of("username", "validation.username")),
                ProfileRules.checkUsername("username", "ann"));
        assertEquals(Optional.of(FieldProblem.of("username", "validation.username")),
                ProfileRules.checkUsername("username", "анна_ли"));
        assertEquals(Optional.of(FieldProblem.of("username", "validation.username")),
                ProfileRules.checkUsername("username", "a".repeat(33)));
    }
}
