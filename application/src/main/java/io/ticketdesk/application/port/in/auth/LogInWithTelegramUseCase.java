package io.ticketdesk.application.port.in.auth;

import io.ticketdesk.domain.users.User;

/** Signs a person in with the initData the Telegram Mini App hands over. */
public interface LogInWithTelegramUseCase {

    /**
     * Creates the user on first login, refreshes their profile on later ones.
     *
     * @throws AuthenticationFailedException when the data is not genuine, stale or login is off
     * @throws io.ticketdesk.domain.users.UserBlockedException when the account is blocked
     */
    User logIn(LogInWithTelegramCommand command);
}
