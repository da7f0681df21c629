package io.ticketdesk.adapters.http.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.UUID;

/** A user as {@code GET /auth/me} shows them. */
public record UserResponse(UUID id, long telegramId, String username, String firstName, String lastName,
                           String role, @JsonProperty("is_active") boolean active, Instant createdAt,
                           Instant updatedAt) {

    public static UserResponse from(User user) {
        return new UserResponse(user.id(), user.telegramId(), user.username(), user.firstName(), user.lastName(),
                user.role().name(), user.active(), user.createdAt(), user.updatedAt());
    }
}
