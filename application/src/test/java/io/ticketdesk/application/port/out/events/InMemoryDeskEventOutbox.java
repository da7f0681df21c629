package io.ticketdesk.application.port.out.events;

import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.events.RecordedDeskEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The outbox in memory, for one thread: events in append order, each consumer's position an id. */
public final class InMemoryDeskEventOutbox implements DeskEventOutbox {

    private final List<RecordedDeskEvent> events = new ArrayList<>();
    private final Map<String, Long> positions = new HashMap<>();
    private final Clock clock;

    public InMemoryDeskEventOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void append(DeskEvent event) {
        events.add(new RecordedDeskEvent(events.size() + 1, clock.instant(), event));
    }

    @Override
    public void lockConsumer(String consumer) {
        // one thread at a time in the tests that use it; nothing to hold
    }

    @Override
    public synchronized List<RecordedDeskEvent> next(String consumer, int max) {
        long after = positions.getOrDefault(consumer, 0L);
        return events.stream().filter(event -> event.id() > after).limit(max).toList();
    }

    @Override
    public synchronized void consumedUpTo(String consumer, long lastEventId) {
        positions.put(consumer, lastEventId);
    }

    /** Every event appended so far, oldest first. */
    public synchronized List<DeskEvent> events() {
        return events.stream().map(RecordedDeskEvent::event).toList();
    }
}
