package com.capitalledger.api.openapi;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event feed's AsyncAPI document is served beside the OpenAPI document, as it is: YAML with its media type, to
 * anyone signed in (an investor too, as the OpenAPI document), to no one else; and the OpenAPI document points to it.
 */
class AsyncApiDocumentIT extends IntegrationTest {

    @Test
    void anyoneSignedInGetsTheDocumentAsYaml() throws IOException {
        String packaged;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("static/asyncapi.yaml")) {
            packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (TestUsers user : TestUsers.values()) {
            HttpResponse<String> response = http(user).get(AsyncApiDocument.PATH);

            assertThat(response.statusCode()).as(user.name()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(user.name()).hasValueSatisfying(type ->
                    assertThat(type).startsWith(AsyncApiDocument.MEDIA_TYPE));
            assertThat(response.body()).as(user.name()).isEqualTo(packaged);
        }
        JsonNode document = new YAMLMapper().readTree(packaged);
        assertThat(document.get("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void anAnonymousCallerIsAskedToSignIn() {
        HttpResponse<String> response = anonymous().get(AsyncApiDocument.PATH);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theOpenApiDocumentNamesIt() {
        String description = json(http().get("/v3/api-docs")).at("/info/description").asText();

        assertThat(description).contains("AsyncAPI 3.0 document at " + AsyncApiDocument.PATH);
    }
}
