package io.ticketdesk.adapters.http.files;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code Content-Disposition} per RFC 6266: an ASCII {@code filename} for old clients and
 * {@code filename*} (RFC 8187, UTF-8) with the real name. Only types a browser shows without
 * running anything are offered inline; everything else, HTML, SVG, JavaScript and XML among it,
 * is an attachment.
 */
final class ContentDisposition {

    private static final Set<String> SHOWN_INLINE = Set.of(
            "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
            "application/pdf", "text/plain");
    private static final String ATTR_CHAR = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    static boolean showsInline(String contentType) {
        return SHOWN_INLINE.contains(contentType) || contentType.startsWith("audio/")
                || contentType.startsWith("video/");
    }

    static String header(String contentType, String filename) {
        String type = showsInline(contentType) ? "inline" : "attachment";
        return type + "; filename=\"" + asciiFallback(filename) + "\"; filename*=UTF-8''" + percentEncoded(filename);
    }

    private static String asciiFallback(String filename) {
        StringBuilder out = new StringBuilder();
        filename.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return out.toString();
    }

    private static String percentEncoded(String filename) {
        StringBuilder out = new StringBuilder();
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHAR.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
