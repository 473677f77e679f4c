package com.capitalledger.api.consistency;

import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/**
 * A query asked for a position its read model had not applied within the consistency timeout: 503
 * {@code READ_MODEL_BEHIND}, retry shortly.
 */
public class ReadModelBehind extends ProblemException {

    public ReadModelBehind(String processingGroup, long position, Duration timeout) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.READ_MODEL_BEHIND, "read model " + processingGroup
                + " has not applied ledger position " + position + " within " + timeout.toMillis() + " ms; retry");
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return headers;
    }
}
