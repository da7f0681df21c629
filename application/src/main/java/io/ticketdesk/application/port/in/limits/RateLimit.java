package io.ticketdesk.application.port.in.limits;

import java.time.Duration;
import java.util.Objects;

/** {@code count} requests per {@code window}: all at once at most, then one every window/count. */
public record RateLimit(int count, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (count < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive count and window");
        }
    }

    /** {@code 60/PT1M}: the form the settings use. */
    public static RateLimit parse(String text) {
        String[] parts = text.strip().split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected COUNT/DURATION such as 60/PT1M, got \"" + text + "\"");
        }
        try {
            return new RateLimit(Integer.parseInt(parts[0].strip()), Duration.parse(parts[1].strip().toUpperCase()));
        } catch (RuntimeException bad) {
            throw new IllegalArgumentException("expected COUNT/DURATION such as 60/PT1M, got \"" + text + "\"");
        }
    }

    public RateLimit times(int factor) {
        return new RateLimit(Math.multiplyExact(count, factor), window);
    }

    @Override
    public String toString() {
        return count + "/" + window;
    }
}
