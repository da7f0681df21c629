package io.ticketdesk.adapters.telegram.receiving;

import io.ticketdesk.adapters.telegram.api.Update;

/**
 * What the bot does with one stored update. It runs inside the transaction that marks the update
 * handled, so its use cases and the calls it queues commit together with that mark, exactly once.
 * Throwing rolls all of it back; the update is tried again, and given up after a few failures.
 */
public interface UpdateHandler {

    void handle(Update update);
}
