package io.ticketdesk.adapters.telegram.delivery;

import org.jdbi.v3.core.Handle;

/**
 * Consulted in the sender's transaction before a chat's oldest pending call goes out: it may
 * complete the call's parameters (a forum topic's id), have another call of the same chat go first
 * (the topic's creation), or drop the call.
 */
public interface CallPreparer {

    Preparation prepare(Handle handle, long outboxId, OutgoingCall call);

    /** What the sender does with the call. */
    sealed interface Preparation {
    }

    /** Send it, with whatever parameters were set on it. */
    record Send() implements Preparation {
    }

    /** Never send it: the row is marked SKIPPED with the reason. */
    record Skip(String reason) implements Preparation {
    }

    /** Send this other pending row of the same chat now; the call waits for the chat's next turn. */
    record First(long outboxId, OutgoingCall call) implements Preparation {
    }

    Preparation SEND = new Send();
}
