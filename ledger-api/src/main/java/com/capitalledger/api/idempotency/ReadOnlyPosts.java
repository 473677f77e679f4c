package com.capitalledger.api.idempotency;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The paths of the handler methods marked {@link ReadOnlyPost}, as Spring MVC maps them. The mapping is read on first
 * use, not when the filters are built: the web server creates them before Spring MVC's mapping exists.
 */
@Component
public class ReadOnlyPosts {

    private final ObjectProvider<RequestMappingHandlerMapping> mapping;
    private volatile List<PathPattern> patterns;

    public ReadOnlyPosts(@Qualifier("requestMappingHandlerMapping")
                         ObjectProvider<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    /**
     * Whether a POST to this path only asks. Also true of the path's OpenAPI template ({@code /programs/{programId}/
     * what-if}), which is how the document leaves the key off these operations.
     */
    public boolean matches(String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        return patterns().stream().anyMatch(pattern -> pattern.matches(parsed));
    }

    private List<PathPattern> patterns() {
        List<PathPattern> found = patterns;
        if (found == null) {
            found = mapping.getObject().getHandlerMethods().entrySet().stream()
                    .filter(handler -> handler.getValue().hasMethodAnnotation(ReadOnlyPost.class))
                    .map(Map.Entry::getKey)
                    .flatMap(ReadOnlyPosts::pathPatterns)
                    .toList();
            patterns = found;
        }
        return found;
    }

    private static Stream<PathPattern> pathPatterns(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() == null) {
            throw new IllegalStateException("Spring MVC matches paths without PathPatternParser; " + info
                    + " cannot be read as a read-only POST");
        }
        return info.getPathPatternsCondition().getPatterns().stream();
    }
}
