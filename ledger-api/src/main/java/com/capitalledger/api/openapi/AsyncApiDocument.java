package com.capitalledger.api.openapi;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event feed's AsyncAPI 3.0 document, a static file of the jar ({@code static/asyncapi.yaml}) served beside the
 * OpenAPI document and, like it, to anyone signed in. Neither Tomcat nor Spring knows YAML's media type
 * ({@code application/yaml}, RFC 9512): without this mapping the file would go out as an octet stream.
 */
@Configuration(proxyBeanMethods = false)
public class AsyncApiDocument {

    /** Where the document is served. */
    public static final String PATH = "/asyncapi.yaml";
    public static final String MEDIA_TYPE = "application/yaml";

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> yamlMediaType() {
        return factory -> {
            MimeMappings yaml = new MimeMappings();
            yaml.add("yaml", MEDIA_TYPE);
            factory.addMimeMappings(yaml);
        };
    }
}
