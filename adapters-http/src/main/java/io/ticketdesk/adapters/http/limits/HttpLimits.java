package io.ticketdesk.adapters.http.limits;

import java.time.Duration;

/**
 * How long the server waits on a slow client (docs/decisions.md, "Security headers and limits").
 * {@code idleTimeout}: no bytes for this long while reading a body or between requests ends the
 * exchange (a body shorter than its Content-Length gets 408); {@code headerDeadline}: a new
 * connection must have sent its complete request head within this time or it is closed.
 */
public record HttpLimits(Duration idleTimeout, Duration headerDeadline) {

    public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(5));

    public HttpLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || headerDeadline.isNegative() || headerDeadline.isZero()) {
            throw new IllegalArgumentException("HTTP timeouts must be positive");
        }
    }
}
