package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.users.User;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private final InMemoryUserRepository repository = new InMemoryUserRepository();

    @Override
    protected UserRepository repository() {
        return repository;
    }

    @Override
    protected User saveWithRoleAndStatus(User user) {
        return repository.save(user);
    }
}
