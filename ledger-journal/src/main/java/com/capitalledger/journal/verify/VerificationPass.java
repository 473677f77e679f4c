package com.capitalledger.journal.verify;

import com.capitalledger.journal.digest.Digests;
import com.capitalledger.journal.entry.JournalEntries;
import com.capitalledger.journal.tree.MerkleTree;
import com.capitalledger.journal.tree.TreeFrontier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One pass of verification over a journal, whoever reads it (the service from its tables, the offline verifier from an
 * export): each entry's leaf hash recomputed from its event and compared with the one on record; the tree of the leaves
 * on record grown again, for the caller to compare with the stored subtrees, and its root at a signed digest's size
 * compared with the digest's. Each check so answers for one layer (events against entries, subtrees against entries,
 * entries against the digest); the root reported is that of the leaves recomputed from the events. The first mismatch
 * is kept, the most precise first: an entry that does not match, then a subtree, then an event the journal lacks, then
 * the digest.
 */
public final class VerificationPass {

    /** Where the journal stops matching: the entry (or the event the journal lacks) and why. */
    public record Mismatch(Long seq, Long globalIndex, String eventId, String programId, String reason) {
    }

    /** What a verification found. */
    public record Report(long entriesChecked, String rootHash, boolean ok, long mismatches, Mismatch firstMismatch) {
    }

    /** The tree of the leaf hashes on record: what the stored subtrees and the digests were made from. */
    private final TreeFrontier tree = TreeFrontier.empty();
    /**
     * The tree of the leaf hashes recomputed from the events (the journal as the event store now renders it), grown
     * apart from {@link #tree} only from the first leaf that differs: until then the two are one.
     */
    private TreeFrontier recomputed;
    /** The digests to hold the journal to, by tree size, each checked once the tree reaches its size. */
    private final NavigableMap<Long, List<Digests.Digest>> digests = new TreeMap<>();
    private final long genesis;
    private final AtomicLong checked = new AtomicLong();
    private Mismatch entryMismatch;
    private Mismatch nodeMismatch;
    private Mismatch missingMismatch;
    private Mismatch digestMismatch;
    private long mismatches;

    /** A verification of entries rendered without the seal key: what anyone holding an export can check. */
    public VerificationPass(Collection<Digests.Digest> digests) {
        this(digests, Long.MAX_VALUE);
    }

    /**
     * @param digests digests to hold the journal to (their signatures verified by the caller), in one pass
     * @param genesis events up to this global index were recorded before events were sealed; after it, an entry
     *                rendered with the ledger's seals must carry a valid one (an entry appended behind its back, with
     *                its leaf and subtrees, would otherwise extend the tree consistently until the next digest)
     */
    public VerificationPass(Collection<Digests.Digest> digests, long genesis) {
        this.genesis = genesis;
        digests.forEach(digest -> this.digests.computeIfAbsent(digest.treeSize(), size -> new ArrayList<>())
                .add(digest));
        holdTo(0, MerkleTree.emptyRoot());
    }

    /** Entries checked so far: the progress of a verification running in the background. */
    public long checked() {
        return checked.get();
    }

    /**
     * The next entry, in seq order: its seq, the leaf hash on record (null if none), its event's identity and the
     * entry rendered from the event (null if the store no longer holds it). Returns the subtrees it completed, grown
     * again from the leaves on record, for the caller to compare with the stored ones.
     */
    public List<TreeFrontier.HashedNode> entry(long seq, byte[] recordedLeaf, String eventId, Long globalIndex,
                                               JournalEntries.Rendered rendered) {
        String programId = rendered == null ? null : rendered.programId();
        inOrder(seq, globalIndex, eventId, programId);
        if (rendered == null) {
            entryMismatch(seq, globalIndex, eventId, null, "the event store no longer holds this entry's event");
            // The entry cannot be hashed again; the trees go on with the leaf on record, to check the rest.
            return advance(recordedLeaf, recordedLeaf);
        }
        byte[] leaf = rendered.leaf();
        if (recordedLeaf != null && !Arrays.equals(leaf, recordedLeaf)) {
            entryMismatch(seq, globalIndex, eventId, programId, "the event as stored does not hash to the "
                    + "entry's leaf hash: it was changed after it was journaled");
        } else if (rendered.sealed() != null && !rendered.sealed() && globalIndex != null && globalIndex > genesis) {
            entryMismatch(seq, globalIndex, eventId, programId, "the event carries no valid seal: it was not "
                    + "written by this ledger, and the journal was rewritten to hold it");
        }
        return advance(recordedLeaf == null ? leaf : recordedLeaf, leaf);
    }

    /** The next entry, whose event can no longer be read as JSON. */
    public List<TreeFrontier.HashedNode> unreadable(long seq, byte[] recordedLeaf, String eventId, Long globalIndex,
                                                    String why) {
        inOrder(seq, globalIndex, eventId, null);
        entryMismatch(seq, globalIndex, eventId, null, "its event's payload or metadata is no longer JSON: " + why);
        return advance(recordedLeaf, recordedLeaf);
    }

    private void inOrder(long seq, Long globalIndex, String eventId, String programId) {
        if (seq != tree.size()) {
            entryMismatch(seq, globalIndex, eventId, programId, "the journal goes from entry "
                    + (tree.size() - 1) + " to entry " + seq + ": entries are missing or out of order");
        }
    }

    private List<TreeFrontier.HashedNode> advance(byte[] recordedLeaf, byte[] recomputedLeaf) {
        byte[] recorded = recordedLeaf == null ? new byte[32] : recordedLeaf;
        byte[] again = recomputedLeaf == null ? new byte[32] : recomputedLeaf;
        if (recomputed == null && !Arrays.equals(recorded, again)) {
            recomputed = TreeFrontier.of(tree.size(), tree.hashes());
        }
        List<TreeFrontier.HashedNode> completed = tree.append(recorded);
        if (recomputed != null) {
            recomputed.append(again);
        }
        checked.incrementAndGet();
        if (digests.containsKey(tree.size())) {
            holdTo(tree.size(), tree.root());
        }
        return completed;
    }

    /** A stored subtree that differs from the one computed again (or is missing, or should not exist). */
    public void subtree(MerkleTree.Node node, String problem) {
        mismatches++;
        if (nodeMismatch == null) {
            nodeMismatch = new Mismatch(node.first(), null, null, null, "the stored subtree over entries "
                    + node.first() + " to " + (node.first() + node.size() - 1) + " " + problem);
        }
    }

    /** An event the store holds and the journal does not. */
    public void notJournaled(long globalIndex, String eventId, String programId, String why) {
        mismatches++;
        if (missingMismatch == null) {
            missingMismatch = new Mismatch(null, globalIndex, eventId, programId, why);
        }
    }

    /** A digest offered to hold the journal to whose signature does not verify with the journal's key. */
    public void forgedDigest(Digests.Digest forged) {
        mismatches++;
        digestMismatch = new Mismatch(null, null, null, null, "the digest of " + forged.treeSize() + " entries issued "
                + "at " + forged.issuedAt() + " does not verify with the journal's public key: this ledger did not "
                + "sign it");
    }

    public Report report() {
        // Digests of more entries than the journal holds: entries were removed.
        digests.tailMap(tree.size(), false).values().forEach(larger -> larger.forEach(digest -> {
            mismatches++;
            if (digestMismatch == null) {
                digestMismatch = new Mismatch(tree.size(), null, null, null, "the journal has " + tree.size()
                        + " entries, fewer than the " + digest.treeSize() + " of the digest issued at "
                        + digest.issuedAt() + ": entries were removed");
            }
        }));
        digests.clear();
        Mismatch first = entryMismatch != null ? entryMismatch : nodeMismatch != null ? nodeMismatch
                : missingMismatch != null ? missingMismatch : digestMismatch;
        return new Report(tree.size(), HexFormat.of().formatHex((recomputed == null ? tree : recomputed).root()), first == null, mismatches, first);
    }

    /** Compares the root at this size with every digest of that size, and is done with them. */
    private void holdTo(long size, byte[] root) {
        List<Digests.Digest> atSize = digests.remove(size);
        if (atSize == null) {
            return;
        }
        for (Digests.Digest digest : atSize) {
            if (!HexFormat.of().formatHex(root).equals(digest.rootHash())) {
                mismatches++;
                if (digestMismatch == null) {
                    digestMismatch = new Mismatch(digest.treeSize() - 1, null, null, null, "the first "
                            + digest.treeSize() + " entries no longer hash to the root of the digest issued at "
                            + digest.issuedAt() + ": the journal was rewritten since");
                }
            }
        }
    }

    private void entryMismatch(long seq, Long globalIndex, String eventId, String programId, String reason) {
        mismatches++;
        if (entryMismatch == null) {
            entryMismatch = new Mismatch(seq, globalIndex, eventId, programId, reason);
        }
    }
}
