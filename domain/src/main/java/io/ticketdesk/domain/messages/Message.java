package io.ticketdesk.domain.messages;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A message in a ticket's conversation; internal notes are for staff eyes only. */
public record Message(UUID id, UUID ticketId, UUID authorId, String content, boolean internal, Instant createdAt) {

    public static final int CONTENT_MAX = 10_000;

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
