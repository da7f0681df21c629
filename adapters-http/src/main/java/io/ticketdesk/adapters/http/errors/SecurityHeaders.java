package io.ticketdesk.adapters.http.errors;

import io.javalin.http.Context;
import java.util.Map;

/**
 * The security headers of every response, chosen in docs/decisions.md ("Security headers and
 * limits"). API answers are JSON for scripts: never framed, never sniffed, never cached. The Mini
 * App page must stay framable by Telegram's web clients, so it gets {@link #MINI_APP_PAGE} instead.
 */
public final class SecurityHeaders {

    /** Who may frame the Mini App page: Telegram Web (web.telegram.org, its A/K variants) and the page itself. */
    public static final String TELEGRAM_FRAME_ANCESTORS =
            "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org";

    /** On API answers (everything under {@code /api/}, {@code /health}, errors): JSON nobody should frame or keep. */
    public static final Map<String, String> API = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    /**
     * On the Mini App page and its assets: no X-Frame-Options (it can't name Telegram as an allowed
     * framer, and DENY would break the app inside Telegram Web), CSP frame-ancestors instead.
     */
    public static final Map<String, String> MINI_APP_PAGE = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", TELEGRAM_FRAME_ANCESTORS,
            "Referrer-Policy", "strict-origin-when-cross-origin");

    private SecurityHeaders() {
    }

    /** A before-filter: the API set and {@code Cache-Control: no-store} on API paths, the page set elsewhere. */
    public static void apply(Context ctx) {
        if (isApi(ctx.path())) {
            API.forEach(ctx::header);
            // tokens and people's data: a shared cache or the browser's history must not keep them
            ctx.header("Cache-Control", "no-store");
        } else {
            MINI_APP_PAGE.forEach(ctx::header);
        }
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/health") || path.startsWith("/ws");
    }
}
