package io.ticketdesk.application.service.auth;

import io.ticketdesk.application.port.in.auth.IdentifyCallerUseCase;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import io.ticketdesk.domain.users.User;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The caller's user row kept per instance for a short time, so that a request does not read it
 * again; dropped at once when the row changes, on any instance.
 *
 * <p>Every write to a user row tells every instance with its commit (the V60 trigger sends the
 * {@code AccessChanged} signal, whoever writes: this service, another tool, psql), and each drops
 * the row when it arrives. On the instance that writes, which answers only after the commit, the
 * signal may still be on its way: the writer tells {@link #rowWritten}, and from then until the
 * signal comes back the person is read fresh on every request. When the bus reports that
 * it missed signals (its connection dropped), everything kept is dropped. Only active users are
 * kept: an unknown or blocked one is read every time.
 */
public final class CallerCache implements IdentifyCallerUseCase {

    /** A write whose signal never comes back (its transaction rolled back) stops counting after this. */
    static final Duration CHANGE_PENDING_AT_MOST = Duration.ofSeconds(30);

    private record Kept(User user, long since) {
    }

    /** Writes made here and whose signal has not come back yet, and when the latest stops counting. */
    private record Pending(int changes, long until) {
    }

    private final IdentifyCallerUseCase source;
    private final long keepNanos;
    private final LongSupplier nanoTime;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    /** Counts every drop: a row read before a drop is not kept after it (it may be the old row). */
    private final AtomicLong drops = new AtomicLong();

    public CallerCache(IdentifyCallerUseCase source, TicketSignalBus signals, Duration keepFor) {
        this(source, signals, keepFor, System::nanoTime);
    }

    CallerCache(IdentifyCallerUseCase source, TicketSignalBus signals, Duration keepFor, LongSupplier nanoTime) {
        this.source = source;
        this.keepNanos = keepFor.toNanos();
        this.nanoTime = nanoTime;
        signals.subscribe(this::received);
    }

    @Override
    public User activeUser(UUID userId) {
        long now = nanoTime.getAsLong();
        Kept hit = kept.get(userId);
        if (hit != null && now - hit.since() < keepNanos && !changing(userId, now)) {
            return hit.user();
        }
        long dropsBefore = drops.get();
        User user = source.activeUser(userId);
        if (!changing(userId, now) && drops.get() == dropsBefore) {
            kept.put(userId, new Kept(user, now));
        }
        return user;
    }

    /**
     * A user row is being written here (call it inside the writing transaction, or right after the
     * statement): until the write's own signal comes back, the person is read fresh on every request.
     */
    public void rowWritten(UUID userId) {
        long until = nanoTime.getAsLong() + CHANGE_PENDING_AT_MOST.toNanos();
        pending.merge(userId, new Pending(1, until), (old, added) -> new Pending(old.changes() + 1, until));
        drop(userId);
    }

    private void received(TicketSignal signal) {
        if (signal instanceof TicketSignal.AccessChanged changed) {
            drop(changed.userId());
            pending.computeIfPresent(changed.userId(),
                    (id, old) -> old.changes() <= 1 ? null : new Pending(old.changes() - 1, old.until()));
        } else if (signal instanceof TicketSignal.SignalsMissed) {
            drops.incrementAndGet();
            kept.clear();
        }
    }

    private void drop(UUID userId) {
        drops.incrementAndGet();
        kept.remove(userId);
    }

    private boolean changing(UUID userId, long now) {
        Pending change = pending.get(userId);
        return change != null && now - change.until() < 0;
    }
}
