package io.ticketdesk.adapters.telegram.webapp;

import io.ticketdesk.application.port.out.auth.InitDataVerifier;
import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import io.ticketdesk.domain.users.TelegramIdentity;
import java.time.Clock;
import java.time.Duration;
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
        Map<String, String> fields = TelegramSignedData.parse(widgetData);
        hmac.check(fields);
        TelegramSignedData.checkAge(fields.get("auth_date"), clock.instant(), maxAge);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
