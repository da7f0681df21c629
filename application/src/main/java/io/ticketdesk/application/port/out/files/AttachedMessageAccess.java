package io.ticketdesk.application.port.out.files;

import io.ticketdesk.domain.users.User;
import java.util.UUID;

/**
 * Whether someone may see the message a file is attached to (SPEC §5: then they may read the
 * file; internal notes: staff only). Answered by whoever owns messages.
 */
public interface AttachedMessageAccess {

    boolean maySee(User reader, UUID messageId);
}
