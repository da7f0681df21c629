package io.ticketdesk.adapters.telegram.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketdesk.application.port.out.auth.InitDataVerifier;
import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import io.ticketdesk.domain.users.TelegramIdentity;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Validates initData exactly as Telegram documents it for Mini Apps, then reads the user.
 * See https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app
 */
public final class TelegramInitDataVerifier implements InitDataVerifier {

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
        Map<String, String> fields = TelegramSignedData.parse(initData);
        String hash = fields.get("hash");
        if (separateHash != null && hash != null && !TelegramSignedData.constantTimeEquals(
                separateHash.toLowerCase(Locale.ROOT), hash.toLowerCase(Locale.ROOT))) {
            throw new InvalidInitDataException("auth.init_data.hash_mismatch");
        }
        hmac.check(fields);
        TelegramSignedData.checkAge(fields.get("auth_date"), clock.instant(), maxAge);
        return identity(fields.get("user"));
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
}
