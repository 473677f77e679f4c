package com.capitalledger.api.command;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoints of the ledger's commands (the handler methods marked {@link SendsCommand}), as Spring MVC maps them:
 * which command a POST sends, and its path's variables, for a request refused before its handler runs. Read on first
 * use: the filters that ask are built before Spring MVC's mapping exists.
 */
@Component
class CommandRoutes {

    /** A command's endpoint as a request reached it: the command's name and the path's variables. */
    record Route(String command, Map<String, String> variables) {
    }

    private record Endpoint(PathPattern pattern, String command) {
    }

    private final ObjectProvider<RequestMappingHandlerMapping> mapping;
    private volatile List<Endpoint> endpoints;

    CommandRoutes(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    /** The command a request sends, if it is a POST to a command's endpoint. */
    Optional<Route> of(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        PathContainer path;
        try {
            path = PathContainer.parsePath(request.getRequestURI());
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        for (Endpoint endpoint : endpoints()) {
            try {
                PathPattern.PathMatchInfo match = endpoint.pattern().matchAndExtract(path);
                if (match != null) {
                    return Optional.of(new Route(endpoint.command(), match.getUriVariables()));
                }
            } catch (IllegalArgumentException undecodable) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> found = endpoints;
        if (found == null) {
            found = mapping.getObject().getHandlerMethods().entrySet().stream()
                    .filter(handler -> handler.getValue().hasMethodAnnotation(SendsCommand.class))
                    .flatMap(handler -> patterns(handler.getKey()).stream().map(pattern -> new Endpoint(pattern,
                            handler.getValue().getMethodAnnotation(SendsCommand.class).value().getSimpleName())))
                    .toList();
            endpoints = found;
        }
        return found;
    }

    private static Set<PathPattern> patterns(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() == null) {
            throw new IllegalStateException("Spring MVC matches paths without PathPatternParser; " + info
                    + " cannot be read as a command's endpoint");
        }
        return info.getPathPatternsCondition().getPatterns();
    }
}
