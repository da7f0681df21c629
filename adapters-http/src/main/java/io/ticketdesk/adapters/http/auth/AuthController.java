package io.ticketdesk.adapters.http.auth;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import io.javalin.http.Context;
import io.ticketdesk.adapters.http.Access;
import io.ticketdesk.adapters.http.ApiRoutes;
import io.ticketdesk.adapters.http.json.JsonRequest;
import io.ticketdesk.application.port.in.auth.LogInWithTelegramCommand;
import io.ticketdesk.application.port.in.auth.LogInWithTelegramUseCase;
import io.ticketdesk.application.port.in.auth.UpdateProfileCommand;
import io.ticketdesk.application.port.in.auth.UpdateProfileUseCase;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.application.port.in.auth.EnterDemoUseCase;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /auth}: Mini App login, Login Widget login, the local demo's entry, the caller's own account
 * and profile.
 */
public final class AuthController implements ApiRoutes {

    /** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever its socket says. */
    private static final java.util.List<String> FORWARDING_HEADERS = java.util.List.of(
            "Forwarded", "X-Forwarded-For", "X-Real-IP");

    /** The logins besides the Mini App's: the widget's (refusing all without a bot) and the demo (absent with a bot). */
    public record OtherLogins(LogInWithTelegramUseCase widget, Optional<EnterDemoUseCase> demo) {
    }

    private final LogInWithTelegramUseCase logIn;
    private final OtherLogins otherLogins;
    private final UpdateProfileUseCase updateProfile;
    private final JwtTokens tokens;

    public AuthController(LogInWithTelegramUseCase logIn, OtherLogins otherLogins, UpdateProfileUseCase updateProfile,
                          JwtTokens tokens) {
        this.logIn = logIn;
        this.otherLogins = otherLogins;
        this.updateProfile = updateProfile;
        this.tokens = tokens;
    }

    @Override
    public void addEndpoints() {
        path("/auth", () -> {
            post("/telegram", this::logIn, Access.PUBLIC);
            post("/telegram-widget", this::logInWithWidget, Access.PUBLIC);
            post("/demo", this::enterDemo, Access.PUBLIC);
            get("/me", this::me);
            put("/profile", this::updateProfile);
        });
    }

    private void logIn(Context ctx) {
        JsonRequest body = JsonRequest.of(ctx);
        String initData = body.text("initData");
        String hash = body.text("hash");
        User user = logIn.logIn(body.toCommand(() -> new LogInWithTelegramCommand(initData, hash)));
        ctx.json(LoginResponse.bearer(tokens.issue(user.id()), UserResponse.from(user)));
    }

    /** The widget's callback object as is; its fields are signed together, so all of them are passed on. */
    private void logInWithWidget(Context ctx) {
        Map<String, String> fields = JsonRequest.of(ctx).scalarFields();
        String data = fields.entrySet().stream()
                .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        User user = otherLogins.widget().logIn(new LogInWithTelegramCommand(data, null));
        ctx.json(LoginResponse.bearer(tokens.issue(user.id()), UserResponse.from(user)));
    }

    /** Only without a bot, and only for a browser on this machine: the demo hands out any role. */
    private void enterDemo(Context ctx) {
        EnterDemoUseCase demo = otherLogins.demo().orElseThrow(() ->
                new ApiException(ErrorCode.NOT_FOUND, "request.route_not_found"));
        if (!fromThisMachine(ctx)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "request.route_not_found");
        }
        JsonRequest body = JsonRequest.of(ctx);
        Role role = body.enumValue("role", Role.class);
        body.toCommand(() -> {
            if (role == null) {
                throw io.ticketdesk.domain.ValidationException.of(io.ticketdesk.domain.InputField.ROLE, "validation.required");
            }
            return role;
        });
        User user = demo.enter(role);
        ctx.json(LoginResponse.bearer(tokens.issue(user.id()), UserResponse.from(user)));
    }

    static boolean fromThisMachine(Context ctx) {
        if (FORWARDING_HEADERS.stream().anyMatch(header -> ctx.header(header) != null)) {
            return false;
        }
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException unreadable) {
            return false;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void me(Context ctx) {
        ctx.json(UserResponse.from(CallerAuthentication.caller(ctx)));
    }

    private void updateProfile(Context ctx) {
        JsonRequest body = JsonRequest.of(ctx);
        var firstName = body.textUpdate("first_name");
        var lastName = body.textUpdate("last_name");
        var username = body.textUpdate("username");
        User caller = CallerAuthentication.caller(ctx);
        ctx.json(UserResponse.from(updateProfile.updateProfile(
                body.toCommand(() -> new UpdateProfileCommand(caller.id(), firstName, lastName, username)))));
    }
}
