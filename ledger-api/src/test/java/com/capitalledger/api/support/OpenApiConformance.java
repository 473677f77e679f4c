package com.capitalledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks an answer of the running service against what its OpenAPI document declares for the operation: the status
 * is declared, the content type is one of the status's, every required header is there and has its shape, no header
 * of the API's own is sent undeclared, and a JSON body has exactly the declared shape (every required property,
 * null only where nullable, no undeclared property, types, patterns, enums and formats). Patterns are searched, not
 * matched whole, as JSON Schema does: an unanchored pattern is as loose here as it is for a client.
 */
public final class OpenApiConformance {

    /** The API's own headers: sending one that the answer does not declare is a mismatch. */
    private static final Set<String> API_HEADERS = Set.of("etag", "location", "idempotency-replayed",
            "x-next-cursor", "retry-after", "x-correlation-id", "content-disposition", "ledger-position");

    private final JsonNode document;

    public OpenApiConformance(JsonNode document) {
        this.document = document;
    }

    /** Every way the answer departs from the document, empty when it conforms. */
    public List<String> check(String method, String pathTemplate, HttpResponse<String> response) {
        String where = method.toUpperCase(Locale.ROOT) + " " + pathTemplate + " -> " + response.statusCode();
        List<String> problems = new ArrayList<>();
        JsonNode operation = document.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            problems.add(where + ": no such operation in the document");
            return problems;
        }
        JsonNode declared = resolve(operation.path("responses").path(Integer.toString(response.statusCode())));
        if (declared.isMissingNode()) {
            problems.add(where + ": status not declared (declared: " + names(operation.path("responses")) + ")");
            return problems;
        }
        checkHeaders(where, declared.path("headers"), response, problems);
        String contentType = response.headers().firstValue("Content-Type").map(type -> type.split(";")[0].trim())
                .orElse(null);
        JsonNode content = declared.path("content");
        if (contentType == null || response.body().isEmpty()) {
            if (!content.isMissingNode() && !content.isEmpty() && !response.body().isEmpty()) {
                problems.add(where + ": a body without a content type");
            }
            return problems;
        }
        JsonNode media = content.path(contentType);
        if (media.isMissingNode()) {
            problems.add(where + ": content type " + contentType + " not declared (declared: " + names(content) + ")");
            return problems;
        }
        if (contentType.equals("application/x-ndjson")) {
            response.body().lines().filter(line -> !HttpClientSupport.parse(line).isObject()).findFirst()
                    .ifPresent(line -> problems.add(where + ": a line that is not a JSON object: " + line));
        } else if (contentType.equals("text/event-stream")) {
            response.body().lines().filter(line -> line.startsWith("data:"))
                    .filter(line -> !HttpClientSupport.parse(line.substring(5)).isObject()).findFirst()
                    .ifPresent(line -> problems.add(where + ": an event whose data is not a JSON object: " + line));
        } else if (contentType.equals("application/json") || contentType.endsWith("+json")) {
            conforms(where + " body", media.path("schema"), HttpClientSupport.json(response), problems);
        }
        return problems;
    }

    private void checkHeaders(String where, JsonNode declared, HttpResponse<String> response, List<String> problems) {
        for (Map.Entry<String, JsonNode> header : declared.properties()) {
            JsonNode definition = resolve(header.getValue());
            List<String> values = response.headers().allValues(header.getKey());
            if (values.isEmpty()) {
                if (definition.path("required").asBoolean(false)) {
                    problems.add(where + ": required header " + header.getKey() + " missing");
                }
                continue;
            }
            for (String value : values) {
                conformsText(where + " header " + header.getKey(), definition.path("schema"), value, problems);
            }
        }
        for (String name : response.headers().map().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (API_HEADERS.contains(lower) && !hasIgnoringCase(declared, lower)) {
                problems.add(where + ": header " + name + " sent but not declared");
            }
        }
    }

    /** A header's value against its schema: an integer header must read as one, a string one match its shape. */
    private void conformsText(String where, JsonNode schema, String value, List<String> problems) {
        schema = resolve(schema);
        if ("integer".equals(schema.path("type").asText())) {
            if (!value.matches("-?[0-9]+")) {
                problems.add(where + ": '" + value + "' is not an integer");
            }
            return;
        }
        checkString(where, schema, value, problems);
    }

    private void conforms(String where, JsonNode schema, JsonNode value, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("allOf") || schema.has("oneOf")) {
            if (value.isNull()) {
                if (!schema.path("nullable").asBoolean(false)) {
                    problems.add(where + ": null, not nullable");
                }
                return;
            }
            if (schema.has("oneOf")) {
                JsonNode choice = chosen(where, schema, value, problems);
                if (choice != null) {
                    conforms(where, choice, value, problems);
                }
            } else if (objects(schema.get("allOf"))) {
                // Object parts make one object between them: a property of one is declared for the others too.
                checkObject(where, merged(schema.get("allOf")), value, problems);
            } else {
                schema.get("allOf").forEach(part -> conforms(where, part, value, problems));
            }
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(where + ": null, not nullable");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(where, schema, value, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + ": " + kind(value) + ", declared an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    conforms(where + "[" + i + "]", schema.path("items"), value.get(i), problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(where + ": " + kind(value) + " " + value + ", declared a string");
                    return;
                }
                checkString(where, schema, value.asText(), problems);
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(where + ": " + kind(value) + " " + value + ", declared an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(where + ": " + kind(value) + " " + value + ", declared a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(where + ": " + kind(value) + " " + value + ", declared a boolean");
                }
            }
            default -> problems.add(where + ": the document declares no type");
        }
    }

    /** The one-of choice the value's discriminator names, or the only one it conforms to; null when none is. */
    private JsonNode chosen(String where, JsonNode schema, JsonNode value, List<String> problems) {
        JsonNode discriminator = schema.path("discriminator");
        if (discriminator.has("propertyName")) {
            String name = value.path(discriminator.get("propertyName").asText()).asText();
            JsonNode mapped = discriminator.path("mapping").path(name);
            if (mapped.isMissingNode()) {
                problems.add(where + ": '" + name + "' is not one of the discriminator's values "
                        + names(discriminator.path("mapping")));
                return null;
            }
            return document.at(mapped.asText().substring(1));
        }
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode choice : schema.get("oneOf")) {
            List<String> own = new ArrayList<>();
            conforms(where, choice, value, own);
            if (own.isEmpty()) {
                matching.add(choice);
            }
        }
        if (matching.size() != 1) {
            problems.add(where + ": conforms to " + matching.size() + " of the one-of choices, not exactly one");
            return null;
        }
        return matching.get(0);
    }

    private boolean objects(JsonNode parts) {
        for (JsonNode part : parts) {
            if (!"object".equals(resolve(part).path("type").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Object schemas as one: their properties and required properties together. */
    private JsonNode merged(JsonNode parts) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = merged.putObject("properties");
        ArrayNode required = merged.putArray("required");
        for (JsonNode part : parts) {
            JsonNode object = resolve(part);
            object.path("properties").properties().forEach(property -> properties.set(property.getKey(),
                    property.getValue()));
            object.path("required").forEach(required::add);
        }
        return merged;
    }

    private void checkObject(String where, JsonNode schema, JsonNode value, List<String> problems) {
        if (!value.isObject()) {
            problems.add(where + ": " + kind(value) + ", declared an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(where + ": required property " + required.asText() + " missing");
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String here = where + "." + field.getKey();
            if (properties.has(field.getKey())) {
                conforms(here, properties.get(field.getKey()), field.getValue(), problems);
            } else if (additional.isObject()) {
                conforms(here, additional, field.getValue(), problems);
            } else if (!properties.isMissingNode() || additional.isBoolean() && !additional.asBoolean()) {
                problems.add(here + ": property not declared");
            }
        }
    }

    private static void checkString(String where, JsonNode schema, String text, List<String> problems) {
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.asText().equals(text);
            }
            if (!listed) {
                problems.add(where + ": '" + text + "' is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            problems.add(where + ": '" + text + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
            problems.add(where + ": '" + text + "' is longer than " + schema.get("maxLength").asInt());
        }
        try {
            switch (schema.path("format").asText("")) {
                case "date" -> LocalDate.parse(text);
                case "date-time" -> Instant.parse(text);
                case "uuid" -> UUID.fromString(text);
                default -> {
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException malformed) {
            problems.add(where + ": '" + text + "' is not a " + schema.path("format").asText());
        }
    }

    /** A {@code $ref}'s target, or the node itself. */
    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static boolean hasIgnoringCase(JsonNode object, String lowerName) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (names.next().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return true;
            }
        }
        return false;
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
