package io.ticketdesk.adapters.http;

import io.javalin.config.RoutesConfig;

/** A capability's routes under the API prefix; every one of them sits behind authentication. */
public interface ApiRoutes {

    void register(RoutesConfig routes, String prefix);
}
