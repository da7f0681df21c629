package io.ticketdesk.application.port.in.limits;

/**
 * Takes one request from a shared budget (all instances on one database share it). REST, the
 * WebSocket upgrade and the Telegram bot call this before doing the action.
 */
public interface ApplyRateLimitUseCase {

    /**
     * {@code subject}: who spends the budget, a user id, or a client address for {@link LimitedAction#LOG_IN};
     * {@code staff}: the caller is HELPER or above (higher limits).
     */
    RateLimitDecision tryTake(LimitedAction action, String subject, boolean staff);
}
