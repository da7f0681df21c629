package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.messages.Message;

/** Where messages are kept; storing one also updates its ticket's message counters. */
public interface MessageRepository {

    void insert(Message message);
}
