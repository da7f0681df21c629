package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.users.User;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A UserRepository in a map, for use-case tests; passes the same contract as the real one. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UUID, User> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByTelegramId(long telegramId) {
        return byId.values().stream().filter(u -> u.telegramId() == telegramId).findFirst();
    }

    @Override
    public synchronized User insertOrRefreshProfile(User candidate) {
        User stored = findByTelegramId(candidate.telegramId())
                .map(existing -> new User(existing.id(), existing.telegramId(), candidate.username(),
                        candidate.firstName(), candidate.lastName(), candidate.languageCode(), existing.role(),
                        existing.active(), existing.createdAt(), candidate.updatedAt()))
                .orElse(candidate);
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized User updateProfile(User user) {
        User existing = byId.get(user.id());
        if (existing == null) {
            throw new IllegalStateException("no user " + user.id());
        }
        User stored = existing.withProfile(user.firstName(), user.lastName(), user.username(), user.updatedAt());
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized long lockAdministrationAndCountActiveAdmins() {
        return byId.values().stream().filter(User::isActiveAdmin).count();
    }

    @Override
    public synchronized User updateRoleAndStatus(User user) {
        User existing = byId.get(user.id());
        if (existing == null) {
            throw new IllegalStateException("no user " + user.id());
        }
        User stored = existing.withRole(user.role(), user.updatedAt()).withActive(user.active(), user.updatedAt());
        byId.put(stored.id(), stored);
        return stored;
    }

    /** Test set-up: puts a user as given, role and status included. */
    public User save(User user) {
        byId.put(user.id(), user);
        return user;
    }
}
