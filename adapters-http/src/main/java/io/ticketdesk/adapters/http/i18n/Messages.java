package io.ticketdesk.adapters.http.i18n;

import io.ticketdesk.application.texts.Texts;
import java.text.MessageFormat;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of error messages in the caller's language: English by default, Russian on request. The
 * HTTP adapter's own keys (error codes, request and WebSocket problems) are here; every other key
 * is the desk's, read from {@link Texts}.
 */
public final class Messages {

    private final Texts desk;
    private final ResourceBundle bundle;

    private Messages(Texts desk) {
        this.desk = desk;
        this.bundle = ResourceBundle.getBundle("i18n.messages", desk.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Messages ENGLISH = new Messages(Texts.english());
    private static final Messages RUSSIAN = new Messages(Texts.russian());

    /** Picks the best supported language from an {@code Accept-Language} header. */
    public static Messages forAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), Texts.LANGUAGES);
            return "ru".equals(tag) ? RUSSIAN : ENGLISH;
        } catch (IllegalArgumentException | IllformedLocaleException unreadable) {
            return ENGLISH;
        }
    }

    public static Messages english() {
        return ENGLISH;
    }

    /** The text for {@code key}; the key itself when no text exists, so nothing is ever lost. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException notAnHttpKey) {
            return desk.text(key, args);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, desk.locale()).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key) || desk.has(key);
    }

    public Locale locale() {
        return desk.locale();
    }
}
