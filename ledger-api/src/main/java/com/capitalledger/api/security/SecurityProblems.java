package com.capitalledger.api.security;

import com.capitalledger.api.command.Refusals;
import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * 401 and 403 as problem+json, with the challenge a client needs and, for 403, the role it lacks (and, on an
 * investor's document, the investor the caller is bound to); 429 for a sign-in refused unchecked after too many
 * failures. A command refused with 403 (a role that may not send it: the segregation of duties at work) is recorded in
 * the journal and the audit trail like any refused command.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {


    private final ProblemWriter problems;
    private final boolean bearer;
    private final Refusals refusals;

    SecurityProblems(ProblemWriter problems, boolean bearer, Refusals refusals) {
        this.problems = problems;
        this.bearer = bearer;
        this.refusals = refusals;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof SignInThrottled throttled) {
            // No challenge: credentials sent now would not be checked, so nothing should prompt for them.
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ProblemCode.TOO_MANY_ATTEMPTS, throttled.getMessage());
            return;
        }
        // A script that signs in itself (the console) says so, as Spring Security's own convention has it: a Basic
        // challenge would make the browser open its own sign-in dialog over the page (or, headless, wait on it).
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"capital-ledger\", charset=\"UTF-8\"");
        }
        if (bearer) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, failure instanceof InvalidBearerTokenException
                    ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        String detail;
        if (failure instanceof InvalidBearerTokenException invalid) {
            detail = "the bearer token was not accepted: " + invalid.getMessage();
        } else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            detail = "the credentials were not accepted";
        } else {
            detail = "authentication required: HTTP Basic" + (bearer ? " or a bearer token" : "");
        }
        problems.write(request, response, HttpStatus.UNAUTHORIZED, ProblemCode.UNAUTHENTICATED, detail);
    }

    /**
     * A bearer token that could not be checked because the identity provider's keys could not be fetched is not the
     * client's fault: 503 with Retry-After, not the framework's 500. Any other failure is a 401.
     */
    void bearerFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.AUTHENTICATION_UNAVAILABLE,
                    "the bearer token cannot be checked now: the identity provider's keys are unavailable; retry");
            return;
        }
        commence(request, response, failure);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String name = who == null ? "the caller" : who.getName();
        String held = who == null ? "" : who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .sorted().collect(Collectors.joining(", "));
        String detail = name + " (roles: " + (held.isEmpty() ? "none" : held) + ") may not " + request.getMethod()
                + " this resource; " + AccessRules.refusal(who, request);
        if (who != null) {
            refusals.record(request, response, who.getName(), null, HttpStatus.FORBIDDEN.value(),
                    ProblemCode.FORBIDDEN.name(), detail);
        }
        problems.write(request, response, HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN, detail);
    }
}
