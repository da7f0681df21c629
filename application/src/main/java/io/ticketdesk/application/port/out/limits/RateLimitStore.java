package io.ticketdesk.application.port.out.limits;

/**
 * The shared state of every budget, one timestamp per bucket (the generic cell rate algorithm):
 * the "theoretical arrival time" after which the bucket is full again. Times are microseconds
 * since the epoch, from the caller's clock.
 */
public interface RateLimitStore {

    /** The bucket's state after this request. */
    record Outcome(boolean allowed, long arrivalMicros) {
    }

    /**
     * Atomically, across instances: admits the request when {@code max(arrival, now) + interval - period <= now},
     * and then moves the arrival time to {@code max(arrival, now) + interval}; otherwise leaves it.
     */
    Outcome take(String bucket, long nowMicros, long intervalMicros, long periodMicros);

    /** Forgets buckets that are full again (their arrival time has passed); returns how many. */
    int forgetFull(long nowMicros);
}
