package io.ticketdesk.adapters.http.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketdesk.adapters.http.i18n.Messages;
import io.ticketdesk.adapters.http.json.JsonMapping;
import io.ticketdesk.adapters.http.tracing.RequestTracing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The errors Jetty answers itself, before or around our routes (a malformed path, a URI or headers
 * too large, a body that never arrives, an unknown method): the same JSON envelope and request id
 * as every other error, instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final ObjectMapper JSON = JsonMapping.objectMapper();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException refused) {
            status = refused.getCode();
        }
        status = status >= 400 && status <= 599 ? status : 500;
        String id = RequestTracing.idFor(request.getHeaders().get(RequestTracing.HEADER));
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(RequestTracing.HEADER, id);
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        SecurityHeaders.API.forEach(headers::put);
        ACCESS.info("{} {} {} (refused by the server before routing) [{}]", safe(request.getMethod()),
                status, "-", id);
        response.write(true, ByteBuffer.wrap(body(status, request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE))),
                callback);
        return true;
    }

    /** Requests so malformed that no request object exists (a header block too large, a bad request line). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String id = RequestTracing.idFor(null);
        fields.put(new HttpField(RequestTracing.HEADER, id));
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        ACCESS.info("- - {} (malformed request) [{}]", status, id);
        return ByteBuffer.wrap(body(status, null));
    }

    private static byte[] body(int status, String acceptLanguage) {
        ErrorCode code = ErrorCode.forStatus(status);
        Messages messages = Messages.forAcceptLanguage(acceptLanguage);
        String key = "request.status." + status;
        String message = messages.has(key) ? messages.text(key) : messages.text("error." + code.name());
        try {
            return JSON.writeValueAsBytes(ErrorBody.of(code, message, List.of()));
        } catch (JsonProcessingException impossible) {
            return "{\"error\":{\"code\":\"BAD_REQUEST\",\"message\":\"Bad request\",\"details\":[]}}"
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String safe(String method) {
        return method != null && method.matches("[A-Z]{1,16}") ? method : "?";
    }
}
