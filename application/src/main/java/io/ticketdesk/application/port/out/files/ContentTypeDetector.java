package io.ticketdesk.application.port.out.files;

/** Says what a file is from its first bytes, never from what the client claims. */
public interface ContentTypeDetector {

    /** How many leading bytes {@link #detect} wants to see. */
    int headLength();

    /** A media type such as {@code image/png}; {@code application/octet-stream} when unknown. */
    String detect(byte[] head);
}
