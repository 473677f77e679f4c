package com.capitalledger.api.idempotency;

import com.capitalledger.api.command.CommandQueue;
import com.capitalledger.api.command.Refusals;
import com.capitalledger.api.consistency.TransactionOffset;
import com.capitalledger.api.web.IdempotencyKeyHeader;
import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemWriter;
import com.capitalledger.api.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes every POST under {@code /api/} safe to retry. The request must carry an {@code Idempotency-Key}; the first
 * request with a key runs inside one database transaction that also stores the key and the response, so the
 * command's events and its key commit together, and the client hears of success only after that commit. A retry
 * with the same key and the same request (its body compared by meaning: {@link RequestFingerprint}) gets the stored
 * response with {@code Idempotency-Replayed: true}; the same key with another request is refused with
 * {@code IDEMPOTENCY_KEY_REUSED}. Concurrent requests with one key queue on the key's row: the first decides, the
 * others replay its answer. Commands on one program take turns in the node ({@link CommandQueue}), each for the whole
 * of its transaction. A {@link ReadOnlyPost} needs no key and stores nothing. A command refused with an answer
 * that is not kept (409, 412) or before it runs (422 {@code IDEMPOTENCY_KEY_REUSED}) is recorded by {@link Refusals}
 * once the request's transaction has ended.
 */
@Component
// After Spring Security's filter chain: only authorised requests get here, and keys are scoped to their principal.
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String KEY_HEADER = IdempotencyKeyHeader.NAME;
    public static final String REPLAYED_HEADER = IdempotencyKeyHeader.REPLAYED;
    /** An Idempotency-Key: 1 to 200 visible ASCII characters. */
    public static final String KEY_SHAPE = IdempotencyKeyHeader.SHAPE;
    private static final int MAX_BODY = 1 << 20;

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final ReadOnlyPosts readOnly;
    private final ProblemWriter problems;
    private final TransactionOffset offset;
    private final Refusals refusals;
    private final CommandQueue queue;

    IdempotencyFilter(IdempotencyKeys keys, PlatformTransactionManager transactions, ReadOnlyPosts readOnly,
                      ProblemWriter problems, TransactionOffset offset, Refusals refusals, CommandQueue queue) {
        this.queue = queue;
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactions);
        this.readOnly = readOnly;
        this.problems = problems;
        this.offset = offset;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean onlyAsks = readOnly.matches(request.getRequestURI());
        String key = request.getHeader(KEY_HEADER);
        if (!onlyAsks && !IdempotencyKeyHeader.isWellFormed(key)) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, ProblemCode.IDEMPOTENCY_KEY_REQUIRED,
                    "every POST needs an " + KEY_HEADER + " header of 1 to 200 visible ASCII characters");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ProblemCode.PAYLOAD_TOO_LARGE,
                    "request bodies are limited to " + MAX_BODY + " bytes");
            return;
        }
        if (onlyAsks) {
            chain.doFilter(new CachedBody(request, body), response);
            return;
        }
        String principal = request.getRemoteUser();
        if (principal == null) {
            // Security lets no anonymous POST through; should a rule ever do so, refuse rather than share keys.
            problems.write(request, response, HttpStatus.UNAUTHORIZED, ProblemCode.UNAUTHENTICATED,
                    "authentication required");
            return;
        }
        RequestFingerprint fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(), body);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean first;
        Optional<String> stream = CommandQueue.streamOf(request.getRequestURI());
        Supplier<Boolean> decide = () -> Boolean.TRUE.equals(transactions.execute(transaction -> {
            stream.ifPresent(queue::inTurnAcrossNodes);
            if (!keys.claim(principal, key, fingerprint.meaning())) {
                return false;
            }
            handle(chain, new CachedBody(request, body), captured);
            finish(transaction, captured, principal, key);
            return true;
        }));
        try {
            // The turn spans the transaction: the next command on the program starts from this one's commit.
            first = stream.isPresent() ? queue.inTurn(stream.get(), decide) : decide.get();
        } catch (CommandQueue.QueueTooLong tooLong) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.PROGRAM_BUSY,
                    tooLong.getMessage() + "; nothing was recorded: retry with the same " + KEY_HEADER);
            return;
        } catch (Unhandled failure) {
            if (failure.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failure.getCause();
        }
        if (first) {
            // A refusal the ledger did not record itself (a lost race, a stale If-Match), its transaction rolled back.
            refusals.record(request, captured, principal, body, captured.getStatus(),
                    (String) request.getAttribute(Problems.CODE), (String) request.getAttribute(Problems.DETAIL));
            captured.copyBodyToResponse();
        } else {
            replay(request, response, principal, key, fingerprint, body);
        }
    }

    /**
     * Keeps an acknowledged command, or the ledger's refusal of one (422, 404: an answer too, which a retry gets
     * again, whatever has changed since), with its stored response: the refusal's event, recorded by the command path
     * in this transaction, is kept with its key or not at all. Any other answer rolls the request back; its key is
     * not kept.
     */
    private void finish(TransactionStatus transaction, ContentCachingResponseWrapper captured, String principal,
                        String key) {
        int status = captured.getStatus();
        boolean answered = status >= 200 && status < 300 || status == HttpStatus.UNPROCESSABLE_ENTITY.value()
                || status == HttpStatus.NOT_FOUND.value();
        if (!answered || transaction.isRollbackOnly()) {
            transaction.setRollbackOnly();
            return;
        }
        // Where the request's events (a refusal's too) sit in the ledger's order: queries wait for it on request.
        Long position = offset.ofCurrentTransaction();
        if (position != null) {
            captured.setHeader(TransactionOffset.HEADER, position.toString());
        }
        keys.answer(principal, key, StoredAnswer.of(captured, position));
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, String principal, String key,
                        RequestFingerprint fingerprint, byte[] body) throws IOException {
        Optional<IdempotencyKeys.Claim> claim = keys.find(principal, key);
        if (claim.isEmpty()) {
            refuse(request, response, principal, body, HttpStatus.CONFLICT, ProblemCode.CONCURRENT_MODIFICATION,
                    "the first request with this " + KEY_HEADER + " did not complete; retry");
        } else if (!fingerprint.matches(claim.get().requestHash())) {
            refuse(request, response, principal, body, HttpStatus.UNPROCESSABLE_ENTITY,
                    ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    KEY_HEADER + " " + key + " was already used for a different request");
        } else {
            StoredAnswer answer = claim.get().answer();
            if (answer.status() >= 400) {
                Problems.noteAnswer(request, answer.code(), null);
            }
            answer.replayTo(response);
        }
    }

    /** Runs the rest of the chain inside the transaction, which rolls back on whatever it throws. */
    private static void handle(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new Unhandled(e);
        }
    }

    /** Refuses a command before it runs; the refusal of a command is recorded, and its answer says where. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, String principal, byte[] body,
                        HttpStatus status, ProblemCode code, String detail) throws IOException {
        refusals.record(request, response, principal, body, status.value(), code.name(), detail);
        problems.write(request, response, status, code, detail);
    }

    /** A checked failure of the chain, carried out of the transaction's callback (after its rollback) and rethrown. */
    private static final class Unhandled extends RuntimeException {

        private Unhandled(Exception cause) {
            super(cause);
        }
    }
}
