package io.ticketdesk.application.port.out.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.events.RecordedDeskEvent;
import io.ticketdesk.domain.users.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every DeskEventOutbox must do for one caller at a time; run against the in-memory fake and PostgreSQL. */
public abstract class DeskEventOutboxContract {

    protected abstract DeskEventOutbox outbox();

    private static DeskEvent roleChanged() {
        return new DeskEvent.RoleChanged(UUID.randomUUID(), UUID.randomUUID(), Role.USER, Role.HELPER);
    }

    private static List<DeskEvent> events(List<RecordedDeskEvent> recorded) {
        return recorded.stream().map(RecordedDeskEvent::event).toList();
    }

    @Test
    void eventsComeInWritingOrderAtMostMaxAtATime() {
        List<DeskEvent> written = List.of(roleChanged(), roleChanged(), roleChanged());
        written.forEach(outbox()::append);

        assertEquals(written.subList(0, 2), events(outbox().next("bot", 2)));
        assertEquals(written, events(outbox().next("bot", 10)), "nothing consumed yet: the same again");
    }

    @Test
    void aConsumerMovesPastWhatItConsumedAndOthersKeepTheirOwnPlace() {
        List<DeskEvent> written = List.of(roleChanged(), roleChanged(), roleChanged());
        written.forEach(outbox()::append);

        List<RecordedDeskEvent> first = outbox().next("bot", 2);
        outbox().lockConsumer("bot");
        outbox().consumedUpTo("bot", first.get(1).id());

        assertEquals(written.subList(2, 3), events(outbox().next("bot", 10)));
        assertEquals(written, events(outbox().next("audit", 10)));
        DeskEvent later = roleChanged();
        outbox().append(later);
        assertEquals(List.of(written.get(2), later), events(outbox().next("bot", 10)));
    }
}
