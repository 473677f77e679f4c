package com.capitalledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import javax.net.ssl.SSLSession;

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

    /**
     * A GET of an answer that stays open (the event feed): its status, its headers and, when it is a 200, the lines
     * read until {@code done} accepts the text so far (at once when it accepts ""), then the stream is closed; any
     * other answer with its whole body.
     */
    public HttpResponse<String> getOpening(String path, Predicate<String> done, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (authorization != null && request.build().headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new Opening(response, new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                StringBuilder text = new StringBuilder();
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                while (!done.test(text.toString())) {
                    String line = lines.readLine();
                    if (line == null) {
                        break;
                    }
                    text.append(line).append('\n');
                }
                return new Opening(response, text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer whose body was read in part. */
    private record Opening(HttpResponse<?> head, String body) implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return head.statusCode();
        }

        @Override
        public HttpRequest request() {
            return head.request();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return head.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return head.sslSession();
        }

        @Override
        public URI uri() {
            return head.uri();
        }

        @Override
        public HttpClient.Version version() {
            return head.version();
        }
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
