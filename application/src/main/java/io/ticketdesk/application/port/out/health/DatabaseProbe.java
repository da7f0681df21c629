package io.ticketdesk.application.port.out.health;

/** Asks the database for a trivial answer within a short time. */
public interface DatabaseProbe {

    boolean answers();
}
