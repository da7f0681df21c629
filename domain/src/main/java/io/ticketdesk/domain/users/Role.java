package io.ticketdesk.domain.users;

/** Roles in ascending order of power; the declaration order is the ranking. */
public enum Role {
    USER, HELPER, MODERATOR, ADMIN;

    public boolean isStaff() {
        return atLeast(HELPER);
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
