package io.ticketdesk.application.port.in.health;

/**
 * The Telegram bot's state as /health shows it. It never makes the service unhealthy: Telegram being
 * unreachable shows here ({@code lastProblem}, a growing queue) while the desk keeps working.
 *
 * @param mode polling or webhook
 * @param leader whether this instance polls (or registers the webhook) for the whole desk
 * @param outboxDepth calls waiting to be sent
 * @param oldestPendingSeconds age of the oldest waiting call, or null when none waits
 * @param lastProblem the last reason receiving failed, or null while it works
 */
public record BotHealth(String mode, boolean leader, long outboxDepth, Long oldestPendingSeconds, String lastProblem) {
}
