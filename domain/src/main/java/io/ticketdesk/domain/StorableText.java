package io.ticketdesk.domain;

/**
 * Text PostgreSQL can keep exactly as sent: no NUL (refused by {@code text} columns) and no
 * half of a surrogate pair (which the driver would silently turn into {@code ?}).
 */
public final class StorableText {

    private StorableText() {
    }

    public static boolean isStorable(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
