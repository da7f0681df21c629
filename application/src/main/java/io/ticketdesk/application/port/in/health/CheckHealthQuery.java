package io.ticketdesk.application.port.in.health;

/** Whether the service can do its work right now. */
public interface CheckHealthQuery {

    boolean databaseUp();
}
