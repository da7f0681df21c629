package io.ticketdesk.adapters.http.auth;

import io.javalin.http.Context;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.adapters.http.tracing.RequestTracing;
import io.ticketdesk.application.port.in.auth.IdentifyCallerUseCase;
import io.ticketdesk.domain.users.User;
import org.slf4j.MDC;

/** Finds who is calling from the Bearer token, fresh from the database, before any protected route. */
public final class CallerAuthentication {

    private static final String CALLER = "caller";
    private static final String BEARER = "bearer ";

    private final JwtTokens tokens;
    private final IdentifyCallerUseCase identifyCaller;

    public CallerAuthentication(JwtTokens tokens, IdentifyCallerUseCase identifyCaller) {
        this.tokens = tokens;
        this.identifyCaller = identifyCaller;
    }

    public void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "auth.token.missing");
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "auth.token.invalid");
        }
        String token = header.substring(BEARER.length()).strip();
        User caller = identifyCaller.activeUser(tokens.userIdOf(token));
        ctx.attribute(CALLER, caller);
        MDC.put(RequestTracing.USER_KEY, caller.id().toString());
    }

    /** The authenticated caller of a protected route. */
    public static User caller(Context ctx) {
        User caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route " + ctx.path() + " is not behind authentication");
        }
        return caller;
    }
}
