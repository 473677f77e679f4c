package com.capitalledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A plain JDK HTTP client against the running service: requests cross a real socket. It signs every request in with
 * HTTP Basic when given credentials, and sends none when anonymous.
 */
public final class HttpClientSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;

    /** An anonymous client. */
    public HttpClientSupport(String base) {
        this(base, null);
    }

    /** @param authorization the {@code Authorization} header value to send, or null for none */
    public HttpClientSupport(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }


    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public HttpResponse<String> delete(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A JSON POST with a fresh {@code Idempotency-Key}, unless the headers name one. */
    public HttpResponse<String> postJson(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        boolean keyed = false;
        for (int i = 0; i < headers.length; i += 2) {
            keyed |= headers[i].equalsIgnoreCase("Idempotency-Key");
        }
        if (!keyed) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return send(request);
    }

    /** A POST exactly as given: no header added but the credentials. */
    public HttpResponse<String> postRaw(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * Polls {@code path} until the response satisfies {@code done}; read models catch up asynchronously.
     *
     * @throws org.awaitility.core.ConditionTimeoutException if no response within {@code timeout} satisfies it
     */
    public HttpResponse<String> await(String path, Predicate<HttpResponse<String>> done, Duration timeout) {
        return Awaitility.await("GET " + path).atMost(timeout).pollInterval(Duration.ofMillis(25))
                .until(() -> get(path), done);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (authorization != null && request.build().headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", authorization);
        }
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
