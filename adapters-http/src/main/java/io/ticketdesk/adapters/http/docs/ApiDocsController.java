package io.ticketdesk.adapters.http.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.ticketdesk.adapters.http.Access;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /openapi.json}, {@code /openapi.yaml} and {@code /docs}: the API description written by
 * hand in {@value #DOCUMENT} (kept true by the end-to-end tests), and Swagger UI from its webjar.
 */
public final class ApiDocsController {

    /** The document on the classpath; tests read the same resource. */
    public static final String DOCUMENT = "openapi/openapi.yaml";
    public static final String SWAGGER_UI = "/webjars/swagger-ui/5.34.1";

    private final byte[] yaml;
    private final byte[] json;
    private final byte[] page;
    private final byte[] initializer;

    private ApiDocsController(byte[] yaml, byte[] json, byte[] page, byte[] initializer) {
        this.yaml = yaml;
        this.json = json;
        this.page = page;
        this.initializer = initializer;
    }

    /** Reads and converts the document once; a document that is not valid YAML stops the start. */
    public static ApiDocsController load() {
        byte[] yaml = resource(DOCUMENT);
        try {
            JsonNode document = new YAMLMapper().readTree(yaml);
            byte[] json = new ObjectMapper().writeValueAsBytes(document);
            String page = new String(resource("docs/index.html"), StandardCharsets.UTF_8)
                    .replace("{{SWAGGER_UI}}", SWAGGER_UI);
            return new ApiDocsController(yaml, json, page.getBytes(StandardCharsets.UTF_8),
                    resource("docs/swagger-initializer.js"));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document " + DOCUMENT + " is not valid YAML", e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> send(ctx, "application/json", json), Access.PUBLIC);
        routes.get("/openapi.yaml", ctx -> send(ctx, "application/yaml", yaml), Access.PUBLIC);
        routes.get("/docs", ctx -> send(ctx, "text/html; charset=utf-8", page), Access.PUBLIC);
        routes.get("/docs/swagger-initializer.js", ctx -> send(ctx, "text/javascript", initializer), Access.PUBLIC);
    }

    private static void send(Context ctx, String contentType, byte[] body) {
        ctx.contentType(contentType).result(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }
}
