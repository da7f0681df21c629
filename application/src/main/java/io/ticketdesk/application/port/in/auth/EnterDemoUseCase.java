package io.ticketdesk.application.port.in.auth;

import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;

/** Local demo mode (no bot): step into the desk as its demo person of a role, without Telegram. */
public interface EnterDemoUseCase {

    /**
     * The demo account of {@code role}, created with that role on first use.
     *
     * @throws io.ticketdesk.domain.users.UserBlockedException when someone blocked it in the demo
     */
    User enter(Role role);
}
