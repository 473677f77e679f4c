package com.capitalledger.api.security;

import com.capitalledger.api.console.Browser;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bearer tokens from an identity provider: the service fetches the provider's JWK set over real HTTP (a small JDK
 * server here), checks signatures and expiry, takes roles from the {@code roles} claim and records the token's
 * subject as the actor. Basic users keep working alongside.
 */
@DirtiesContext
class JwtResourceServerIT extends IntegrationTest {

    private static final String LEDGER = "capital-ledger";
    private static final KeyPair TRUSTED = rsa();
    private static final KeyPair UNKNOWN = rsa();
    private static final HttpServer JWKS = jwks();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + JWKS.getAddress().getPort() + "/jwks.json");
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> LEDGER);
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] keys = new JWKSet(new RSAKey.Builder((RSAPublicKey) TRUSTED.getPublic()).keyID("trusted").build())
                    .toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                exchange.getResponseBody().write(keys);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token(KeyPair key, String subject, Object roles, Instant expiry, String audience) {
        return token(key, subject, roles, expiry, audience, null);
    }

    private static String token(KeyPair key, String subject, Object roles, Instant expiry, String audience,
                                Object investorId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("trusted").build(),
                    new JWTClaimsSet.Builder().subject(subject).claim("roles", roles).audience(audience)
                            .claim("investor_id", investorId)
                            .issueTime(new Date()).expirationTime(Date.from(expiry)).build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpClientSupport bearer(KeyPair key, String subject, Object roles, Instant expiry) {
        return bearer(key, subject, roles, expiry, LEDGER);
    }

    private HttpClientSupport bearer(KeyPair key, String subject, Object roles, Instant expiry, String audience) {
        return new HttpClientSupport("http://localhost:" + port, token(key, subject, roles, expiry, audience));
    }

    private HttpClientSupport investor(String subject, Object roles, Object investorId) {
        return new HttpClientSupport("http://localhost:" + port,
                token(TRUSTED, subject, roles, inAnHour(), LEDGER, investorId));
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    @Test
    void aTreasuryTokenPostsCommandsAndItsSubjectIsRecordedAsTheActor() {
        HttpResponse<String> created = bearer(TRUSTED, "treasury-system-7", List.of("TREASURY"), inAnHour())
                .postJson("/api/v1/programs", """
                        {"programId":"JWT-IT","name":"Tokens","currency":"USD","targetAmount":"1000000.00",
                         "maxDebtPct":"80","effectiveDate":"2025-01-01"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        awaitReadModels();

        JsonNode entries = json(http(TestUsers.COMPLIANCE).get("/api/v1/audit/entries?programId=JWT-IT"))
                .get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor").asText()).isEqualTo("treasury-system-7");
    }

    @Test
    void theConsoleSignsInWithATokenAndShowsTheTokensRolesPages() {
        assertThat(json(bearer(TRUSTED, "auditor-7", List.of("COMPLIANCE"), inAnHour()).get("/api/v1/me")).toString())
                .isEqualTo("{\"name\":\"auditor-7\",\"roles\":[\"COMPLIANCE\"]}");
        try (Browser browser = new Browser(1280, 800)) {
            browser.driver.get("http://localhost:" + port + "/console#journal");
            browser.find("#token").sendKeys(token(UNKNOWN, "forger", List.of("ADMIN"), inAnHour(), LEDGER)
                    .substring("Bearer ".length()), Keys.ENTER);
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.find("#sign-in-error").getText()
                    .equals("That token was not accepted."));
            assertThat(browser.find("#nav").isDisplayed()).isFalse();

            browser.find("#token").clear();
            browser.find("#token").sendKeys(token(TRUSTED, "auditor-7", List.of("COMPLIANCE"), inAnHour(), LEDGER),
                    Keys.ENTER);
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.find("#who").getText()
                    .equals("auditor-7 (COMPLIANCE)"));
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.find("#digest-signature").getText()
                    .endsWith(": valid."));
            assertThat(browser.all("#nav a").stream().filter(WebElement::isDisplayed)
                    .map(link -> link.getAttribute("data-page")).toList())
                    .containsExactly("stack", "history", "cashflows", "investor", "timeline", "whatif", "journal");
        }
    }

    @Test
    void rolesComeFromTheTokenAndUnknownRoleNamesGrantNothing() {
        HttpClientSupport analyst = bearer(TRUSTED, "analyst-7", List.of("ANALYST", "SUPERUSER"), inAnHour());
        assertThat(analyst.get("/api/v1/programs/NONE/positions").statusCode()).isEqualTo(404);
        HttpResponse<String> refused = analyst.postJson("/api/v1/programs", "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("code").asText()).isEqualTo("FORBIDDEN");

        HttpClientSupport nobody = bearer(TRUSTED, "intruder", List.of("SUPERUSER", "admin", "Treasury"), inAnHour());
        assertThat(nobody.get("/api/v1/programs/NONE/positions").statusCode())
                .as("role names match exactly: an identity provider's generic admin is not the ledger's ADMIN")
                .isEqualTo(403);

        HttpClientSupport spaceSeparated = bearer(TRUSTED, "analyst-8", "ANALYST COMPLIANCE", inAnHour());
        assertThat(spaceSeparated.get("/api/v1/audit/entries?programId=NONE").statusCode()).isEqualTo(200);
    }

    @Test
    void expiredForeignOverPrivilegedMisaddressedAndImpersonatingTokensAreRefused() {
        List<HttpClientSupport> refused = List.of(
                bearer(TRUSTED, "late", List.of("TREASURY"), Instant.now().minus(Duration.ofHours(1))),
                bearer(UNKNOWN, "forger", List.of("TREASURY"), inAnHour()),
                bearer(TRUSTED, "root", List.of("ADMIN", "TREASURY"), inAnHour()),
                investor("insider", List.of("INVESTOR", "ANALYST"), "SOFTBANK"),
                bearer(TRUSTED, "elsewhere", List.of("TREASURY"), inAnHour(), "another-application"),
                bearer(TRUSTED, "Treasury", List.of("TREASURY"), inAnHour()),
                bearer(TRUSTED, " ", List.of("TREASURY"), inAnHour()),
                new HttpClientSupport("http://localhost:" + port, "Bearer not-a-jwt"));
        for (HttpClientSupport client : refused) {
            HttpResponse<String> response = client.get("/api/v1/programs/NONE/positions");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(json(response).get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(response.headers().allValues("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void anInvestorTokenIsBoundToTheInvestorItsClaimNames() {
        HttpClientSupport softbank = investor("softbank-portal", List.of("INVESTOR"), "SOFTBANK");
        assertThat(json(softbank.get("/api/v1/me")).toString())
                .isEqualTo("{\"name\":\"softbank-portal\",\"roles\":[\"INVESTOR\"],\"investorId\":\"SOFTBANK\"}");
        // Its own statement passes authorisation, and the ledger answers: there is no program NONE.
        HttpResponse<String> own = softbank.get("/api/v1/programs/NONE/investors/SOFTBANK/capital-account");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(404);
        assertThat(json(own).get("code").asText()).isEqualTo("NO_PROGRAM");
        HttpResponse<String> others = softbank.get("/api/v1/programs/NONE/capital-calls/C1/notices/OPENAI");
        assertThat(others.statusCode()).isEqualTo(403);
        assertThat(json(others).get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(json(others).get("detail").asText()).endsWith("softbank-portal is bound to investor SOFTBANK");
        assertThat(softbank.get("/api/v1/programs/NONE/positions").statusCode()).isEqualTo(403);
    }

    @Test
    void anInvestorTokenWithoutAnInvestorIsRefusedEverything() {
        for (Object investorId : new Object[]{null, "", "not an id", List.of("SOFTBANK")}) {
            HttpClientSupport unbound = investor("somebody", List.of("INVESTOR"), investorId);
            for (String path : List.of("/api/v1/me", "/v3/api-docs",
                    "/api/v1/programs/NONE/investors/SOFTBANK/capital-account", "/api/v1/programs/NONE/positions")) {
                HttpResponse<String> refused = unbound.get(path);
                assertThat(refused.statusCode()).as(investorId + " " + path).isEqualTo(403);
                assertThat(json(refused).get("detail").asText()).as(path).isEqualTo("somebody (roles: INVESTOR) may "
                        + "not GET this resource; somebody is an INVESTOR bound to no investor id, which may read "
                        + "nothing");
            }
        }
    }

    @Test
    void theInvestorClaimBindsOnlyAnInvestor() {
        HttpClientSupport analyst = investor("analyst-9", List.of("ANALYST"), "SOFTBANK");
        assertThat(json(analyst.get("/api/v1/me")).toString())
                .isEqualTo("{\"name\":\"analyst-9\",\"roles\":[\"ANALYST\"]}");
        assertThat(analyst.get("/api/v1/programs/NONE/positions").statusCode()).isEqualTo(404);
    }

    @Test
    void anAnonymousCallerIsOfferedBothBasicAndBearer() {
        HttpResponse<String> response = anonymous().get("/api/v1/programs/NONE/positions");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .anyMatch(challenge -> challenge.startsWith("Basic")).contains("Bearer");
        assertThat(http(TestUsers.ANALYST).get("/api/v1/programs/NONE/positions").statusCode()).isEqualTo(404);
    }
}
