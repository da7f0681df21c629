package io.ticketdesk.application.port.in.messages;

import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.domain.users.User;
import java.util.UUID;

/** A ticket's conversation, oldest first; internal notes only for staff. */
public interface ListMessagesQuery {

    Page<MessageView> list(User actor, UUID ticketId, PageRequest page);
}
