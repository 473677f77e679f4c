package com.capitalledger.api.feed;

import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The node already streams as many feeds as {@code ledger.feed.max-streams} allows: 503 {@code FEED_FULL}, retry
 * shortly (or on another node).
 */
class FeedFull extends ProblemException {

    FeedFull(int streams) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.FEED_FULL, "this node already streams the event feed to "
                + streams + " clients, its limit; retry after Retry-After seconds");
    }

    private FeedFull(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.SERVICE_UNAVAILABLE, detail);
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return headers;
    }

    /**
     * Not a full node: the service has just started and its feed has not read the journal yet, or it is stopping.
     * 503 {@code SERVICE_UNAVAILABLE}, retry shortly.
     */
    static final class Unavailable extends FeedFull {

        Unavailable(String why) {
            super("the event feed " + why + "; retry after Retry-After seconds");
        }
    }
}
