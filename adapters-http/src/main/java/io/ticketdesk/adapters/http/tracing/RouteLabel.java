package io.ticketdesk.adapters.http.tracing;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/** The route a request matched, as its template ({@code /api/v1/tickets/{id}}): for logs and metrics, never ids. */
public final class RouteLabel {

    private RouteLabel() {
    }

    public static String of(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        // no route matched: an unknown path (never labelled as is) or a static file
        return ctx.statusCode() == 404 || ctx.statusCode() == 405 ? "unmatched" : "static";
    }
}
