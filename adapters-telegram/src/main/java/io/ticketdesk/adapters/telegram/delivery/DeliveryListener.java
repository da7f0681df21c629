package io.ticketdesk.adapters.telegram.delivery;

import io.ticketdesk.adapters.telegram.api.ApiAnswer;
import org.jdbi.v3.core.Handle;

/** Told, inside the sender's transaction, how a call ended (e.g. to keep a forum topic's id, or recreate a lost one). */
public interface DeliveryListener {

    void finished(Handle handle, long outboxId, OutgoingCall call, ApiAnswer answer);
}
