package io.ticketdesk.application.port.out.auth;

import io.ticketdesk.domain.users.TelegramIdentity;

/** Checks that Mini App initData was signed by Telegram for our bot, and is fresh. */
public interface InitDataVerifier {

    /**
     * @param separateHash a hash sent beside initData, or null; when present it must match
     * @return who the data says the person is
     * @throws InvalidInitDataException naming why the data is refused
     */
    TelegramIdentity verify(String initData, String separateHash);
}
