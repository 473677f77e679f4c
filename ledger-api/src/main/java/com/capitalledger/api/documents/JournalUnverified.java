package com.capitalledger.api.documents;

import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemException;
import com.capitalledger.journal.digest.Digests;
import org.springframework.http.HttpStatus;

/**
 * An entry's inclusion proof did not lead to the digest's root: the journal's stored tree is not what it signed, so
 * no document is issued from it (503 {@code JOURNAL_UNVERIFIED}); a journal verification says more.
 */
public class JournalUnverified extends ProblemException {

    JournalUnverified(long seq, Digests.Digest digest) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.JOURNAL_UNVERIFIED, "the inclusion proof of journal entry "
                + seq + " does not lead to the root " + digest.rootHash() + " of the journal's " + digest.treeSize()
                + " entries; no document is issued until the journal verifies");
    }
}
