package io.ticketdesk.adapters.http.limits;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.ticketdesk.adapters.http.auth.CallerAuthentication;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.application.port.in.limits.ApplyRateLimitUseCase;
import io.ticketdesk.application.port.in.limits.LimitedAction;
import io.ticketdesk.application.port.in.limits.RateLimitDecision;
import io.ticketdesk.domain.users.User;
import java.util.List;

/**
 * Rate limits on the HTTP side: login per client address, ticket creation, messages, uploads and
 * socket upgrades per user. Answers {@code RateLimit-*} on every limited call and, over the limit,
 * 429 RATE_LIMITED with {@code Retry-After} in seconds.
 */
public final class RequestLimits {

    /**
     * Routes that log someone in: limited per client address, before any signature is checked. The
     * widget and demo logins come with the Mini App; a path without a route is never matched.
     */
    public static final List<String> LOGIN_PATHS = List.of("/auth/telegram", "/auth/telegram-widget", "/auth/demo");

    private final ApplyRateLimitUseCase limiter;

    public RequestLimits(ApplyRateLimitUseCase limiter) {
        this.limiter = limiter;
    }

    /** Register after authentication, so the caller is known. */
    public void register(RoutesConfig routes, String prefix) {
        LOGIN_PATHS.forEach(path -> routes.beforeMatched(prefix + path, ctx -> {
            if (ctx.method() == HandlerType.POST) {
                apply(ctx, LimitedAction.LOG_IN, "ip:" + ctx.ip(), false);
            }
        }));
        onPost(routes, prefix + "/tickets", LimitedAction.CREATE_TICKET);
        onPost(routes, prefix + "/tickets/{id}/messages", LimitedAction.POST_MESSAGE);
        onPost(routes, prefix + "/files/upload", LimitedAction.UPLOAD_FILE);
    }

    /** Before a socket upgrade, once the viewer is known. */
    public void beforeSocket(Context ctx, User viewer) {
        apply(ctx, LimitedAction.OPEN_SOCKET, viewer.id().toString(), isStaff(viewer));
    }

    private void onPost(RoutesConfig routes, String path, LimitedAction action) {
        routes.beforeMatched(path, ctx -> {
            if (ctx.method() == HandlerType.POST) {
                User caller = CallerAuthentication.caller(ctx);
                apply(ctx, action, caller.id().toString(), isStaff(caller));
            }
        });
    }

    private void apply(Context ctx, LimitedAction action, String subject, boolean staff) {
        RateLimitDecision decision = limiter.tryTake(action, subject, staff);
        if (!decision.limited()) {
            return;
        }
        ctx.header("RateLimit-Limit", Integer.toString(decision.limit().count()));
        ctx.header("RateLimit-Remaining", Integer.toString(decision.remaining()));
        ctx.header("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        ctx.header("RateLimit-Policy", decision.limit().count() + ";w=" + decision.limit().window().toSeconds());
        if (!decision.allowed()) {
            ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
            throw new ApiException(ErrorCode.RATE_LIMITED, "error.RATE_LIMITED");
        }
    }

    private static boolean isStaff(User user) {
        return user.role().isStaff();
    }
}
