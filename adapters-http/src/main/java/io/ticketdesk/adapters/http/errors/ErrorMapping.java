package io.ticketdesk.adapters.http.errors;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.ticketdesk.adapters.http.i18n.Messages;
import io.ticketdesk.adapters.http.json.WireNames;
import io.ticketdesk.application.port.in.auth.AuthenticationFailedException;
import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.files.FileTooLargeException;
import io.ticketdesk.domain.users.UserBlockedException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become HTTP answers (SPEC §2). Controllers never set error statuses. */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    /** The reason code of a refused login, left on the request for metrics. */
    public static final String AUTH_FAILURE = "auth.failure";

    /** Bodies up to this size are read to their end before an error answer (see drainSmallBody). */
    private static final long DRAINED_UP_TO = 64 * 1024;

    private ErrorMapping() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.code(), e.messageKey(), e.details().stream()
                .map(d -> new ErrorBody.Detail(d.field(), messages(ctx).text(d.messageKey()))).toList()));
        routes.exception(AuthenticationFailedException.class, (e, ctx) -> {
            ctx.attribute(AUTH_FAILURE, e.reason());
            respond(ctx, ErrorCode.UNAUTHORIZED, e.reason(), List.of());
        });
        routes.exception(ValidationException.class, ErrorMapping::validation);
        routes.exception(DomainException.class, (e, ctx) -> respond(ctx, codeOf(e), e.code(), List.of()));
        routes.exception(HttpResponseException.class, ErrorMapping::framework);
        routes.exception(Exception.class, ErrorMapping::unexpected);
        routes.after(ErrorMapping::bareStatus);
    }

    /** Javalin answers a body that never arrives with a bare 408 and no body, past our handlers: give it the envelope. */
    private static void bareStatus(Context ctx) {
        if (ctx.statusCode() == ErrorCode.REQUEST_TIMEOUT.status() && ctx.result() == null) {
            respond(ctx, ErrorCode.REQUEST_TIMEOUT, "request.status.408", List.of());
        }
    }

    private static ErrorCode codeOf(DomainException e) {
        if (e instanceof UserBlockedException) {
            return ErrorCode.USER_BLOCKED;
        }
        if (e instanceof AccessDeniedException) {
            return ErrorCode.FORBIDDEN;
        }
        if (e instanceof NotFoundException) {
            return ErrorCode.NOT_FOUND;
        }
        if (e instanceof ConflictException) {
            return ErrorCode.CONFLICT;
        }
        if (e instanceof FileTooLargeException) {
            return ErrorCode.PAYLOAD_TOO_LARGE;
        }
        return ErrorCode.VALIDATION_ERROR;
    }

    private static void validation(ValidationException e, Context ctx) {
        respond(ctx, ErrorCode.VALIDATION_ERROR, "error.VALIDATION_ERROR", details(ctx, e.problems()));
    }

    private static List<ErrorBody.Detail> details(Context ctx, List<FieldProblem> problems) {
        Messages messages = messages(ctx);
        return problems.stream()
                .map(p -> new ErrorBody.Detail(WireNames.of(p.field()), messages.text(p.code(), p.args().toArray())))
                .toList();
    }

    private static void framework(HttpResponseException e, Context ctx) {
        ErrorCode code = ErrorCode.forStatus(e.getStatus());
        if (code == ErrorCode.METHOD_NOT_ALLOWED) {
            // RFC 9110 §15.5.6: a 405 names what is allowed; OPTIONS is the question "what is allowed?"
            ctx.header("Allow", allowed(e));
            if (ctx.method() == HandlerType.OPTIONS) {
                ctx.status(204);
                return;
            }
        }
        String key = switch (code) {
            case NOT_FOUND -> "request.route_not_found";
            case METHOD_NOT_ALLOWED -> "request.method_not_allowed";
            case PAYLOAD_TOO_LARGE -> "request.too_large";
            default -> "error." + code.name();
        };
        respond(ctx, code, key, List.of());
    }

    /** The methods Javalin found for the path (its 405 lists them), plus OPTIONS, which every route answers. */
    private static String allowed(HttpResponseException e) {
        Set<String> methods = new LinkedHashSet<>();
        e.getDetails().values().forEach(list -> Arrays.stream(list.split(","))
                .map(String::strip).filter(m -> m.matches("[A-Z]+")).forEach(methods::add));
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    private static void unexpected(Exception e, Context ctx) {
        if (DatabaseUnavailable.isCause(e)) {
            unavailable(e, ctx);
            return;
        }
        Optional<Throwable> storage = StorageFailure.in(e);
        if (storage.isPresent()) {
            // ours, not the client's: one line an operator can act on, and a status that says "not now"
            LOG.error("storage failure in {} {}: {}", ctx.method(), ctx.path(), storage.get().toString());
            respond(ctx, ErrorCode.INSUFFICIENT_STORAGE, "error.INSUFFICIENT_STORAGE", List.of());
            return;
        }
        // the body says nothing of the cause; the log line, found by its request id, says everything
        LOG.error("unexpected failure in {} {}", ctx.method(), ctx.path(), e);
        respond(ctx, ErrorCode.INTERNAL_ERROR, "error.INTERNAL_ERROR", List.of());
    }

    /**
     * Reads a refused request's unread body to its end when it is small: closing a connection with
     * bytes still unread makes the kernel reset it, and the client loses the answer already sent
     * (a 401 to an upload read as "no response"). Large bodies are not read for an error.
     */
    private static void drainSmallBody(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length <= 0 || length > DRAINED_UP_TO) {
            return;
        }
        try {
            ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException | IllegalStateException gone) {
            // read already as text, or the client went away: nothing left to protect
            LOG.debug("unread body not drained", gone);
        }
    }

    /** The database is down or hung: a 503 the client may retry, not a 500 with a stack trace per request. */
    public static void unavailable(Exception e, Context ctx) {
        DatabaseUnavailable.report(e);
        ctx.header("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
        respond(ctx, ErrorCode.SERVICE_UNAVAILABLE, "error.SERVICE_UNAVAILABLE", List.of());
    }

    private static void respond(Context ctx, ErrorCode code, String messageKey, List<ErrorBody.Detail> details) {
        if (code != ErrorCode.REQUEST_TIMEOUT) {
            // a body that timed out will not arrive now
            drainSmallBody(ctx);
        }
        Messages messages = messages(ctx);
        String message = messages.has(messageKey) ? messages.text(messageKey) : messages.text("error." + code.name());
        ErrorBody body = ErrorBody.of(code, message, details);
        ctx.status(code.status()).json(body);
        if ("websocket".equalsIgnoreCase(ctx.header("Upgrade"))) {
            // Javalin never writes the result of a refused WebSocket upgrade: write the envelope here
            try {
                ctx.res().getOutputStream().write(ctx.jsonMapper().toJsonString(body, ErrorBody.class)
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                LOG.debug("could not answer a refused upgrade", gone);
            }
        }
    }

    private static Messages messages(Context ctx) {
        return Messages.forAcceptLanguage(ctx.header("Accept-Language"));
    }
}
