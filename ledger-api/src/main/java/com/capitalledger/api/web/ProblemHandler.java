package com.capitalledger.api.web;

import com.capitalledger.projections.support.DatabaseFailures;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.core.whatif.InvalidChange;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * Every error leaves as RFC 9457 {@code application/problem+json} with a stable {@code code}, the request's
 * {@code correlationId} and, for validation, the offending fields. No stack trace ever reaches a client.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final long DATABASE_RETRY_AFTER_SECONDS = 2;
    static final String DATABASE_UNAVAILABLE = "The ledger's database cannot be reached at the moment. Retry after the "
            + "time given in Retry-After, with the same Idempotency-Key: a command is never recorded twice.";
    static final String INTERNAL_ERROR = "The ledger could not complete the request; nothing was recorded. Quote the "
            + "correlation id to support.";

    @ExceptionHandler(LedgerRejection.class)
    ResponseEntity<Object> rejected(LedgerRejection rejection, NativeWebRequest request) {
        HttpStatus status = rejection.code() == RejectionCode.NO_PROGRAM ? HttpStatus.NOT_FOUND
                : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = Problems.of(status, rejection.code(), rejection.detail(), servlet(request));
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * Another command changed the same program between this one's load and its append, every time the command was
     * tried (the command path retries it): the client may simply send it again.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentModification(Exception conflict, NativeWebRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT,
                ProblemCode.CONCURRENT_MODIFICATION, "the program was changed by another command at the same moment; "
                        + "retry", request));
    }

    /** {@code If-Match} named another version than the program's: the client decided on a state that has moved on. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> versionMismatch(ConflictingAggregateVersionException conflict, NativeWebRequest request) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem(HttpStatus.PRECONDITION_FAILED,
                ProblemCode.VERSION_MISMATCH, "If-Match expected version " + conflict.getExpectedVersion()
                        + " of program " + conflict.getAggregateIdentifier() + ", which is at version "
                        + conflict.getActualVersion(), request));
    }

    /** A problem a feature raises with its own status and code (a lookup, a parameter, a read model's state). */
    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException failure, NativeWebRequest request) {
        ProblemDetail problem = failure.problem(servlet(request));
        return ResponseEntity.status(failure.status()).headers(failure.headers()).body(problem);
    }

    /** A what-if change that cannot apply to the program's journal (an event not in it, one changed twice). */
    @ExceptionHandler(InvalidChange.class)
    ResponseEntity<Object> invalidChange(InvalidChange invalid, NativeWebRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemCode.INVALID_CHANGE,
                invalid.getMessage(), request);
        problem.setProperty("errors", List.of(Map.of("field", "changes[" + invalid.index() + "]",
                "message", invalid.getMessage())));
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        String message = "cannot be read as " + (exception.getRequiredType() == null ? "the expected type"
                : exception.getRequiredType().getSimpleName()) + ": '" + shortened(exception.getValue()) + "'";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemCode.INVALID_PARAMETER, name + " " + message,
                request);
        problem.setProperty("errors", List.of(Map.of("field", name, "message", message)));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, NativeWebRequest request) {
        if (DatabaseFailures.unavailable(exception)) {
            log.warn("The database could not be reached: {}", exception.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS))
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.DATABASE_UNAVAILABLE,
                            DATABASE_UNAVAILABLE, request));
        }
        log.error("Unexpected failure", exception);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCode.INTERNAL_ERROR, INTERNAL_ERROR, request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> fields = exception.getBindingResult().getFieldErrors().stream()
                // A conversion failure's own message names Java types; say what is wrong in the API's terms.
                .map(error -> Map.of("field", error.getField(), "message", error.isBindingFailure()
                        ? "has a value that cannot be read as this field's type" : String.valueOf(error.getDefaultMessage())))
                .toList();
        // A body that fails validation, or query parameters that cannot be bound (such as an unknown outcome).
        boolean body = exception.getParameter().hasParameterAnnotation(RequestBody.class);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
                body ? ProblemCode.VALIDATION_FAILED : ProblemCode.INVALID_PARAMETER,
                fields.size() + (body ? " field(s) failed validation" : " parameter(s) cannot be used as given"),
                request);
        problem.setProperty("errors", fields);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST, unreadable(exception),
                request);
        if (exception.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("field", path(mapping), "message",
                    mapping instanceof UnrecognizedPropertyException ? "is not a field of this request"
                            : "has a value that cannot be read as this field")));
        }
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Why the body could not be read, in the API's terms: the field at fault if there is one, never a Java type. */
    private static String unreadable(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "The request body has a field this request does not take: " + field(unknown);
        }
        if (cause instanceof JsonParseException parse) {
            String duplicate = parse.getOriginalMessage().startsWith("Duplicate field")
                    ? " (" + parse.getOriginalMessage() + ")" : "";
            return "The request body is not valid JSON" + duplicate + ", at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr();
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "The request body's field " + field(mapping) + " has a value that cannot be read as that field "
                    + "(amounts and rates are strings such as \"1000.00\", dates are strings such as \"2025-01-31\")";
        }
        String message = String.valueOf(exception.getMessage());
        if (message.startsWith("Required request body is missing") || message.contains("No content to map")) {
            return "The request body is empty; this request takes a JSON object";
        }
        return "The request body is not a JSON object of the shape this request takes";
    }

    private static String field(JsonMappingException mapping) {
        return "'" + path(mapping) + "'";
    }

    /** The path of the field at fault, as the client wrote it: {@code lenders[2].commitment}. */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(shortened(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The framework's own errors (405, 406, 415, ...) keep their status and gain a code and correlation id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ProblemDetail.forStatusAndDetail(status, exception.getMessage());
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            Problems.decorate(problem, ProblemCode.forStatus(status.value()), servlet(request));
        }
        return super.handleExceptionInternal(exception, problem, headers, status, request);
    }

    /** Echoes at most 64 characters of a rejected value. */
    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    private static ProblemDetail problem(HttpStatus status, ProblemCode code, String detail, WebRequest request) {
        return Problems.of(status, code, detail, servlet(request));
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet ? servlet : null;
    }
}
