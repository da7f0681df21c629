package io.ticketdesk.application.service.tickets;

import io.ticketdesk.application.change.DeskChangeRecorder;
import io.ticketdesk.application.port.in.tickets.CloseInactiveTicketsUseCase;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.domain.tickets.TicketUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Closes quiet RESOLVED tickets one by one, each in its own transaction, re-checked under lock. */
public record CloseInactiveTicketsService(TicketRepository tickets, Transactions transactions,
                                          DeskChangeRecorder changes, Clock clock, Duration quietPeriod)
        implements CloseInactiveTicketsUseCase {

    private static final int BATCH = 100;

    @Override
    public int closeInactive() {
        int closed = 0;
        List<UUID> due;
        do {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            due = tickets.resolvedInactiveSince(now.minus(quietPeriod), BATCH);
            for (UUID id : due) {
                closed += transactions.inTransaction(() -> closeIfStillDue(id, now));
            }
        } while (due.size() == BATCH);
        return closed;
    }

    @Override
    public Optional<Instant> nextDue() {
        return tickets.earliestResolvedActivity().map(activity -> activity.plus(quietPeriod));
    }

    /** Someone may have answered since the ticket was listed: the rule is checked again on the locked row. */
    private int closeIfStillDue(UUID id, Instant now) {
        Optional<TicketUpdate> update = tickets.findForUpdate(id).flatMap(ticket -> ticket.autoClose(now, quietPeriod));
        update.ifPresent(closing -> changes.ticketChanged(closing, null));
        return update.isPresent() ? 1 : 0;
    }
}
