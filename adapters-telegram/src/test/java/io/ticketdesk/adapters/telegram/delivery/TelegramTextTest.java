package io.ticketdesk.adapters.telegram.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramTextTest {

    @Test
    void escapesMarkupCharacters() {
        assertEquals("a &lt;b&gt; &amp; c", TelegramText.escape("a <b> & c"));
    }

    @Test
    void shortTextIsOnePartWithItsHeader() {
        assertEquals(List.of("<b>#12</b>\nhi &amp; bye"), TelegramText.split("<b>#12</b>\n", "hi & bye", 4096));
    }

    @Test
    void longTextIsCutIntoPartsThatFitAndLoseNothing() {
        String plain = ("word <tag> & more ").repeat(700) + "end";
        List<String> parts = TelegramText.split("<b>#1</b>\n", plain, 4096);
        assertTrue(parts.size() >= 3);
        parts.forEach(part -> assertTrue(part.length() <= 4096, "part of " + part.length()));
        String joined = String.join(" ", parts).substring("<b>#1</b>\n".length())
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        assertEquals(plain.replaceAll("\\s+", " "), joined.replaceAll("\\s+", " "));
        parts.forEach(part -> assertTrue(!part.matches("(?s).*&[a-z]*$"), "no escape cut in half"));
    }

    @Test
    void captionsUseTheirOwnLimitAndSurrogatePairsStayWhole() {
        String plain = "😀".repeat(700);
        List<String> parts = TelegramText.split("", plain, TelegramText.CAPTION_LIMIT);
        parts.forEach(part -> {
            assertTrue(part.length() <= 1024);
            assertTrue(!Character.isHighSurrogate(part.charAt(part.length() - 1)));
        });
        assertEquals(plain, String.join("", parts));
    }
}
