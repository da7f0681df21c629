package io.ticketdesk.domain.users;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A person known to the desk, customer or staff. Immutable: changes return a new User. */
public record User(UUID id, long telegramId, String username, String firstName, String lastName,
                   String languageCode, Role role, boolean active, Instant createdAt, Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A person seen for the first time: active, with the role their first login grants. */
    public static User firstLogin(UUID id, TelegramIdentity identity, Role role, Instant now) {
        return new User(id, identity.telegramId(), identity.username(), identity.firstName(),
                identity.lastName(), identity.languageCode(), role, true, now, now);
    }

    /** Refuses a blocked user; returns this user otherwise, so calls can be chained. */
    public User requireActive() {
        if (!active) {
            throw new UserBlockedException();
        }
        return this;
    }

    public boolean isStaff() {
        return role.isStaff();
    }

    public User withProfile(String newFirstName, String newLastName, String newUsername, Instant now) {
        return new User(id, telegramId, newUsername, newFirstName, newLastName, languageCode, role, active,
                createdAt, now);
    }

    public User withRole(Role newRole, Instant now) {
        return new User(id, telegramId, username, firstName, lastName, languageCode, newRole, active, createdAt, now);
    }

    public User withActive(boolean newActive, Instant now) {
        return new User(id, telegramId, username, firstName, lastName, languageCode, role, newActive, createdAt, now);
    }

    /** An ADMIN who is not blocked: the desk must always keep at least one. */
    public boolean isActiveAdmin() {
        return active && role == Role.ADMIN;
    }
}
