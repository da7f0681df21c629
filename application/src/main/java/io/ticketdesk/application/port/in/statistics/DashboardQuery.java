package io.ticketdesk.application.port.in.statistics;

import io.ticketdesk.domain.users.User;

/** The staff dashboard (staff only). */
public interface DashboardQuery {

    Dashboard dashboard(User actor);
}
