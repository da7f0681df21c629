package io.ticketdesk.adapters.http;

import io.javalin.security.RouteRole;

/** Who may call an endpoint; an endpoint without a role needs a signed-in, active caller. */
public enum Access implements RouteRole {
    /** Anyone, without a token: logins, health, and whatever is served to a browser before it signs in. */
    PUBLIC
}
