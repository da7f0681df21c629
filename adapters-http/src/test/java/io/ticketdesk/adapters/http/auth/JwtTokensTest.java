package io.ticketdesk.adapters.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.adapters.http.errors.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JwtTokensTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-05-01T09:30:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final JwtTokens tokens = new JwtTokens(SECRET, Duration.ofHours(1), clock);

    @Test
    void aRememberedTokenIsStillRefusedOnceItExpires() {
        UUID user = UUID.randomUUID();
        String token = tokens.issue(user).token();
        assertEquals(user, tokens.userIdOf(token));
        assertEquals(user, tokens.userIdOf(token));

        now.set(now.get().plus(Duration.ofHours(1)));

        ApiException refused = assertThrows(ApiException.class, () -> tokens.userIdOf(token));
        assertEquals("auth.token.expired", refused.messageKey());
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefusedEvenAfterAGenuineOneWasRemembered() {
        UUID user = UUID.randomUUID();
        tokens.userIdOf(tokens.issue(user).token());
        String forged = new JwtTokens("another-secret-of-at-least-thirty-two-bytes", Duration.ofHours(1), clock)
                .issue(user).token();

        ApiException refused = assertThrows(ApiException.class, () -> tokens.userIdOf(forged));
        assertEquals("auth.token.invalid", refused.messageKey());
    }
}
