package io.ticketdesk.adapters.telegram.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketdesk.application.port.out.auth.InitDataVerifier;
import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import io.ticketdesk.domain.users.TelegramIdentity;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Validates initData exactly as Telegram documents it for Mini Apps, then reads the user.
 * See https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app
 */
public final class TelegramInitDataVerifier implements InitDataVerifier {

    /** Telegram's clock and ours may disagree a little; more than this is data from the future. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InitDataHmac hmac;
    private final Duration maxAge;
    private final Clock clock;

    public TelegramInitDataVerifier(String botToken, Duration maxAge, Clock clock) {
        this.hmac = new InitDataHmac(botToken);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public TelegramIdentity verify(String initData, String separateHash) {
        Map<String, String> fields = parse(initData);
        String hash = fields.get("hash");
        if (hash == null || hash.isEmpty()) {
            throw new InvalidInitDataException("auth.init_data.missing_hash");
        }
        if (separateHash != null && !constantTimeEquals(separateHash.toLowerCase(Locale.ROOT), hash)) {
            throw new InvalidInitDataException("auth.init_data.hash_mismatch");
        }
        if (!constantTimeEquals(hmac.sign(fields), hash.toLowerCase(Locale.ROOT))) {
            throw new InvalidInitDataException("auth.init_data.signature");
        }
        checkAge(fields.get("auth_date"));
        return identity(fields.get("user"));
    }

    private static Map<String, String> parse(String initData) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : initData.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInitDataException("auth.init_data.malformed");
            }
            String key;
            String value;
            try {
                key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                throw new InvalidInitDataException("auth.init_data.malformed");
            }
            if (fields.put(key, value) != null) {
                // a repeated key would let the signed and the read value differ
                throw new InvalidInitDataException("auth.init_data.malformed");
            }
        }
        return fields;
    }

    private void checkAge(String authDate) {
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(authDate));
        } catch (NumberFormatException | NullPointerException | java.time.DateTimeException bad) {
            throw new InvalidInitDataException("auth.init_data.auth_date");
        }
        Instant now = clock.instant();
        if (signedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInitDataException("auth.init_data.future");
        }
        if (signedAt.isBefore(now.minus(maxAge))) {
            throw new InvalidInitDataException("auth.init_data.expired");
        }
    }

    private static TelegramIdentity identity(String userJson) {
        if (userJson == null) {
            throw new InvalidInitDataException("auth.init_data.no_user");
        }
        try {
            JsonNode user = JSON.readTree(userJson);
            JsonNode id = user.path("id");
            String firstName = text(user, "first_name");
            if (!id.canConvertToLong() || id.asLong() <= 0 || firstName == null || firstName.isBlank()) {
                throw new InvalidInitDataException("auth.init_data.no_user");
            }
            return new TelegramIdentity(id.asLong(), firstName, text(user, "last_name"), text(user, "username"),
                    text(user, "language_code"));
        } catch (IOException notJson) {
            throw new InvalidInitDataException("auth.init_data.no_user");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
