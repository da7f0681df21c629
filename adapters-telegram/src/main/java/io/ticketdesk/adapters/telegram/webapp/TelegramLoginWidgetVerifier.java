package io.ticketdesk.adapters.telegram.webapp;

import io.ticketdesk.application.port.out.auth.InitDataVerifier;
import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import io.ticketdesk.domain.users.TelegramIdentity;
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
 * Checks what the Telegram Login Widget hands a page ({@code id, first_name, …, auth_date, hash}),
 * passed here as one query string, as Telegram documents for the widget, with the Mini App's age limit.
 */
public final class TelegramLoginWidgetVerifier implements InitDataVerifier {

    private final LoginWidgetHmac hmac;
    private final Duration maxAge;
    private final Clock clock;

    public TelegramLoginWidgetVerifier(String botToken, Duration maxAge, Clock clock) {
        this.hmac = new LoginWidgetHmac(botToken);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public TelegramIdentity verify(String widgetData, String separateHash) {
        Map<String, String> fields = parse(widgetData);
        String hash = fields.get("hash");
        if (hash == null || hash.isEmpty()) {
            throw new InvalidInitDataException("auth.init_data.missing_hash");
        }
        byte[] expected = hmac.sign(fields).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, hash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidInitDataException("auth.init_data.signature");
        }
        checkAge(fields.get("auth_date"));
        long id;
        try {
            id = Long.parseLong(fields.getOrDefault("id", ""));
        } catch (NumberFormatException bad) {
            throw new InvalidInitDataException("auth.init_data.no_user");
        }
        String firstName = fields.get("first_name");
        if (id <= 0 || firstName == null || firstName.isBlank()) {
            throw new InvalidInitDataException("auth.init_data.no_user");
        }
        return new TelegramIdentity(id, firstName, blankToNull(fields.get("last_name")),
                blankToNull(fields.get("username")), null);
    }

    private static Map<String, String> parse(String data) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : data.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInitDataException("auth.init_data.malformed");
            }
            try {
                String key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (fields.put(key, value) != null) {
                    throw new InvalidInitDataException("auth.init_data.malformed");
                }
            } catch (IllegalArgumentException badEscape) {
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
        if (signedAt.isAfter(now.plus(TelegramInitDataVerifier.CLOCK_SKEW))) {
            throw new InvalidInitDataException("auth.init_data.future");
        }
        if (signedAt.isBefore(now.minus(maxAge))) {
            throw new InvalidInitDataException("auth.init_data.expired");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
