package com.capitalledger.api.web;

import com.capitalledger.api.consistency.LedgerPositions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes every POST under {@code /api/} safe to retry. The request must carry an {@code Idempotency-Key}; the first
 * request with a key runs inside one database transaction that also stores the key and the response, so the
 * command's events and its key commit together, and the client hears of success only after that commit. A retry
 * with the same key and body gets the stored response with {@code Idempotency-Replayed: true}; the same key with
 * another body is refused with {@code IDEMPOTENCY_KEY_REUSED}. Concurrent requests with one key queue on the key's
 * row: the first decides, the others replay its answer. POSTs that only ask (what-ifs, a journal verification) need no key and store nothing.
 */
@Component
// After Spring Security's filter chain: only authorised requests get here, and keys are scoped to their principal.
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
public class Idempotency extends OncePerRequestFilter {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final Pattern SAFE_POST = Pattern.compile(
            "/api/v1/programs/[^/]+/what-if|/api/v1/scenarios/[^/]+/run|/api/v1/journal/verify");
    /** An Idempotency-Key: 1 to 200 visible ASCII characters. */
    public static final String KEY_SHAPE = "^[\\x21-\\x7E]{1,200}$";
    private static final Pattern WELL_FORMED_KEY = Pattern.compile(KEY_SHAPE);
    private static final int MAX_BODY = 1 << 20;

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final ProblemWriter problems;
    private final LedgerPositions positions;

    public Idempotency(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProblemWriter problems,
                       LedgerPositions positions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.problems = problems;
        this.positions = positions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    /**
     * POSTs that only ask (a what-if, a saved scenario run, a journal verification): they carry a body but change nothing, so a repeat is
     * harmless and nothing is stored for them; their bodies are bounded all the same. Also true of the paths' OpenAPI
     * templates, which document every other POST with the key.
     */
    public static boolean onlyAsks(String path) {
        return SAFE_POST.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (onlyAsks(request.getRequestURI())) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                tooLarge(request, response);
                return;
            }
            chain.doFilter(new CachedBody(request, body), response);
            return;
        }
        String key = request.getHeader(KEY_HEADER);
        if (key == null || !WELL_FORMED_KEY.matcher(key).matches()) {
            problem(request, response, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_REQUIRED",
                    "every POST needs an " + KEY_HEADER + " header of 1 to 200 visible ASCII characters");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            tooLarge(request, response);
            return;
        }
        String principal = request.getRemoteUser();
        if (principal == null) {
            // Security lets no anonymous POST through; should a rule ever do so, refuse rather than share keys.
            problem(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "authentication required");
            return;
        }
        String hash = hash(request, body);

        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        boolean first;
        try {
            // Waits while another transaction holds the same key, then either inserts or finds it taken.
            first = jdbc.update("INSERT INTO idempotency_key (principal, idempotency_key, request_hash, status, "
                    + "body) VALUES (?, ?, ?, 0, ''::bytea) ON CONFLICT DO NOTHING", principal, key, hash) == 1;
        } catch (RuntimeException e) {
            rollBack(transaction, e);
            throw e;
        }
        if (!first) {
            transactions.commit(transaction);
            replay(request, response, principal, key, hash);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBody(request, body), captured);
        } catch (IOException | ServletException | RuntimeException e) {
            rollBack(transaction, e);
            throw e;
        }
        finish(transaction, captured, principal, key, hash);
        captured.copyBodyToResponse();
    }

    /**
     * Rolls the transaction back after a failure. A rollback that fails too (the database is gone) must not hide why
     * the request failed: it is kept on the failure as a suppressed exception.
     */
    private void rollBack(TransactionStatus transaction, Exception failure) {
        try {
            transactions.rollback(transaction);
        } catch (RuntimeException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }

    /**
     * Commits an acknowledged command, or the ledger's refusal of one (422, 404: an answer too, which a retry gets
     * again, whatever has changed since), with its stored response: the refusal's event, recorded by the command path
     * in this transaction, is kept with its key or not at all. Any other failure rolls the request back; its key is
     * not kept.
     */
    private void finish(TransactionStatus transaction, ContentCachingResponseWrapper captured, String principal,
                        String key, String hash) {
        int status = captured.getStatus();
        boolean answered = status >= 200 && status < 300 || status == HttpStatus.UNPROCESSABLE_ENTITY.value()
                || status == HttpStatus.NOT_FOUND.value();
        if (answered && !transaction.isRollbackOnly()) {
            // Where the request's events (a refusal's too) sit in the ledger's order: queries wait for it on request.
            Long position = positions.ofCurrentTransaction();
            if (position != null) {
                captured.setHeader(LedgerPositions.HEADER, position.toString());
            }
            jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, etag = ?, body = ?, "
                    + "ledger_position = ? WHERE principal = ? AND idempotency_key = ?", status,
                    captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
                    captured.getHeader(HttpHeaders.ETAG), captured.getContentAsByteArray(), position, principal, key);
            transactions.commit(transaction);
            return;
        }
        transactions.rollback(transaction);
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, String principal, String key,
                        String hash) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM idempotency_key WHERE principal = ? "
                + "AND idempotency_key = ?", principal, key);
        if (rows.isEmpty()) {
            problem(request, response, HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                    "the first request with this " + KEY_HEADER + " did not complete; retry");
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    KEY_HEADER + " " + key + " was already used for a different request");
            return;
        }
        response.setStatus((Integer) row.get("status"));
        if (row.get("content_type") != null) {
            response.setContentType((String) row.get("content_type"));
        }
        if (row.get("location") != null) {
            response.setHeader(HttpHeaders.LOCATION, (String) row.get("location"));
        }
        if (row.get("etag") != null) {
            response.setHeader(HttpHeaders.ETAG, (String) row.get("etag"));
        }
        if (row.get("ledger_position") != null) {
            response.setHeader(LedgerPositions.HEADER, row.get("ledger_position").toString());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        response.getOutputStream().write((byte[]) row.get("body"));
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "request bodies are limited to " + MAX_BODY + " bytes");
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                         String detail) throws IOException {
        problems.write(request, response, status, code, detail);
    }

    /** The request's identity for replays: method, path and body, hashed. */
    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so it can be both hashed and handled. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        private CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
