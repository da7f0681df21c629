package io.ticketdesk.domain.categories;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What a ticket is about; inactive categories stay on old tickets but take no new ones. */
public record Category(UUID id, String name, String description, String icon, String color, boolean active,
                       int sortOrder, Instant createdAt, Instant updatedAt) {

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
