package io.ticketdesk.application.service.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.in.auth.IdentifyCallerUseCase;
import io.ticketdesk.application.port.out.persistence.InMemoryUserRepository;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserBlockedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CallerCacheTest {

    private static final Instant NOW = Instant.parse("2024-05-01T09:30:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final AtomicInteger reads = new AtomicInteger();
    private final IdentifyCallerUseCase counted = id -> {
        reads.incrementAndGet();
        return new IdentifyCallerService(users).activeUser(id);
    };
    private final HeldBus bus = new HeldBus();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final CallerCache cache = new CallerCache(counted, bus, Duration.ofSeconds(5), nanos::get);
    private final User ann = users.insertOrRefreshProfile(User.firstLogin(UUID.randomUUID(),
            new TelegramIdentity(1, "Ann", null, null, "en"), Role.USER, NOW));

    /** A bus whose signals arrive when the test says so, as a notification after a commit would. */
    private static final class HeldBus implements TicketSignalBus {
        final List<Consumer<TicketSignal>> receivers = new ArrayList<>();

        @Override
        public void publish(TicketSignal signal) {
            throw new UnsupportedOperationException("the cache only listens");
        }

        @Override
        public void subscribe(Consumer<TicketSignal> receiver) {
            receivers.add(receiver);
        }

        void deliver(TicketSignal signal) {
            receivers.forEach(receiver -> receiver.accept(signal));
        }
    }

    @Test
    void aCallerIsReadOnceThenKeptForTheGivenTime() {
        assertEquals(ann, cache.activeUser(ann.id()));
        assertEquals(ann, cache.activeUser(ann.id()));
        assertEquals(1, reads.get());

        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertEquals(ann, cache.activeUser(ann.id()));
        assertEquals(2, reads.get());
    }

    @Test
    void aChangeSignalledByAnotherInstanceDropsTheRowAtOnce() {
        cache.activeUser(ann.id());
        users.updateRoleAndStatus(ann.withActive(false, NOW));

        bus.deliver(new TicketSignal.AccessChanged(ann.id()));

        assertThrows(UserBlockedException.class, () -> cache.activeUser(ann.id()));
    }

    @Test
    void aRowWrittenHereIsReadFreshUntilItsSignalComesBack() {
        cache.activeUser(ann.id());
        // committed, the signal still on its way: the row is not trusted, nor kept again
        cache.rowWritten(ann.id());
        users.updateRoleAndStatus(ann.withRole(Role.HELPER, NOW));
        assertEquals(Role.HELPER, cache.activeUser(ann.id()).role());
        assertEquals(Role.HELPER, cache.activeUser(ann.id()).role());
        assertEquals(3, reads.get());

        bus.deliver(new TicketSignal.AccessChanged(ann.id()));
        cache.activeUser(ann.id());
        cache.activeUser(ann.id());
        assertEquals(4, reads.get());
    }

    @Test
    void aRowWrittenJustBeforeTellingIsSeenAtOnceToo() {
        cache.activeUser(ann.id());
        users.updateProfile(ann.withProfile("Anna", "Lee", "anna", NOW));
        cache.rowWritten(ann.id());
        assertEquals("Anna", cache.activeUser(ann.id()).firstName());
    }

    @Test
    void aWriteWhoseSignalNeverComesStopsCountingAfterAWhile() {
        cache.rowWritten(ann.id());
        cache.activeUser(ann.id());
        cache.activeUser(ann.id());
        assertEquals(2, reads.get());

        nanos.addAndGet(CallerCache.CHANGE_PENDING_AT_MOST.toNanos());
        cache.activeUser(ann.id());
        cache.activeUser(ann.id());
        assertEquals(3, reads.get());
    }

    @Test
    void aRowReadBeforeADropIsNotKeptAfterIt() {
        AtomicInteger calls = new AtomicInteger();
        IdentifyCallerUseCase slow = id -> {
            if (calls.incrementAndGet() > 1) {
                return new IdentifyCallerService(users).activeUser(id);
            }
            User before = users.findById(id).orElseThrow();
            // the change commits and its signal arrives while this read is under way
            users.updateRoleAndStatus(before.withActive(false, NOW));
            bus.deliver(new TicketSignal.AccessChanged(id));
            return before;
        };
        CallerCache racing = new CallerCache(slow, bus, Duration.ofSeconds(5), nanos::get);

        assertEquals(true, racing.activeUser(ann.id()).active());

        assertThrows(UserBlockedException.class, () -> racing.activeUser(ann.id()),
                "the row read before the drop was not kept");
    }

    @Test
    void missedSignalsDropEverything() {
        cache.activeUser(ann.id());
        users.updateRoleAndStatus(ann.withActive(false, NOW));

        bus.deliver(new TicketSignal.SignalsMissed());

        assertThrows(UserBlockedException.class, () -> cache.activeUser(ann.id()));
    }

    @Test
    void blockedAndUnknownCallersAreNeverKept() {
        users.updateRoleAndStatus(ann.withActive(false, NOW));
        assertThrows(UserBlockedException.class, () -> cache.activeUser(ann.id()));
        users.updateRoleAndStatus(ann.withActive(true, NOW));
        assertEquals(ann.id(), cache.activeUser(ann.id()).id());
        assertThrows(RuntimeException.class, () -> cache.activeUser(UUID.randomUUID()));
    }
}
