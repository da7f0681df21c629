package io.ticketdesk.domain.users;

import java.util.Objects;

/** Who Telegram says a person is: the profile fields of a verified login. */
public record TelegramIdentity(long telegramId, String firstName, String lastName, String username,
                               String languageCode) {

    public TelegramIdentity {
        if (telegramId <= 0) {
            throw new IllegalArgumentException("telegram id must be positive");
        }
        Objects.requireNonNull(firstName, "firstName");
    }
}
