package io.ticketdesk.application.port.out.events;

import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.events.RecordedDeskEvent;
import java.util.List;

/** Where domain events are kept for consumers, written in the transaction of the change they describe. */
public interface DeskEventOutbox {

    void append(DeskEvent event);

    /** Holds {@code consumer}'s turn until the running transaction ends; another holder waits. */
    void lockConsumer(String consumer);

    /**
     * Up to {@code max} events after {@code consumer}'s position, oldest first, only those that no
     * still-running transaction can precede (see {@link io.ticketdesk.application.port.in.events.DrainDeskEventsUseCase}).
     */
    List<RecordedDeskEvent> next(String consumer, int max);

    /** Moves {@code consumer}'s position past {@code lastEventId}, one of the events {@link #next} just returned. */
    void consumedUpTo(String consumer, long lastEventId);
}
