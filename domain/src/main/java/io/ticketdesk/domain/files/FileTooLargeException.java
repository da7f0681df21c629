package io.ticketdesk.domain.files;

import io.ticketdesk.domain.DomainException;

/** The upload went past the size limit; nothing of it is kept. */
public final class FileTooLargeException extends DomainException {

    private final long limit;

    public FileTooLargeException(long limit) {
        super("file.too_large");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
