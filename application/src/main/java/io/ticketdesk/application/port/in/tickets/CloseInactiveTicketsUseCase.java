package io.ticketdesk.application.port.in.tickets;

/** Closes RESOLVED tickets that saw no activity for the configured quiet period. */
public interface CloseInactiveTicketsUseCase {

    /** @return how many tickets were closed */
    int closeInactive();
}
