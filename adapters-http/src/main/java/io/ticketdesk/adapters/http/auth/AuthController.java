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
import io.ticketdesk.domain.users.User;

/** {@code /auth}: Mini App login, the caller's own account and profile. */
public final class AuthController implements ApiRoutes {

    private final LogInWithTelegramUseCase logIn;
    private final UpdateProfileUseCase updateProfile;
    private final JwtTokens tokens;

    public AuthController(LogInWithTelegramUseCase logIn, UpdateProfileUseCase updateProfile, JwtTokens tokens) {
        this.logIn = logIn;
        this.updateProfile = updateProfile;
        this.tokens = tokens;
    }

    @Override
    public void addEndpoints() {
        path("/auth", () -> {
            post("/telegram", this::logIn, Access.PUBLIC);
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
