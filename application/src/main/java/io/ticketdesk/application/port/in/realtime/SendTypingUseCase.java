package io.ticketdesk.application.port.in.realtime;

import io.ticketdesk.domain.users.User;
import java.util.UUID;

/** Tells a ticket's other watchers that someone is (or stopped) typing; internal hints reach staff only. */
public interface SendTypingUseCase {

    void typing(User sender, UUID ticketId, boolean typing, boolean internal);
}
