package io.ticketdesk.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.ticketdesk.adapters.http.docs.ApiDocsController;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The OpenAPI document the service serves, read with swagger-parser, and every answer the
 * end-to-end tests receive checked against it: the route and method must be documented, the
 * status listed for that operation, the content type one it declares, and a JSON body valid
 * against its schema (JSON Schema 2020-12, formats asserted).
 */
final class OpenApiContract {

    static final OpenApiContract DOCUMENT = load();

    private static final String DOCUMENT_URI = "https://ticketdesk.test/openapi.json";

    private final OpenAPI api;
    private final List<String> parserMessages;
    private final List<Route> routes;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** A documented path, with the pattern that matches concrete paths. */
    record Route(String template, Pattern pattern, PathItem item) {
        static Route of(String template, PathItem item) {
            String regex = Pattern.compile("\\{[^/}]+}").splitAsStream(template)
                    .map(Pattern::quote).collect(Collectors.joining("[^/]+"));
            if (template.endsWith("}")) {
                regex += "[^/]+";
            }
            return new Route(template, Pattern.compile(regex), item);
        }

        long parameters() {
            return template.chars().filter(c -> c == '{').count();
        }
    }

    private OpenApiContract(OpenAPI api, List<String> parserMessages, String json) {
        this.api = api;
        this.parserMessages = parserMessages;
        this.routes = api.getPaths().entrySet().stream()
                .map(e -> Route.of(e.getKey(), e.getValue()))
                // a literal segment wins over a parameter: /files/upload before /files/{id}
                .sorted(Comparator.comparingLong(Route::parameters))
                .toList();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(Map.of(DOCUMENT_URI, json))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    private static OpenApiContract load() {
        String yaml = resource(ApiDocsController.DOCUMENT);
        ParseOptions options = new ParseOptions();
        options.setValidateInternalRefs(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        if (parsed.getOpenAPI() == null) {
            throw new AssertionError("the OpenAPI document does not parse: " + parsed.getMessages());
        }
        try {
            String json = new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(yaml));
            return new OpenApiContract(parsed.getOpenAPI(), List.copyOf(parsed.getMessages()), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OpenAPI api() {
        return api;
    }

    /** What swagger-parser found wrong with the document (empty when it is sound). */
    List<String> parserMessages() {
        return parserMessages;
    }

    /** Checks an answer received as text (or nothing, for HEAD). */
    void check(String method, String pathAndQuery, int status, Optional<String> contentType, String body) {
        String path = pathAndQuery.split("\\?", 2)[0];
        String call = method + " " + path + " → " + status;
        Optional<Route> route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst();
        Operation operation = route.map(r -> operation(r.item(), method)).orElse(null);
        if (operation == null) {
            if (method.equals("OPTIONS") && status == 204 && (body == null || body.isEmpty())) {
                return; // the methods of a known path, in Allow (docs/decisions.md, issue 14)
            }
            // no such route or method: the framework's 404/405, still in the error envelope
            if (status != 404 && status != 405) {
                throw new AssertionError(call + ": the OpenAPI document has no " + method + " " + path);
            }
            validateJson(call, "/components/schemas/Error", body);
            return;
        }
        String template = route.get().template();
        ApiResponse response = operation.getResponses().get(String.valueOf(status));
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        if (response == null) {
            throw new AssertionError(call + ": the OpenAPI document does not list " + status + " for " + method + " "
                    + template + " (it lists " + operation.getResponses().keySet() + ")\n" + body);
        }
        if (response.get$ref() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            response = api.getComponents().getResponses().get(name);
            pointer = "/components/responses/" + escape(name);
        }
        Content content = response.getContent();
        if (content == null || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                throw new AssertionError(call + ": documented without a body, but one came: " + body);
            }
            return;
        }
        if (method.equals("HEAD")) {
            return;
        }
        String type = contentType.map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        String declared = content.keySet().stream()
                .filter(t -> t.equals(type) || t.equals("*/*") || (t.endsWith("/*")
                        && type.startsWith(t.substring(0, t.length() - 1))))
                .findFirst()
                .orElseThrow(() -> new AssertionError(call + ": answered as \"" + type + "\", the document declares "
                        + content.keySet()));
        if (declared.equals("application/json")) {
            validateJson(call, pointer + "/content/" + escape(declared) + "/schema", body);
        }
    }

    /** Checks only that the status is one the document lists (a refused WebSocket upgrade shows no body). */
    void checkStatus(String method, String path, int status) {
        Operation operation = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst()
                .map(r -> operation(r.item(), method))
                .orElseThrow(() -> new AssertionError("the OpenAPI document has no " + method + " " + path));
        if (!operation.getResponses().containsKey(String.valueOf(status))) {
            throw new AssertionError(method + " " + path + " → " + status + ": not listed in the OpenAPI document");
        }
    }

    /** Checks an answer as the JDK client returned it; bytes are checked as text when they are JSON. */
    <T> HttpResponse<T> check(String method, String path, HttpResponse<T> response) {
        Object body = response.body();
        String text = body instanceof byte[] bytes
                ? (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    ? new String(bytes, StandardCharsets.UTF_8) : "")
                : body == null ? "" : body.toString();
        check(method, path, response.statusCode(), response.headers().firstValue("Content-Type"), text);
        return response;
    }

    private void validateJson(String call, String pointer, String body) {
        Schema schema = schemas.computeIfAbsent(pointer,
                p -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p)));
        List<Error> errors = schema.validate(body == null || body.isEmpty() ? "null" : body, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError(call + ": the body does not match the OpenAPI document at " + pointer + ":\n  "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("\n  ")) + "\n" + body);
        }
    }

    static Operation operation(PathItem item, String method) {
        return switch (method) {
            case "GET" -> item.getGet();
            case "POST" -> item.getPost();
            case "PUT" -> item.getPut();
            case "DELETE" -> item.getDelete();
            case "HEAD" -> item.getHead();
            case "PATCH" -> item.getPatch();
            case "OPTIONS" -> item.getOptions();
            default -> null;
        };
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
