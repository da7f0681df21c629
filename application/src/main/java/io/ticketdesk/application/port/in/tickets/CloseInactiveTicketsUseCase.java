package io.ticketdesk.application.port.in.tickets;

import java.time.Instant;
import java.util.Optional;

/** Closes RESOLVED tickets that saw no activity for the configured quiet period. */
public interface CloseInactiveTicketsUseCase {

    /** @return how many tickets were closed */
    int closeInactive();

    /** When the next RESOLVED ticket falls due, if any is RESOLVED: the sweep is scheduled for then. */
    Optional<Instant> nextDue();
}
