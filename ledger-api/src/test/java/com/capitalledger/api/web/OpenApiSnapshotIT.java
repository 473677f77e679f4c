package com.capitalledger.api.web;

import com.capitalledger.api.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI snapshot ({@code ledger-api/openapi/ledger-v1.json}) is the document the service serves.
 * The build generates a Java client from the snapshot and drives the service with it ({@code GeneratedClientIT}),
 * so a document that drifts from the wire fails there, and a snapshot that drifts from the document fails here.
 * After a deliberate change of the API: {@code ./mvnw -pl ledger-api -am verify -Dit.test=OpenApiSnapshotIT
 * -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.snapshot=update}, then review and commit the diff.
 * Refresh it before adapting {@code GeneratedClientIT}: the tests compile against the client of the snapshot.
 */
class OpenApiSnapshotIT extends IntegrationTest {

    static final Path SNAPSHOT = Path.of("openapi", "ledger-v1.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theSnapshotIsTheServedDocument() throws IOException {
        HttpResponse<String> response = http().get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode served = json(response);
        if ("update".equals(System.getProperty("openapi.snapshot"))) {
            Files.writeString(SNAPSHOT, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
        }

        JsonNode committed = JSON.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));

        assertThat(differences("", committed, served))
                .as("%s differs from the served /v3/api-docs; if the API changed on purpose, update it with "
                        + "-Dopenapi.snapshot=update (see this test's comment) and commit it", SNAPSHOT)
                .isEmpty();
    }

    /** JSON pointers where the two documents differ, at most 30. */
    private static List<String> differences(String at, JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        collect(at, expected, actual, found);
        return found.size() > 30 ? found.subList(0, 30) : found;
    }

    private static void collect(String at, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String here = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    found.add(here + ": only served");
                } else if (!actual.has(name)) {
                    found.add(here + ": only in the snapshot");
                } else {
                    collect(here, expected.get(name), actual.get(name), found);
                }
            }
            return;
        }
        found.add(at + ": snapshot " + shortened(expected) + ", served " + shortened(actual));
    }

    private static String shortened(JsonNode node) {
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
