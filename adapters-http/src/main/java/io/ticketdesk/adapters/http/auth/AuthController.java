package io.ticketdesk.adapters.http.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.ticketdesk.adapters.http.json.JsonRequest;
import io.ticketdesk.application.port.in.auth.LogInWithTelegramCommand;
import io.ticketdesk.application.port.in.auth.LogInWithTelegramUseCase;
import io.ticketdesk.application.port.in.auth.UpdateProfileCommand;
import io.ticketdesk.application.port.in.auth.UpdateProfileUseCase;
import io.ticketdesk.domain.users.User;

/** {@code /auth}: Mini App login, the caller's own account and profile. */
public final class AuthController {

    private final LogInWithTelegramUseCase logIn;
    private final UpdateProfileUseCase updateProfile;
    private final JwtTokens tokens;

    public AuthController(LogInWithTelegramUseCase logIn, UpdateProfileUseCase updateProfile, JwtTokens tokens) {
        this.logIn = logIn;
        this.updateProfile = updateProfile;
        this.tokens = tokens;
    }

    public void register(RoutesConfig routes, String prefix) {
        routes.post(prefix + "/auth/telegram", this::logIn);
        routes.get(prefix + "/auth/me", this::me);
        routes.put(prefix + "/auth/profile", this::updateProfile);
    }

    private void logIn(Context ctx) {
        JsonRequest body = JsonRequest.of(ctx);
        String initData = body.text("initData");
        String hash = body.text("hash");
        User user = logIn.logIn(body.toCommand(() -> new LogInWithTelegramCommand(initData, hash)));
        ctx.json(LoginResponse.bearer(tokens.issue(user.id()), UserResponse.from(user)));
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
