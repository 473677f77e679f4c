package com.capitalledger.api.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The compliance console: static pages and scripts in the jar ({@code static/console}), its charts from the ECharts
 * WebJar. The pages hold no data; their scripts read it from the API with the user's own credentials, so each page
 * shows only what the user's roles may read, and with no session or cookie there is nothing to forge a request with.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebMvcConfigurer {

    /** Where the console is served; its pages and assets need no sign-in (they hold no data). */
    public static final String PATH = "/console";

    /**
     * No inline script or style, nothing from another origin, no framing: the console's own files, the API, and
     * images its charts export as data URLs.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(PATH).setViewName("forward:" + PATH + "/index.html");
        registry.addViewController(PATH + "/").setViewName("forward:" + PATH + "/index.html");
    }
}
