package io.ticketdesk.application.service.files;

import io.ticketdesk.application.port.in.files.UploadFileCommand;
import io.ticketdesk.application.port.in.files.UploadFileUseCase;
import io.ticketdesk.application.port.out.files.ContentTypeDetector;
import io.ticketdesk.application.port.out.files.FileStore;
import io.ticketdesk.application.port.out.persistence.FileRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.domain.files.FileTooLargeException;
import io.ticketdesk.domain.files.StoredFile;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Streams an upload into the file store while counting and hashing it, then records it. The
 * bytes go first: a row never points at bytes that are not there, and a failed row removes them.
 */
public record UploadFileService(FileRepository files, FileStore store, ContentTypeDetector detector,
                                Transactions transactions, Clock clock, long maxBytes) implements UploadFileUseCase {

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public StoredFile upload(UploadFileCommand command) {
        command.uploader().requireActive();
        UUID id = UUID.randomUUID();
        MeasuredContent measured = new MeasuredContent(command.content(), maxBytes);
        int headLength = detector.headLength();
        String contentType;
        BufferedInputStream content = new BufferedInputStream(measured, Math.max(8192, headLength));
        try {
            content.mark(headLength);
            contentType = detector.detect(content.readNBytes(headLength));
            content.reset();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
        store.write(id, content);

        StoredFile file = new StoredFile(id, command.uploader().id(), command.filename(), contentType, measured.count,
                measured.sha256(), null, clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            return transactions.inTransaction(() -> {
                files.insert(file);
                return file;
            });
        } catch (RuntimeException failed) {
            store.delete(id);
            throw failed;
        }
    }

    /** Counts and hashes what passes through, and refuses to pass more than the limit. */
    private static final class MeasuredContent extends FilterInputStream {

        private final long limit;
        private final MessageDigest sha256;
        private long count;

        MeasuredContent(InputStream in, long limit) {
            super(in);
            this.limit = limit;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                passed(1);
                sha256.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                passed(n);
                sha256.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("every byte must be counted and hashed");
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void passed(int n) {
            count += n;
            if (count > limit) {
                throw new FileTooLargeException(limit);
            }
        }

        String sha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
