package io.ticketdesk.application.service.limits;

import io.ticketdesk.application.port.in.limits.ApplyRateLimitUseCase;
import io.ticketdesk.application.port.in.limits.LimitedAction;
import io.ticketdesk.application.port.in.limits.RateLimit;
import io.ticketdesk.application.port.in.limits.RateLimitDecision;
import io.ticketdesk.application.port.in.limits.RateLimitPolicy;
import io.ticketdesk.application.port.out.limits.RateLimitStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Rate limits as a shared token bucket: {@code count} at once, then one more every {@code window / count}. */
public final class RateLimitService implements ApplyRateLimitUseCase {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final RateLimitPolicy policy;
    private final RateLimitStore store;
    private final Clock clock;

    public RateLimitService(RateLimitPolicy policy, RateLimitStore store, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public RateLimitDecision tryTake(LimitedAction action, String subject, boolean staff) {
        if (!policy.enabled()) {
            return RateLimitDecision.unlimited();
        }
        RateLimit limit = policy.limitFor(action, staff);
        long period = limit.window().toNanos() / 1_000;
        long interval = Math.max(1, period / limit.count());
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        // staff and customers have buckets of their own: a demotion does not inherit a staff-sized debt
        String bucket = action.name() + (staff ? ":staff:" : ":") + subject;
        RateLimitStore.Outcome outcome = store.take(bucket, now, interval, period);
        long untilFull = Math.max(0, outcome.arrivalMicros() - now);
        if (outcome.allowed()) {
            int remaining = (int) Math.min(limit.count(), Math.max(0, (period - untilFull) / interval));
            return new RateLimitDecision(true, limit, remaining, secondsUp(untilFull), 0);
        }
        long retryAfter = Math.max(1, secondsUp(outcome.arrivalMicros() + interval - period - now));
        return new RateLimitDecision(false, limit, 0, secondsUp(untilFull), retryAfter);
    }

    /** Drops buckets that have refilled completely, so the table holds only recent spenders. */
    public int forgetFullBuckets() {
        return store.forgetFull(ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()));
    }

    private static long secondsUp(long micros) {
        return (micros + MICROS_PER_SECOND - 1) / MICROS_PER_SECOND;
    }
}
