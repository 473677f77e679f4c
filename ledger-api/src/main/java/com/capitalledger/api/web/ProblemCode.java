package com.capitalledger.api.web;

import com.capitalledger.core.shared.RejectionCode;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The codes a problem carries besides a refused command's {@link RejectionCode}: the registry every error answer takes
 * its code from, and from which the OpenAPI document lists them ({@link #all()}). A new code is a new constant here;
 * like a rejection code, a code is never renamed or reused, clients branch on it.
 */
public enum ProblemCode {

    // 400: the request cannot be read or used as sent.
    VALIDATION_FAILED,
    MALFORMED_REQUEST,
    INVALID_PARAMETER,
    IDEMPOTENCY_KEY_REQUIRED,
    /** Another 4xx the framework or the servlet container answers, with no more precise code. */
    BAD_REQUEST,
    // 401, 403: who is asking, and whether their roles may.
    UNAUTHENTICATED,
    FORBIDDEN,
    // 404: the code names what is not there (a program, investor, tranche or call: its rejection code).
    NOT_FOUND,
    UNKNOWN_SCENARIO,
    UNKNOWN_READ_MODEL,
    UNKNOWN_VERIFICATION,
    UNKNOWN_FIXING,
    /** No distribution was paid on the date a distribution notice names. */
    UNKNOWN_DISTRIBUTION,
    /** No webhook subscription has the id a path names. */
    UNKNOWN_SUBSCRIPTION,
    // 405, 406.
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    // 409: the request clashes with what the service holds or is doing.
    CONCURRENT_MODIFICATION,
    SCENARIO_EXISTS,
    REBUILD_IN_PROGRESS,
    // 412: If-Match named another version.
    VERSION_MISMATCH,
    // 413, 414, 415.
    PAYLOAD_TOO_LARGE,
    URI_TOO_LONG,
    UNSUPPORTED_MEDIA_TYPE,
    // 422, besides a business rejection.
    IDEMPOTENCY_KEY_REUSED,
    INVALID_CHANGE,
    // 429: a sign-in refused unchecked after too many failures, with Retry-After.
    TOO_MANY_ATTEMPTS,
    // 431.
    HEADERS_TOO_LARGE,
    // 500, 503: nothing was recorded; a 503 says when to retry.
    INTERNAL_ERROR,
    DATABASE_UNAVAILABLE,
    READ_MODEL_REBUILDING,
    READ_MODEL_BEHIND,
    /** A document reports an event the journal does not hold yet: it is not issued until it can be proven. */
    JOURNAL_BEHIND,
    /** A document's inclusion proofs did not lead to the signed digest's root: it is not issued. */
    JOURNAL_UNVERIFIED,
    AUTHENTICATION_UNAVAILABLE,
    /** Commands on the program have queued in the node for longer than {@code ledger.commands.queue-wait}. */
    PROGRAM_BUSY,
    /** The node already streams {@code ledger.feed.max-streams} event feeds: retry after Retry-After. */
    FEED_FULL,
    /** Another 503 the framework answers (an asynchronous answer that timed out). */
    SERVICE_UNAVAILABLE;

    /** Every code the service can answer, in alphabetical order: these and the business rejections. */
    public static List<String> all() {
        return Stream.concat(Arrays.stream(values()).map(Enum::name), Arrays.stream(RejectionCode.values())
                .map(Enum::name)).sorted().toList();
    }

    /** The code of an error the framework or the servlet container answers by its status alone. */
    public static ProblemCode forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
