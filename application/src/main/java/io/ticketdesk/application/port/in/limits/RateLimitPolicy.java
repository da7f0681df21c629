package io.ticketdesk.application.port.in.limits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The limits of every action, for customers; staff get {@code staffFactor} times as many (never
 * exempt). Defaults are far above what a person does by hand and far below what a script does.
 */
public record RateLimitPolicy(boolean enabled, Map<LimitedAction, RateLimit> limits, int staffFactor) {

    public RateLimitPolicy {
        limits = Map.copyOf(limits);
        for (LimitedAction action : LimitedAction.values()) {
            if (!limits.containsKey(action)) {
                throw new IllegalArgumentException("no rate limit for " + action);
            }
        }
        if (staffFactor < 1) {
            throw new IllegalArgumentException("the staff factor must be at least 1");
        }
    }

    public static Map<LimitedAction, RateLimit> defaultLimits() {
        Map<LimitedAction, RateLimit> limits = new EnumMap<>(LimitedAction.class);
        limits.put(LimitedAction.LOG_IN, new RateLimit(60, Duration.ofMinutes(1)));
        limits.put(LimitedAction.CREATE_TICKET, new RateLimit(30, Duration.ofMinutes(10)));
        limits.put(LimitedAction.POST_MESSAGE, new RateLimit(60, Duration.ofMinutes(1)));
        limits.put(LimitedAction.UPLOAD_FILE, new RateLimit(60, Duration.ofMinutes(10)));
        limits.put(LimitedAction.OPEN_SOCKET, new RateLimit(60, Duration.ofMinutes(1)));
        return limits;
    }

    public static RateLimitPolicy defaults() {
        return new RateLimitPolicy(true, defaultLimits(), 4);
    }

    public RateLimit limitFor(LimitedAction action, boolean staff) {
        RateLimit limit = limits.get(action);
        return staff ? limit.times(staffFactor) : limit;
    }
}
