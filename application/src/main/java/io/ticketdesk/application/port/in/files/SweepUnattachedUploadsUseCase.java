package io.ticketdesk.application.port.in.files;

/** Housekeeping: uploads never attached to a message are removed once they are old enough. */
public interface SweepUnattachedUploadsUseCase {

    /** Removes every such upload with its bytes; returns how many went. */
    int sweep();
}
