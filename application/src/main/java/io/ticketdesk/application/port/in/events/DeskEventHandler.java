package io.ticketdesk.application.port.in.events;

/** What a consumer does with one event, inside the transaction that records it consumed. */
@FunctionalInterface
public interface DeskEventHandler {

    void handle(RecordedDeskEvent event);
}
