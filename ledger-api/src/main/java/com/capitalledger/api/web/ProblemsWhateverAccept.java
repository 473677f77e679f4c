package com.capitalledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.ProducesRequestCondition;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * An error answers with the same status and code whatever the request's {@code Accept}, so long as that admits
 * {@code application/problem+json}.
 * <p>
 * Spring MVC checks {@code Accept} against an operation's {@code produces} when it maps the request, before the
 * operation runs: a client accepting only problem+json was answered 406 by every JSON operation, in every state, so
 * it never heard its 404 NO_PROGRAM or 503 DATABASE_UNAVAILABLE. Here such a request is mapped as if it accepted
 * anything, so it runs as any other and its errors are the ordinary ones (problem+json whatever the Accept). Whether a
 * <em>success</em> is acceptable is then decided when it is written, as content negotiation does for every answer:
 * 406 NOT_ACCEPTABLE, and for a command the request's transaction is rolled back with it, so nothing is recorded.
 * Operations that write their answer themselves as they read it (the CSV and NDJSON exports, the event feed) cannot be refused after
 * the fact: they keep the refusal at mapping time. A request whose Accept admits neither the answer nor a problem is
 * refused 406 at once, as before.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemsWhateverAccept {

    @Bean
    WebMvcRegistrations problemAwareMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mapping();
            }
        };
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } catch (HttpMediaTypeNotAcceptableException notAcceptable) {
                if (!acceptsProblems(request)) {
                    throw notAcceptable;
                }
                // The first lookup kept the Accept it read in a request attribute; the second must read its own.
                ProducesRequestCondition.clearMediaTypesAttribute(request);
                HandlerMethod handler = super.lookupHandlerMethod(lookupPath, new AcceptingAnything(request));
                if (handler == null || !answerIsNegotiated(handler)) {
                    throw notAcceptable;
                }
                return handler;
            }
        }
    }

    /** Whether the request's Accept admits a problem: a problem type is listed, alone or beside others. */
    static boolean acceptsProblems(HttpServletRequest request) {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        return accepted.stream().anyMatch(type -> type.getQualityValue() > 0
                && type.includes(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /**
     * Whether the operation's answer is written through content negotiation, which refuses it (406) when the request
     * does not accept it: not when it writes to the response itself, or streams a body of its own.
     */
    static boolean answerIsNegotiated(HandlerMethod handler) {
        if (handler.isVoid()) {
            return false;
        }
        ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
        if (HttpEntity.class.isAssignableFrom(answer.toClass())) {
            answer = answer.getGeneric(0);
        }
        return !StreamingResponseBody.class.isAssignableFrom(answer.toClass())
                && !ResponseBodyEmitter.class.isAssignableFrom(answer.toClass());
    }

    /** The request as mapping sees it: accepting anything. */
    private static final class AcceptingAnything extends HttpServletRequestWrapper {

        AcceptingAnything(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.ALL_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(MediaType.ALL_VALUE))
                    : super.getHeaders(name);
        }
    }
}
