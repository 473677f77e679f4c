package com.capitalledger.api.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Counts and logs every request the service refuses (a 4xx answer): malformed (400), unauthenticated (401),
 * forbidden (403) and the rest, whether or not the refusal is also a journal entry (only a refused command's is).
 * One line each, under the request's correlation id: method, path, status, code, principal and address; never a
 * header, a query or a body, which may carry credentials. Metric: {@code ledger.requests.refused}, tagged with the
 * status, the problem's code and whether the journal recorded it.
 */
@Component
// Inside the correlation id's logging context, around Spring Security: its 401s and 403s are counted too.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RefusedRequests extends OncePerRequestFilter {

    /** The request attribute saying the refusal was recorded in the journal. */
    public static final String JOURNALED = RefusedRequests.class.getName() + ".journaled";
    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);
    private static final int MAX_PATH = 200;

    private final MeterRegistry meters;

    public RefusedRequests(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status < 400 || status > 499) {
            return;
        }
        Object answered = request.getAttribute(Problems.CODE);
        String code = answered != null ? answered.toString() : fallback(status);
        boolean journaled = request.getAttribute(JOURNALED) != null;
        Counter.builder("ledger.requests.refused").description("Requests the service refused (4xx), by status and code")
                .tag("status", Integer.toString(status)).tag("code", code).tag("journaled", Boolean.toString(journaled))
                .register(meters).increment();
        Object principal = request.getAttribute(Problems.PRINCIPAL);
        boolean replayed = response.getHeader(IdempotencyKeyHeader.REPLAYED) != null;
        log.info("Refused {} {}: {} {} (principal {}, from {}{})", request.getMethod(), path(request), status, code,
                principal == null ? "none" : principal, request.getRemoteAddr(),
                journaled ? ", journaled" : replayed ? ", the stored answer replayed" : "");
    }

    /** A problem without the ledger's code (one the container answered itself): its status's name. */
    private static String fallback(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP_" + status : known.name();
    }

    /** The path as sent, shortened, with anything that could forge a log line replaced. */
    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI();
        String shortened = path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "...";
        return shortened.replaceAll("[^\\x21-\\x7E]", "?");
    }
}
