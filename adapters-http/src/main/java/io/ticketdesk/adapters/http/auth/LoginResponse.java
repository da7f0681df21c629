package io.ticketdesk.adapters.http.auth;

/** The answer to a successful login: {@code {access_token, token_type, expires_in, user}}. */
public record LoginResponse(String accessToken, String tokenType, long expiresIn, UserResponse user) {

    static LoginResponse bearer(JwtTokens.IssuedToken token, UserResponse user) {
        return new LoginResponse(token.token(), "bearer", token.expiresInSeconds(), user);
    }
}
