package com.capitalledger.api.web;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses before the application sees them (a header too large, a malformed header or request
 * line) are answered as problems like every other error, not with Tomcat's HTML page. Sent over a raw socket: an
 * HTTP client would refuse to send them.
 */
class MalformedRequestIT extends IntegrationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a header too large", "a header name with a space", "a malformed request line",
            "a header without a colon"})
    void aRequestTomcatCannotReadIsAnsweredWithAProblem(String what) throws IOException {
        String head = switch (what) {
            case "a header too large" -> "GET /api/v1/programs/P/positions HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Padding: " + "x".repeat(20_000) + "\r\n";
            case "a header name with a space" -> "GET /api/v1/programs/P/positions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Bad Header: x\r\n";
            case "a malformed request line" -> "GET /api/v1/programs/P/positions HTTP/1.1 surplus\r\nHost: localhost\r\n";
            default -> "GET /api/v1/programs/P/positions HTTP/1.1\r\nHost: localhost\r\nNoColonHere\r\n";
        };

        String response = exchange(head + "Connection: close\r\n\r\n");

        String[] parts = response.split("\r\n\r\n", 2);
        assertThat(parts[0]).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json")
                .containsIgnoringCase("X-Correlation-Id: ");
        JsonNode problem = HttpClientSupport.parse(chunkedBody(parts[0], parts[1]));
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(problem.get("type").asText()).isEqualTo("https://capital-ledger.example/problems/malformed-request");
        assertThat(problem.get("correlationId").asText()).hasSize(36);
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /** The body as sent, whether plainly or in chunks. */
    private static String chunkedBody(String headers, String body) {
        if (!headers.toLowerCase().contains("transfer-encoding: chunked")) {
            return body;
        }
        StringBuilder decoded = new StringBuilder();
        String rest = body;
        while (true) {
            int end = rest.indexOf("\r\n");
            int size = Integer.parseInt(rest.substring(0, end).trim(), 16);
            if (size == 0) {
                return decoded.toString();
            }
            decoded.append(rest, end + 2, end + 2 + size);
            rest = rest.substring(end + 2 + size + 2);
        }
    }
}
