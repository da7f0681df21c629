package io.ticketdesk.application.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The desk's texts as any adapter reads them: by message key, in the person's language. */
class TextsTest {

    @Test
    void picksRussianForRussianTelegramLanguageCodesAndEnglishOtherwise() {
        assertEquals("ru", Texts.forLanguage("ru").locale().getLanguage());
        assertEquals("ru", Texts.forLanguage("ru-RU").locale().getLanguage());
        assertEquals("en", Texts.forLanguage("de").locale().getLanguage());
        assertEquals("en", Texts.forLanguage(null).locale().getLanguage());
        assertEquals("en", Texts.forLanguage("!!").locale().getLanguage());
    }

    @Test
    void fillsArgumentsAndKeepsAnUnknownKeyAsItIs() {
        assertEquals("Не более 200 символов", Texts.russian().text("validation.too_long", 200));
        assertEquals("Must be at most 200 characters", Texts.english().text("validation.too_long", 200));
        assertEquals("no.such.key", Texts.english().text("no.such.key"));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties english = load("/i18n/desk_en.properties");
        Properties russian = load("/i18n/desk_ru.properties");

        assertEquals(english.keySet(), russian.keySet());
        assertTrue(english.containsKey("ticket.not_found") && english.containsKey("user.blocked"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
