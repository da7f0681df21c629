package io.ticketdesk.adapters.telegram.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Bot API over {@code java.net.http}: {@code {base}/bot{token}/{method}} with a JSON body, and
 * {@code {base}/file/bot{token}/{path}} for downloads. Every answer comes back sorted (an
 * {@link ApiAnswer}), never as an exception; the token appears in no message this class makes.
 */
public final class TelegramBotApi {

    /** How long an ordinary call may take; long polls get their own timeout plus this. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Telegram serves files to bots up to this size. */
    public static final long MAX_DOWNLOAD_BYTES = 20L * 1024 * 1024;
    /** The method name file downloads are counted under (they are no Bot API method). */
    public static final String DOWNLOAD = "download";

    private final String base;
    private final String token;
    private final HttpClient http;
    private final CallObserver observer;

    public TelegramBotApi(URI baseUrl, String token) {
        this(baseUrl, token, CallObserver.NONE);
    }

    /** {@code observer} hears the outcome of every call, download included. */
    public TelegramBotApi(URI baseUrl, String token, CallObserver observer) {
        String url = baseUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.observer = observer;
    }

    /** Calls {@code method} with {@code parameters} (a record, a map or a JSON tree) as its JSON body. */
    public ApiAnswer call(String method, Object parameters) {
        return call(method, parameters, CALL_TIMEOUT);
    }

    public ApiAnswer call(String method, Object parameters, Duration timeout) {
        byte[] body;
        try {
            body = BotApiJson.mapper().writeValueAsBytes(parameters == null ? Map.of() : parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters of " + method + " do not serialize", e);
        }
        HttpRequest request = HttpRequest.newBuilder(methodUri(method))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(method, request);
    }

    /** Sends a file as {@code multipart/form-data}: the plain {@code fields}, and the file under {@code fileField}. */
    public ApiAnswer upload(String method, Map<String, String> fields, String fileField, String filename,
                            String contentType, byte[] content) {
        String boundary = "ticketdesk-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 1024);
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + filename.replace("\"", "'").replace("\r", "").replace("\n", "") + "\"\r\nContent-Type: "
                + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(methodUri(method))
                .timeout(CALL_TIMEOUT.multipliedBy(6))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return send(method, request);
    }

    /**
     * As {@link #upload(String, Map, String, String, String, byte[])}, the file's {@code size} bytes
     * streamed from {@code content} (opened anew if the request is sent again), never held whole.
     */
    public ApiAnswer upload(String method, Map<String, String> fields, String fileField, String filename,
                            String contentType, long size, java.util.function.Supplier<InputStream> content) {
        String boundary = "ticketdesk-" + UUID.randomUUID();
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        fields.forEach((name, value) -> write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + filename.replace("\"", "'").replace("\r", "").replace("\n", "") + "\"\r\nContent-Type: "
                + contentType.replace("\r", "").replace("\n", "") + "\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(methodUri(method))
                .timeout(CALL_TIMEOUT.multipliedBy(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()),
                        size > 0 ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(content), size)
                                : HttpRequest.BodyPublishers.noBody(),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return send(method, request);
    }

    /** {@code getUpdates} as a long poll of {@code timeoutSeconds}. */
    public ApiAnswer getUpdates(long offset, int timeoutSeconds, List<String> allowedUpdates) {
        return call("getUpdates", Map.of("offset", offset, "timeout", timeoutSeconds, "limit", 100,
                "allowed_updates", allowedUpdates), Duration.ofSeconds(timeoutSeconds).plus(CALL_TIMEOUT));
    }

    /**
     * Downloads a file {@code getFile} described, refusing more than {@code maxBytes}.
     *
     * @throws IOException on a network failure, a non-200 answer or a file over the limit
     */
    public byte[] download(String filePath, long maxBytes) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/file/bot" + token + "/" + encodePath(filePath)))
                .timeout(CALL_TIMEOUT.multipliedBy(6))
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            observer.answered(DOWNLOAD, "network");
            throw new IOException("download failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            observer.answered(DOWNLOAD, "network");
            throw new IOException("download interrupted");
        }
        int status = response.statusCode();
        observer.answered(DOWNLOAD, status == 200 ? "ok" : status == 429 ? "rate_limited"
                : status >= 400 && status < 500 ? "other_4xx" : "server_error");
        try (InputStream in = response.body()) {
            if (status != 200) {
                throw new IOException("download answered HTTP " + status);
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IOException("file larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    private ApiAnswer send(String method, HttpRequest request) {
        ApiAnswer answer = answer(method, request);
        observer.answered(method, answer.outcome());
        return answer;
    }

    private ApiAnswer answer(String method, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return ApiAnswer.classify(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            // the exception's own message may carry the URL, and so the token: only its kind is kept
            return ApiAnswer.unavailable(method + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiAnswer.unavailable(method + ": interrupted");
        }
    }

    private URI methodUri(String method) {
        if (!method.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("not a Bot API method name: " + method);
        }
        return URI.create(base + "/bot" + token + "/" + method);
    }

    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String part : path.split("/", -1)) {
            if (encoded.length() > 0) {
                encoded.append('/');
            }
            encoded.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return encoded.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "TelegramBotApi[" + base + "]";
    }

    /** A short id for the bot, safe to log: the numeric part of the token. */
    public String botId() {
        int colon = token.indexOf(':');
        return colon > 0 ? token.substring(0, colon) : "?";
    }
}
