package com.capitalledger.api.web;

import com.capitalledger.core.shared.RejectionCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * The ledger's one shape of an RFC 9457 problem: a type and title from the code and status, the stable {@code code},
 * the request's path as {@code instance} and its {@code correlationId}. Used by the MVC exception handler and by the
 * filters that answer before a request reaches MVC, so every error reads the same.
 */
public final class Problems {

    static final String TYPE_BASE = "https://capital-ledger.example/problems/";
    /**
     * The request attributes holding the code and detail of the problem it was answered with, and its principal (seen
     * where the problem is written: the filters around Spring Security no longer see who it was).
     */
    public static final String CODE = Problems.class.getName() + ".code";
    public static final String DETAIL = Problems.class.getName() + ".detail";
    public static final String PRINCIPAL = Problems.class.getName() + ".principal";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, ProblemCode code, String detail, HttpServletRequest request) {
        return of(status, code.name(), detail, request);
    }

    /** A refused command's problem: its rejection code. */
    public static ProblemDetail of(HttpStatus status, RejectionCode code, String detail, HttpServletRequest request) {
        return of(status, code.name(), detail, request);
    }

    static ProblemDetail of(HttpStatus status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        decorate(problem, code, request);
        return problem;
    }

    /** Gives a problem built elsewhere (by the framework) the ledger's type, title, code, instance and correlation id. */
    public static void decorate(ProblemDetail problem, ProblemCode code, HttpServletRequest request) {
        decorate(problem, code.name(), request);
    }

    private static void decorate(ProblemDetail problem, String code, HttpServletRequest request) {
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        if (problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status == null ? "Error" : status.getReasonPhrase());
        }
        problem.setProperty("code", code);
        if (request != null) {
            // On the container's error dispatch, the request's own path, not /error.
            Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            try {
                problem.setInstance(URI.create(original != null ? original.toString() : request.getRequestURI()));
            } catch (IllegalArgumentException unrepresentable) {
                problem.setInstance(null);
            }
            problem.setProperty("correlationId", CorrelationId.of(request));
            noteAnswer(request, code, problem.getDetail());
        }
    }

    /**
     * Notes on the request the problem it is answered with, for what records or counts the answer once it is given
     * (a command's refusal, a refused request).
     */
    public static void noteAnswer(HttpServletRequest request, String code, String detail) {
        request.setAttribute(CODE, code);
        request.setAttribute(DETAIL, detail);
        request.setAttribute(PRINCIPAL, request.getRemoteUser());
    }
}
