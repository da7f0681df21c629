package io.ticketdesk.adapters.http.files;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.head;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.util.MultipartUtil;
import io.ticketdesk.adapters.http.ApiRoutes;
import io.ticketdesk.adapters.http.auth.CallerAuthentication;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.adapters.http.errors.StorageFailure;
import io.ticketdesk.application.port.in.files.DownloadFileUseCase;
import io.ticketdesk.application.port.in.files.FileDownload;
import io.ticketdesk.application.port.in.files.UploadFileCommand;
import io.ticketdesk.application.port.in.files.UploadFileUseCase;
import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.files.StoredFile;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * {@code /files}: upload (multipart field {@code file}) and download, streamed both ways. A
 * multipart upload is spooled by Jetty to a temporary file past {@link #IN_MEMORY_PART_BYTES},
 * and refused while it is read once it passes the limit, so no upload is ever whole in memory.
 */
public final class FilesController implements ApiRoutes {

    /** Room for the multipart envelope (boundaries, part headers) around the file itself. */
    private static final long ENVELOPE_BYTES = 64 * 1024;
    private static final int IN_MEMORY_PART_BYTES = 64 * 1024;

    private final UploadFileUseCase upload;
    private final DownloadFileUseCase download;
    private final Path spoolDirectory;

    public FilesController(UploadFileUseCase upload, DownloadFileUseCase download) {
        this.upload = upload;
        this.download = download;
        // where Jetty keeps upload parts past IN_MEMORY_PART_BYTES while they arrive
        this.spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));
    }

    @Override
    public void addEndpoints() {
        path("/files", () -> {
            post("/upload", this::upload);
            get("/{id}", this::download);
            // media players ask for the size and type first
            head("/{id}", this::download);
        });
    }

    private void upload(Context ctx) {
        if (!ctx.isMultipartFormData()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "file.not_multipart");
        }
        Part part = filePart(ctx);
        try (InputStream content = part.getInputStream()) {
            StoredFile file = upload.upload(new UploadFileCommand(
                    CallerAuthentication.caller(ctx), part.getSubmittedFileName(), content));
            ctx.status(201).json(FileResponse.from(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded part", e);
        } finally {
            deleteSpooled(part);
        }
    }

    private Part filePart(Context ctx) {
        long limit = upload.maxBytes();
        ctx.req().setAttribute(MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE, new MultipartConfigElement(
                spoolDirectory.toString(), limit, limit + ENVELOPE_BYTES, IN_MEMORY_PART_BYTES));
        Part part;
        try {
            part = ctx.req().getPart("file");
        } catch (IOException | ServletException | IllegalStateException e) {
            throw unreadable(e);
        }
        if (part == null || part.getSubmittedFileName() == null) {
            throw ValidationException.of(InputField.FILE, "validation.required");
        }
        return part;
    }

    /**
     * Jetty reports a part or request over its limit only as a "bad multipart" 400 caused by an
     * IllegalStateException "max file size exceeded: N" or "max length exceeded: N".
     */
    private static RuntimeException unreadable(Exception e) {
        if (StorageFailure.in(e).isPresent()) {
            // the spool directory is full or unwritable: our failure, answered 507 by ErrorMapping
            return new UncheckedIOException("could not spool the upload", new IOException(e));
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.startsWith("max file size exceeded") || message.startsWith("max length exceeded")) {
                return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "file.too_large");
            }
        }
        return new ApiException(ErrorCode.BAD_REQUEST, "file.malformed_multipart");
    }

    private static void deleteSpooled(Part part) {
        try {
            part.delete();
        } catch (IOException ignored) {
            // Jetty removes its temporary files at the end of the request anyway
        }
    }

    private void download(Context ctx) {
        FileDownload found = download.download(CallerAuthentication.caller(ctx), fileId(ctx));
        StoredFile file = found.file();
        String etag = "\"" + file.sha256() + "\"";
        ctx.disableCompression();
        ctx.header("ETag", etag);
        ctx.header("Accept-Ranges", "bytes");
        // who may read a file can change: caches must ask again every time
        ctx.header("Cache-Control", "private, no-cache");
        if (matchesAny(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        String ifRange = ctx.header("If-Range");
        ByteRange.Request wanted = ifRange == null || ifRange.strip().equals(etag)
                ? ByteRange.parse(ctx.header("Range"), file.size())
                : new ByteRange.Whole();
        if (wanted instanceof ByteRange.Unsatisfiable) {
            ctx.header("Content-Range", "bytes */" + file.size());
            throw new ApiException(ErrorCode.RANGE_NOT_SATISFIABLE, "file.range_not_satisfiable");
        }
        ctx.contentType(file.contentType());
        ctx.header("Content-Disposition", ContentDisposition.header(file.contentType(), file.filename()));
        // should a browser render it after all, it runs nothing and reaches nothing
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ByteRange range = wanted instanceof ByteRange.Part part ? part.range() : new ByteRange(0, file.size() - 1);
        if (wanted instanceof ByteRange.Part) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + file.size());
        }
        ctx.res().setContentLengthLong(range.length());
        if (ctx.method() != HandlerType.HEAD) {
            ctx.result(found.content().open(range.first(), range.length()));
        }
    }

    private static boolean matchesAny(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static UUID fileId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException malformed) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "request.path_id");
        }
    }
}
