package io.ticketdesk.adapters.http.i18n;

import java.text.MessageFormat;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of error messages in the caller's language: English by default, Russian on request. */
public final class Messages {

    private static final List<String> SUPPORTED = List.of("en", "ru");

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private static final Messages RUSSIAN = new Messages(Locale.forLanguageTag("ru"));

    /** Picks the best supported language from an {@code Accept-Language} header. */
    public static Messages forAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), SUPPORTED);
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
        } catch (MissingResourceException unknown) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public Locale locale() {
        return locale;
    }
}
