package io.ticketdesk.application.port.in.auth;

import io.ticketdesk.domain.users.User;
import java.util.UUID;

/**
 * Turns the user id carried by a credential (a JWT, a Telegram update) into the current user.
 * The role and the block flag are read from the database, never trusted from the credential (an
 * instance may keep them a few seconds, dropped at once on any change: see {@code CallerCache}).
 */
public interface IdentifyCallerUseCase {

    /**
     * @throws AuthenticationFailedException when no such user exists
     * @throws io.ticketdesk.domain.users.UserBlockedException when the user is blocked
     */
    User activeUser(UUID userId);
}
