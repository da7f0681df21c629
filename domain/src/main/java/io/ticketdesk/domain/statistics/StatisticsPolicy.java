package io.ticketdesk.domain.statistics;

import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.users.User;

/** Statistics are for staff (SPEC §3); customers get a 403. */
public final class StatisticsPolicy {

    private StatisticsPolicy() {
    }

    public static void requireMayView(User actor) {
        if (!actor.isStaff()) {
            throw new AccessDeniedException("statistics.staff_only");
        }
    }
}
