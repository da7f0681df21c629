package io.ticketdesk.bootstrap;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's clock, which the demo seeding pins to moments of the past month before the service takes
 * requests, so that its tickets get a believable history; unpinned it is simply the given clock.
 */
final class PinnableClock extends Clock {

    private final Clock base;
    private volatile Instant pinned;

    PinnableClock(Clock base) {
        this.base = base;
    }

    void pin(Instant at) {
        pinned = at;
    }

    void unpin() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : base.instant();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service reads UTC instants only");
    }
}
