package io.ticketdesk.application.port.in.limits;

/**
 * The answer for one request: allowed or not, with what a client needs to pace itself
 * ({@code RateLimit-*} and {@code Retry-After}, all in whole seconds, rounded up).
 */
public record RateLimitDecision(boolean allowed, RateLimit limit, int remaining, long resetSeconds,
                                long retryAfterSeconds) {

    /** When limits are off: allowed, nothing to tell. */
    public static RateLimitDecision unlimited() {
        return new RateLimitDecision(true, null, Integer.MAX_VALUE, 0, 0);
    }

    public boolean limited() {
        return limit != null;
    }
}
