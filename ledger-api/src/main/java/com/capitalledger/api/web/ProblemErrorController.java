package com.capitalledger.api.web;

import com.capitalledger.projections.support.DatabaseFailures;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error dispatch ({@code /error}): a failure that escaped every filter and handler still
 * leaves as a problem with a code and the request's correlation id, never Spring Boot's default body. A database that
 * cannot be reached is a 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After}.
 */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    /**
     * Answers whatever the request accepts: a problem's status and code must not depend on its Accept header (a
     * mapping that produced only problem+json answered a client accepting application/json 406, "never retry",
     * where the failure was a 503 to retry). Each answer names its own media type.
     */
    @RequestMapping(path = "/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (failure != null && DatabaseFailures.unavailable(failure)) {
            log.warn("The database could not be reached: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(ProblemHandler.DATABASE_RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.DATABASE_UNAVAILABLE,
                            ProblemHandler.DATABASE_UNAVAILABLE, request));
        }
        if (status.is5xxServerError()) {
            log.error("Unexpected failure", failure);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(status, ProblemCode.INTERNAL_ERROR, ProblemHandler.INTERNAL_ERROR, request));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, ProblemCode.forStatus(status.value()), status.getReasonPhrase(),
                request));
    }
}
