package io.ticketdesk.application.service.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.events.RecordedDeskEvent;
import io.ticketdesk.application.port.out.events.InMemoryDeskEventOutbox;
import io.ticketdesk.application.port.out.persistence.DirectTransactions;
import io.ticketdesk.application.port.out.realtime.RecordingSignalBus;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DrainDeskEventsServiceTest {

    private final InMemoryDeskEventOutbox outbox = new InMemoryDeskEventOutbox(Clock.systemUTC());
    private final RecordingSignalBus signals = new RecordingSignalBus();
    private final DrainDeskEventsService drain = new DrainDeskEventsService(outbox, new DirectTransactions(), signals);

    private static DeskEvent blocked() {
        return new DeskEvent.UserBlocked(UUID.randomUUID(), UUID.randomUUID());
    }

    @Test
    void handsOutAtMostMaxInOrderAndRemembersWhereTheConsumerIs() {
        List<DeskEvent> written = List.of(blocked(), blocked(), blocked());
        written.forEach(outbox::append);
        List<DeskEvent> got = new ArrayList<>();

        assertEquals(2, drain.drain("bot", 2, event -> got.add(event.event())));
        assertEquals(1, drain.drain("bot", 2, event -> got.add(event.event())));
        assertEquals(0, drain.drain("bot", 2, event -> got.add(event.event())));

        assertEquals(written, got);
    }

    @Test
    void aFailingHandlerLeavesItsBatchForTheNextDrain() {
        outbox.append(blocked());
        assertThrows(IllegalStateException.class, () -> drain.drain("bot", 5, event -> {
            throw new IllegalStateException("not now");
        }));

        List<RecordedDeskEvent> again = new ArrayList<>();
        assertEquals(1, drain.drain("bot", 5, again::add));
    }

    @Test
    void wakeHooksRunWhenEventsWereRecordedUntilClosed() throws Exception {
        AtomicInteger woken = new AtomicInteger();
        AutoCloseable hook = drain.onRecorded(woken::incrementAndGet);
        drain.onRecorded(() -> {
            throw new IllegalStateException("a broken hook does not stop the others");
        });

        signals.publish(new TicketSignal.TicketDeleted(UUID.randomUUID()));
        signals.publish(new TicketSignal.EventsRecorded());
        hook.close();
        signals.publish(new TicketSignal.EventsRecorded());

        assertEquals(1, woken.get());
    }

    @Test
    void refusesANamelessConsumerAndABatchOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> drain.drain(" ", 1, event -> { }));
        assertThrows(IllegalArgumentException.class, () -> drain.drain("bot", 0, event -> { }));
        assertThrows(IllegalArgumentException.class, () -> drain.drain("bot", 1001, event -> { }));
    }
}
