package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FieldUpdateTest {

    @Test
    void anUnchangedFieldKeepsTheCurrentValue() {
        FieldUpdate<String> unchanged = FieldUpdate.unchanged();

        assertFalse(unchanged.isPresent());
        assertEquals("current", unchanged.orElse("current"));
        assertThrows(IllegalStateException.class, unchanged::value);
    }

    @Test
    void aFieldSetToNullClearsIt() {
        FieldUpdate<String> cleared = FieldUpdate.set(null);

        assertTrue(cleared.isPresent());
        assertNull(cleared.orElse("current"));
        assertEquals(FieldUpdate.set(null), cleared.map(String::strip));
    }

    @Test
    void mappingTransformsOnlyAPresentValue() {
        assertEquals(FieldUpdate.set("ann"), FieldUpdate.set("  ann ").map(String::strip));
        assertEquals(FieldUpdate.unchanged(), FieldUpdate.<String>unchanged().map(String::strip));
    }
}
