package io.ticketdesk.adapters.telegram.delivery;

import java.util.ArrayList;
import java.util.List;

/** Text for Telegram's HTML parse mode: escaped, and cut into messages Telegram accepts. */
public final class TelegramText {

    /** Longest message text Telegram takes (after entity parsing; we count the escaped form, which is safe). */
    public static final int MESSAGE_LIMIT = 4096;
    /** Longest caption of a photo or document. */
    public static final int CAPTION_LIMIT = 1024;

    private TelegramText() {
    }

    /** Escapes the three characters HTML mode reads as markup. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code headerHtml} (already markup, kept whole on the first part) followed by {@code plain}
     * (escaped here), cut into parts of at most {@code limit} characters: at a line break or a space
     * when there is one in the last fifth of a part, never inside an escape or a surrogate pair.
     */
    public static List<String> split(String headerHtml, String plain, int limit) {
        if (headerHtml.length() >= limit) {
            throw new IllegalArgumentException("a header must leave room for the text");
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder(headerHtml);
        int i = 0;
        while (i < plain.length()) {
            int room = limit - current.length();
            int end = fit(plain, i, room);
            if (end == i) {
                parts.add(current.toString());
                current = new StringBuilder();
                continue;
            }
            if (end < plain.length()) {
                int cut = Math.max(plain.lastIndexOf('\n', end - 1), plain.lastIndexOf(' ', end - 1));
                if (cut > i && (end - cut) < room / 5) {
                    end = cut + 1;
                }
            }
            current.append(escape(plain.substring(i, end)));
            i = end;
            if (i < plain.length()) {
                parts.add(current.toString().stripTrailing());
                current = new StringBuilder();
            }
        }
        if (current.length() > 0 || parts.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** How far from {@code start} the plain text can go so that its escaped form fits {@code room}. */
    private static int fit(String plain, int start, int room) {
        int used = 0;
        int i = start;
        while (i < plain.length()) {
            char c = plain.charAt(i);
            int width = c == '<' || c == '>' ? 4 : c == '&' ? 5 : 1;
            int step = Character.isHighSurrogate(c) && i + 1 < plain.length() ? 2 : 1;
            if (used + width * step > room) {
                break;
            }
            used += step == 2 ? 2 : width;
            i += step;
        }
        return i;
    }
}
