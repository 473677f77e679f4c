package com.capitalledger.api.support;

import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GET requests to the running service from a chosen client address on the loopback network, so that a test can act
 * as several clients: Linux routes the whole of 127.0.0.0/8 to the loopback interface, so a socket bound to 127.0.0.2
 * reaches the service from that address. (The JDK's HTTP client cannot choose its local address before Java 19.) Each
 * request is HTTP/1.0 on a connection of its own, the answer read to the connection's end.
 */
public final class HttpFromAddress {

    private final InetAddress local;
    private final int port;

    /** @param local a loopback address such as 127.0.0.2 */
    public HttpFromAddress(String local, int port) {
        try {
            this.local = InetAddress.getByName(local);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!this.local.isLoopbackAddress()) {
            throw new IllegalArgumentException(local + " is not a loopback address");
        }
        this.port = port;
    }

    /** @param headers names and values, alternating */
    public HttpResponse<String> get(String path, String... headers) {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(uri, socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " from " + local.getHostAddress(), e);
        }
    }

    private static HttpResponse<String> parse(URI uri, byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            fields.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        HttpHeaders headers = HttpHeaders.of(fields, (name, value) -> true);
        String body = new String(answer, end + 4, answer.length - end - 4, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        return new Answer(status, headers, body, request);
    }

    private record Answer(int statusCode, HttpHeaders headers, String body, HttpRequest request)
            implements HttpResponse<String> {

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
