package com.capitalledger.api.security;

import com.capitalledger.api.web.ProblemWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityProblemsTest {

    // Configured as Spring configures the service's mapper (it adds the mix-in that flattens a problem's properties).
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    // No 403 here, so no command's refusal to record.
    private final SecurityProblems problems = new SecurityProblems(new ProblemWriter(json), true, null);

    @Test
    void anIdentityProviderThatCannotBeReachedIsA503ToRetryNotA500() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.bearerFailure(new MockHttpServletRequest("GET", "/api/v1/programs/P/positions"), response,
                new AuthenticationServiceException("Couldn't retrieve remote JWK set"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("code").asText()).isEqualTo("AUTHENTICATION_UNAVAILABLE");
        assertThat(problem.get("detail").asText()).doesNotContain("JWK set");
    }

    @Test
    void aBadTokenIsA401WithABearerChallenge() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.bearerFailure(new MockHttpServletRequest("GET", "/api/v1/programs/P/positions"), response,
                new InvalidBearerTokenException("expired"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaders("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(json.readTree(response.getContentAsString()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aThrottledSignInIsA429WithRetryAfterAndNoChallenge() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.addHeader("Authorization", "Basic dHJlYXN1cnk6d3Jvbmc=");
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.commence(request, response, new SignInThrottled("too many failed sign-ins from this address: "
                + "retry after 42 s", 42));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("42");
        assertThat(response.getHeaders("WWW-Authenticate")).isEmpty();
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(problem.get("detail").asText())
                .isEqualTo("too many failed sign-ins from this address: retry after 42 s");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/me");
    }
}
