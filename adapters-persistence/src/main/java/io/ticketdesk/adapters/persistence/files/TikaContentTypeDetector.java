package io.ticketdesk.adapters.persistence.files;

import io.ticketdesk.application.port.out.files.ContentTypeDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/** Apache Tika's magic-byte detection, given only the bytes: a name or a claimed type can lie. */
public final class TikaContentTypeDetector implements ContentTypeDetector {

    private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();

    @Override
    public int headLength() {
        return mimeTypes.getMinLength();
    }

    @Override
    public String detect(byte[] head) {
        try {
            return mimeTypes.detect(new ByteArrayInputStream(head), new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fail on bytes in memory", e);
        }
    }
}
