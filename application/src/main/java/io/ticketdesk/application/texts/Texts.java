package io.ticketdesk.application.texts;

import java.text.MessageFormat;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The desk's texts for its message keys ({@code validation.required}, {@code ticket.not_found}, …)
 * in English (the default) or Russian, for any adapter: the HTTP error bodies, the bot's replies.
 * Adapters with texts of their own look here for the rest.
 */
public final class Texts {

    public static final List<String> LANGUAGES = List.of("en", "ru");
    private static final String BUNDLE = "i18n.desk";

    private static final Texts ENGLISH = new Texts(Locale.ENGLISH);
    private static final Texts RUSSIAN = new Texts(Locale.forLanguageTag("ru"));

    private final Locale locale;
    private final ResourceBundle bundle;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Texts english() {
        return ENGLISH;
    }

    public static Texts russian() {
        return RUSSIAN;
    }

    /** By a language tag such as Telegram's {@code language_code} ("ru", "ru-RU", "en"); English for anything else. */
    public static Texts forLanguage(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return ENGLISH;
        }
        try {
            return "ru".equals(Locale.forLanguageTag(languageTag.strip()).getLanguage()) ? RUSSIAN : ENGLISH;
        } catch (IllformedLocaleException unreadable) {
            return ENGLISH;
        }
    }

    /** The text for {@code key} with {@code args} filled in; the key itself when there is no text, so nothing is lost. */
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
