package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void ordinaryTextControlCharactersOtherThanNulAndWholeSurrogatePairsAreStorable() {
        assertTrue(StorableText.isStorable("Привет, world \t\n\u0001 😀"));
        assertTrue(StorableText.isStorable(""));
        assertTrue(StorableText.isStorable(null));
    }

    @Test
    void nulAndLoneSurrogatesAreNot() {
        assertFalse(StorableText.isStorable("a\u0000b"));
        assertFalse(StorableText.isStorable("x\uD83D"));
        assertFalse(StorableText.isStorable("\uDE00x"));
        assertFalse(StorableText.isStorable("\uD83D\uD83D\uDE00"));
    }
}
