package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.HandlerType;
import io.javalin.websocket.WsHandlerType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document: served, rendered, linted, and listing exactly the routes the service has. */
class OpenApiDocumentTest {

    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);

    private static DeskUnderTest desk;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void everyRouteOfTheServiceIsDocumentedAndEveryDocumentedRouteExists() {
        Set<String> registered = new TreeSet<>();
        desk.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> METHODS.contains(parsed.endpoint.method))
                .forEach(parsed -> registered.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path));
        desk.javalin().unsafe.internalRouter.allWsHandlers().stream()
                .filter(ws -> ws.getType() == WsHandlerType.WEBSOCKET)
                .forEach(ws -> registered.add("GET " + ws.getPath()));

        Set<String> documented = new TreeSet<>();
        forEachOperation((signature, operation) -> documented.add(signature));

        assertEquals(documented, registered);
    }

    @Test
    void theDocumentIsServedAsJsonAndYamlAndRenderedBySwaggerUiFromTheJar() throws Exception {
        DeskUnderTest.Response json = desk.get("/openapi.json", null);
        assertEquals(200, json.status());
        assertEquals("3.1.0", json.json().get("openapi").asText());
        assertTrue(json.json().at("/paths/~1api~1v1~1tickets~1{id}/get/responses").has("404"));
        assertEquals(DeskUnderTest.JSON.readTree(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(desk.get("/openapi.yaml", null).body()).toString()), json.json());

        DeskUnderTest.Response page = desk.get("/docs", null);
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.body().contains("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js"));
        assertTrue(desk.get("/docs/swagger-initializer.js", null).body().contains("url: \"/openapi.json\""));
        // the UI itself comes from the webjar inside the jar, not from a CDN
        HttpResponse<String> bundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                desk.uri("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().contains("SwaggerUIBundle"));
    }

    /** The lint: what swagger-parser reports, plus the house rules every operation must follow. */
    @Test
    void theDocumentPassesTheLint() {
        List<String> problems = new ArrayList<>(OpenApiContract.DOCUMENT.parserMessages());
        OpenAPI api = OpenApiContract.DOCUMENT.api();
        if (!"3.1.0".equals(api.getOpenapi())) {
            problems.add("not OpenAPI 3.1.0: " + api.getOpenapi());
        }
        Set<String> operationIds = new HashSet<>();
        Set<String> tags = new HashSet<>();
        api.getTags().forEach(tag -> tags.add(tag.getName()));
        forEachOperation((signature, operation) -> {
            Set<String> statuses = operation.getResponses().keySet();
            boolean api_v1 = signature.contains(" /api/v1/");
            boolean secured = operation.getSecurity() == null;
            if (operation.getOperationId() == null || !operationIds.add(operation.getOperationId())) {
                problems.add(signature + ": missing or duplicate operationId");
            }
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                problems.add(signature + ": no summary");
            }
            if (operation.getTags() == null || operation.getTags().isEmpty() || !tags.containsAll(operation.getTags())) {
                problems.add(signature + ": no tag, or one not declared at the top");
            }
            if (statuses.stream().noneMatch(s -> s.startsWith("2") || s.equals("101"))) {
                problems.add(signature + ": no success response");
            }
            if (secured && !statuses.containsAll(Set.of("401", "403"))) {
                problems.add(signature + ": behind the bearer token but without 401 and 403");
            }
            if (api_v1 && !statuses.contains("500")) {
                problems.add(signature + ": no 500");
            }
            if (operation.getRequestBody() != null && api_v1
                    && !statuses.containsAll(Set.of("400", "413", "422"))) {
                problems.add(signature + ": takes a body but lists no 400, 413 and 422");
            }
            if (api_v1 && signature.contains("{id}") && !statuses.contains("400")) {
                problems.add(signature + ": an id in the path but no 400 for a malformed one");
            }
            if (api_v1 && signature.contains("{id}") && !statuses.contains("404")) {
                problems.add(signature + ": an id in the path but no 404");
            }
        });
        assertEquals(List.of(), problems);
    }

    private static void forEachOperation(BiConsumer<String, Operation> action) {
        for (Map.Entry<String, PathItem> path : OpenApiContract.DOCUMENT.api().getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                action.accept(operation.getKey().name() + " " + path.getKey(), operation.getValue());
            }
        }
    }
}
