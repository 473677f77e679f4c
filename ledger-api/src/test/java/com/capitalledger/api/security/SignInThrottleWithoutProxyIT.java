package com.capitalledger.api.security;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as it runs by default, not behind a proxy: a client cannot choose the address its failed sign-ins count
 * under by sending {@code X-Forwarded-For}. The context names the default strategy off a cloud platform, {@code none},
 * so that the test means the same where Spring Boot detects one (Kubernetes, ...) and would turn {@code native} on by
 * itself. ({@code spring.main.cloud-platform=none} would not do: Spring Boot 3.5 then turns it on too.)
 * {@link SignInThrottleIT} runs the service behind a proxy.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"ledger.test.context=sign-in-throttle-without-proxy",
        "server.forward-headers-strategy=none", "ledger.security.sign-in.failures-per-user-and-address=3",
        "ledger.security.sign-in.failures-per-address=6"})
class SignInThrottleWithoutProxyIT extends IntegrationTest {

    @Test
    void forwardedAddressesAreNotBelievedAndTheFailuresCountUnderTheConnectionsAddress(CapturedOutput output) {
        HttpClientSupport client = new HttpClientSupport("http://127.0.0.1:" + port);
        // Six names from six claimed addresses: had the header been believed, no address would have six failures.
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> refused = client.get("/api/v1/me", "Authorization", basic("guess-" + i),
                    "X-Forwarded-For", "198.51.100." + (10 + i));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }

        // Nor does claiming yet another address get the throttled client its checks back.
        HttpResponse<String> throttled = client.get("/api/v1/me", "Authorization", TestUsers.ANALYST.basic(),
                "X-Forwarded-For", "198.51.100.9");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(json(throttled).get("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(json(throttled).get("detail").asText()).startsWith("too many failed sign-ins from this address");
        assertThat(output.getOut().lines().filter(line -> line.contains("Sign-in throttled"))).singleElement()
                .asString().contains("Sign-in throttled: 6 failed sign-ins from 127.0.0.1 within 60 s");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":password").getBytes(StandardCharsets.UTF_8));
    }
}
