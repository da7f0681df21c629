package io.ticketdesk.application.port.in.files;

import java.io.InputStream;

/** The bytes of a file the caller may read, opened only when and as far as they are wanted. */
@FunctionalInterface
public interface FileContent {

    /** {@code length} bytes from {@code offset}; the caller closes the stream. */
    InputStream open(long offset, long length);
}
