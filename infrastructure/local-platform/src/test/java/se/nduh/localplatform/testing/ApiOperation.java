package se.nduh.localplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation of an application's OpenAPI description ({@code /v3/api-docs}), for tests that try every
 * operation there is rather than the ones someone remembered.
 *
 * @param method          the HTTP method, upper case
 * @param path            the path template, e.g. {@code /api/v1/regions/{region}/needs/{id}}
 * @param queryParameters the names of its query parameters
 * @param bodyProperties  the top-level properties of its JSON request body and their JSON types ({@code $ref}s resolved)
 */
public record ApiOperation(String method, String path, List<String> queryParameters, Map<String, String> bodyProperties) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<ApiOperation> of(WebTestClient web) {
        JsonNode api;
        try {
            api = JSON.readTree(web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ApiOperation> operations = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            List<String> query = new ArrayList<>();
            operation.getValue().path("parameters").forEach(parameter -> {
                if ("query".equals(parameter.path("in").asText())) {
                    query.add(parameter.path("name").asText());
                }
            });
            Map<String, String> properties = new LinkedHashMap<>();
            JsonNode schema = resolve(api, operation.getValue().path("requestBody").path("content").path("application/json").path("schema"));
            schema.path("properties").fields().forEachRemaining(property ->
                    properties.put(property.getKey(), resolve(api, property.getValue()).path("type").asText("object")));
            operations.add(new ApiOperation(operation.getKey().toUpperCase(), path.getKey(), query, properties));
        }));
        return operations;
    }

    /** The path with {@code {region}} as given and every other path variable as {@code id}. */
    public String uri(String region, String id) {
        return path.replace("{region}", region).replaceAll("\\{[^}]+}", id);
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/") ? api.at(ref.substring(1)) : schema;
    }
}
