package io.ticketdesk.application.port.in.categories;

/** Optional category texts: trimmed, and empty means none. */
final class CategoryTexts {

    private CategoryTexts() {
    }

    static String optional(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
