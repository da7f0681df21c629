package io.ticketdesk.adapters.http;

import io.javalin.apibuilder.EndpointGroup;

/**
 * A capability's endpoints, added with Javalin's {@link io.javalin.apibuilder.ApiBuilder} inside the
 * group {@link HttpApi} opens for them (the API prefix, for the controllers it is given). Every
 * endpoint needs a signed-in caller unless it carries the route role {@link Access#PUBLIC}.
 */
public interface ApiRoutes extends EndpointGroup {
}
