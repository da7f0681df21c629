package io.ticketdesk.application.port.out.events;

import java.time.Clock;

class InMemoryDeskEventOutboxTest extends DeskEventOutboxContract {

    private final InMemoryDeskEventOutbox outbox = new InMemoryDeskEventOutbox(Clock.systemUTC());

    @Override
    protected DeskEventOutbox outbox() {
        return outbox;
    }
}
