package io.ticketdesk.domain.files;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Turns the name a client gave a file into one that is safe to store and to offer back for
 * saving: no path parts, no control or bidi-override characters, no characters Windows refuses,
 * at most 255 UTF-8 bytes (what file systems allow). Unicode letters are kept.
 */
public final class FilenameRules {

    public static final int MAX_UTF8_BYTES = 255;
    public static final String FALLBACK = "file";
    private static final int MAX_EXTENSION_LENGTH = 16;
    private static final String WINDOWS_RESERVED = "<>:\"|?*";

    private FilenameRules() {
    }

    public static String safe(String clientName) {
        if (clientName == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(clientName, Normalizer.Form.NFC);
        // whatever the client's OS used as a separator, only the last part is a name
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return;
            }
            kept.appendCodePoint(WINDOWS_RESERVED.indexOf(c) >= 0 ? '_' : c);
        });
        // leading dots would make "..", "." or a hidden file; trailing dots and spaces vanish on Windows
        String trimmed = kept.toString().strip().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        return trimmed.isEmpty() ? FALLBACK : capped(trimmed);
    }

    private static String capped(String name) {
        if (utf8Length(name) <= MAX_UTF8_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION_LENGTH ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int budget = MAX_UTF8_BYTES - utf8Length(extension);
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int c = stem.codePointAt(i);
            int size = utf8Length(new String(Character.toChars(c)));
            if (used + size > budget) {
                break;
            }
            out.appendCodePoint(c);
            used += size;
            i += Character.charCount(c);
        }
        return out.toString().strip() + extension;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
