package io.ticketdesk.domain.users;

import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import java.time.Instant;

/**
 * The user rows of the permission table (SPEC §3): MODERATOR+ list people; only an ADMIN changes
 * roles and blocks. The desk never loses its last active ADMIN, and nobody blocks themselves.
 * {@code activeAdmins} is the number of active ADMINs right now, counted under a lock by the caller.
 */
public final class UserAdministration {

    private UserAdministration() {
    }

    public static void requireMayList(User actor) {
        if (!actor.role().atLeast(Role.MODERATOR)) {
            throw new AccessDeniedException("user.list.moderator_only");
        }
    }

    /** The target with {@code newRole}; the same target when the role does not change. */
    public static User changeRole(User actor, User target, Role newRole, long activeAdmins, Instant now) {
        requireMayAdminister(actor);
        if (target.role() == newRole) {
            return target;
        }
        if (target.isActiveAdmin() && activeAdmins <= 1) {
            throw new ConflictException("user.last_admin");
        }
        return target.withRole(newRole, now);
    }

    /** The target blocked ({@code active=false}) or unblocked; the same target when nothing changes. */
    public static User changeStatus(User actor, User target, boolean active, long activeAdmins, Instant now) {
        requireMayAdminister(actor);
        if (!active && target.id().equals(actor.id())) {
            throw new ConflictException("user.self_block");
        }
        if (target.active() == active) {
            return target;
        }
        if (!active && target.isActiveAdmin() && activeAdmins <= 1) {
            throw new ConflictException("user.last_admin");
        }
        return target.withActive(active, now);
    }

    /** Role changes and blocks are an ADMIN's. */
    public static void requireMayAdminister(User actor) {
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("user.admin_only");
        }
    }
}
