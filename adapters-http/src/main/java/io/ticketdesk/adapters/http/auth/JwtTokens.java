package io.ticketdesk.adapters.http.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HS256 access tokens that carry only the user id: the role and the block flag come from the
 * database (or the caller's row kept for a moment and dropped on any change), so a promotion or a
 * block takes effect at once. A token verified once is remembered until it expires, so its
 * signature is not computed again on every request.
 */
public final class JwtTokens {

    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    private static final String ISSUER = "ticketdesk";
    private static final int MIN_SECRET_BYTES = 32;
    /** Verified tokens remembered at most; past that the memory starts again from empty. */
    private static final int REMEMBERED_AT_MOST = 10_000;

    private record Verified(UUID userId, Instant expiresAt) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public JwtTokens(String secret, Duration lifetime, Clock clock) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.algorithm = Algorithm.HMAC256(secret);
        // a verifier for HS256 alone: "alg": "none" or any other algorithm is refused
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public IssuedToken issue(UUID userId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String token = JWT.create()
                .withIssuer(ISSUER)
                .withSubject(userId.toString())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(lifetime))
                .withJWTId(UUID.randomUUID().toString())
                .sign(algorithm);
        return new IssuedToken(token, lifetime.toSeconds());
    }

    /** The user id a genuine, unexpired token was issued to; 401 for anything else. */
    public UUID userIdOf(String token) {
        Verified known = verified.get(token);
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return known.userId();
        }
        try {
            DecodedJWT decoded = verifier.verify(token);
            // the verifier checks exp only when present: a token without one would never expire
            if (decoded.getExpiresAt() == null || decoded.getIssuedAt() == null || decoded.getSubject() == null) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "auth.token.invalid");
            }
            UUID userId = UUID.fromString(decoded.getSubject());
            if (verified.size() >= REMEMBERED_AT_MOST) {
                verified.clear();
            }
            verified.put(token, new Verified(userId, decoded.getExpiresAtAsInstant()));
            return userId;
        } catch (TokenExpiredException expired) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "auth.token.expired");
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException forged) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "auth.token.invalid");
        }
    }

    public record IssuedToken(String token, long expiresInSeconds) {
    }
}
