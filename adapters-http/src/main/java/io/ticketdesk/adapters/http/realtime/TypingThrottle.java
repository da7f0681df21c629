package io.ticketdesk.adapters.http.realtime;

/**
 * A token bucket for typing hints of one socket: a burst of {@link #BURST}, then one every
 * {@link #REFILL_NANOS}. Keeps a chatty client from flooding everyone else's sockets.
 */
final class TypingThrottle {

    static final int BURST = 5;
    static final long REFILL_NANOS = 1_000_000_000L;

    private double tokens = BURST;
    private long last = System.nanoTime();

    synchronized boolean tryAcquire(long now) {
        tokens = Math.min(BURST, tokens + (now - last) / (double) REFILL_NANOS);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
