package io.ticketdesk.adapters.telegram.dialogue;

import java.util.Locale;
import java.util.Set;

/** The bot speaks Russian to ru, uk, be and kk users, English to everyone else (SPEC §7). */
public enum Language {
    RU, EN;

    private static final Set<String> RUSSIAN = Set.of("ru", "uk", "be", "kk");

    public static Language of(String languageCode) {
        if (languageCode == null) {
            return EN;
        }
        String base = languageCode.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return RUSSIAN.contains(base) ? RU : EN;
    }
}
