package com.capitalledger.api.feed;

import com.capitalledger.api.support.HttpClientSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A webhook receiver on a real port: it verifies every delivery with the Standard Webhooks reference library (not the
 * ledger's own signing code), records it, and answers as the test tells it to: at once, slowly, with an error, or not
 * at all (stopped).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, what the reference library made of it, and what it was answered. */
    record Received(String webhookId, String timestamp, String signature, String body, long seq, String eventId,
                    boolean verified, int answered) {
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile List<String> secrets = List.of();
    private volatile IntSupplier answer = () -> 200;
    private volatile long delayMillis;
    private HttpServer server;

    WebhookReceiver() throws IOException {
        server = start(0);
        port = server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The secrets a delivery must be signed with: one of them must verify it. */
    void trust(String... secrets) {
        this.secrets = List.of(secrets);
    }

    void answer(IntSupplier status) {
        this.answer = status;
    }

    void delay(long millis) {
        this.delayMillis = millis;
    }

    /** Down: connections to the port are refused. */
    void stop() {
        server.stop(0);
    }

    /** Up again, on the same port. */
    void restart() throws IOException {
        server = start(port);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The seqs acknowledged with a 2xx, in the order the receiver answered them. */
    List<Long> acknowledged() {
        return received.stream().filter(r -> r.answered() / 100 == 2).map(Received::seq).toList();
    }

    private HttpServer start(int on) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 50);
        http.createContext("/", this::handle);
        http.setExecutor(Executors.newCachedThreadPool());
        http.start();
        return http;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
            boolean verified = false;
            for (String secret : secrets) {
                try {
                    new Webhook(secret).verify(body, headers);
                    verified = true;
                } catch (WebhookVerificationException refused) {
                    // another secret may sign it
                }
            }
            JsonNode event = HttpClientSupport.parse(body);
            long delay = delayMillis;
            int status = answer.getAsInt();
            // Recorded as it arrives: the order the ledger sent in, whatever the answer's delay.
            received.add(new Received(first(headers, "webhook-id"), first(headers, "webhook-timestamp"),
                    first(headers, "webhook-signature"), body, event.path("seq").asLong(-1),
                    event.path("id").asText(), verified, status));
            if (delay > 0) {
                new CountDownLatch(1).await(delay, TimeUnit.MILLISECONDS);
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            throw new UncheckedIOException(new IOException(unexpected));
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.getOrDefault(name, new ArrayList<>());
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
