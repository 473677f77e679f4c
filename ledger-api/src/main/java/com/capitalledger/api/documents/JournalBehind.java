package com.capitalledger.api.documents;

import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemException;
import com.capitalledger.projections.fold.returns.Source;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A document reports an event the journal has not taken yet: 503 {@code JOURNAL_BEHIND}, retry shortly. */
public class JournalBehind extends ProblemException {

    JournalBehind(Source source) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.JOURNAL_BEHIND, "the journal does not hold the "
                + source.event() + " event at ledger position " + source.globalIndex() + " yet; retry");
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return headers;
    }
}
