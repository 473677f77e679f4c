package com.capitalledger.api.documents;

import com.capitalledger.journal.digest.Digests;
import com.capitalledger.journal.digest.JournalDigests;
import com.capitalledger.journal.store.JournalStore;
import com.capitalledger.journal.store.JournalTree;
import com.capitalledger.journal.tree.MerkleTree;
import com.capitalledger.projections.fold.returns.Source;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks a document against the journal before it is issued: each event it reports must be a journal entry, and each
 * entry's inclusion proof must lead to the root of a digest signed now. A document that cannot be proven is not
 * issued (503), rather than issued unproven.
 */
@Component
public class DocumentProofs {

    private static final HexFormat HEX = HexFormat.of();

    private final JournalStore store;
    private final JournalTree tree;
    private final JournalDigests digests;

    DocumentProofs(JournalStore store, JournalTree tree, JournalDigests digests) {
        this.store = store;
        this.tree = tree;
        this.digests = digests;
    }

    /** The sources' entries, proven against a digest signed after each was journaled. */
    public Provenance prove(List<Source> sources) {
        Map<Long, Long> seqs = store.seqs(sources.stream().map(Source::globalIndex).toList());
        for (Source source : sources) {
            if (!seqs.containsKey(source.globalIndex())) {
                throw new JournalBehind(source);
            }
        }
        // Signed after the lookup, so the tree it digests holds every entry found.
        Digests.Digest digest = digests.current();
        byte[] root = HEX.parseHex(digest.rootHash());
        List<Provenance.Entry> entries = new ArrayList<>();
        for (Source source : sources.stream().sorted(Comparator.comparing(s -> seqs.get(s.globalIndex()))).toList()) {
            long seq = seqs.get(source.globalIndex());
            JournalTree.Inclusion proof = tree.inclusion(seq, digest.treeSize());
            if (!Arrays.equals(MerkleTree.rootFromInclusion(seq, digest.treeSize(), proof.leafHash(),
                    proof.auditPath()), root)) {
                throw new JournalUnverified(seq, digest);
            }
            entries.add(new Provenance.Entry(seq, source.event(), source.date(), HEX.formatHex(proof.leafHash()),
                    proof.auditPath().stream().map(HEX::formatHex).toList()));
        }
        return new Provenance(digest, entries);
    }
}
