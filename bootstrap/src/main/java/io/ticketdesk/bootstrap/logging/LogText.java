package io.ticketdesk.bootstrap.logging;

/**
 * Control characters written as {@code \\u0000} escapes, so that text from a request (a NUL, a
 * line break, a terminal escape sequence) can neither break a log line nor forge a new one.
 */
final class LogText {

    private LogText() {
    }

    /** {@code keepLayout}: stack traces keep their line breaks and tabs; messages keep nothing. */
    static String escape(String text, boolean keepLayout) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            boolean layout = keepLayout && (c == '\n' || c == '\t' || c == '\r');
            if (control && !layout) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
