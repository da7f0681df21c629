package io.ticketdesk.application.port.in.events;

import java.time.Instant;
import java.util.Objects;

/** An event as the outbox keeps it: {@code id} is unique per desk (not a delivery order), {@code recordedAt} when it was written. */
public record RecordedDeskEvent(long id, Instant recordedAt, DeskEvent event) {

    public RecordedDeskEvent {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(event, "event");
    }
}
