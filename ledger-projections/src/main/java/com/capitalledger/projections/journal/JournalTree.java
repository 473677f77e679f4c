package com.capitalledger.projections.journal;

import com.capitalledger.core.journal.MerkleTree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roots and proofs of the journal's tree at any size it has had, from the stored subtrees: each is one read of the
 * O(log n) subtrees it needs.
 */
public class JournalTree {

    /** Leaf {@code leafIndex} of the tree of {@code treeSize} leaves, and the audit path that proves it (RFC 9162). */
    public record Inclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> auditPath) {
    }

    /** The proof that the tree of {@code second} leaves extends the one of {@code first} (RFC 9162). */
    public record Consistency(long first, long second, List<byte[]> proof) {
    }

    private final JournalStore store;

    public JournalTree(JournalStore store) {
        this.store = store;
    }

    public long size() {
        return store.size();
    }

    /** The root of the tree of the first {@code size} entries. */
    public byte[] root(long size) {
        if (size == 0) {
            return MerkleTree.emptyRoot();
        }
        List<MerkleTree.Range> ranges = List.of(new MerkleTree.Range(0, size));
        return hashes(ranges, store.nodes(needed(ranges))).get(0);
    }

    /**
     * @throws IllegalArgumentException if the entry is not in a tree of that size, or the journal is not that large
     */
    public Inclusion inclusion(long seq, long treeSize) {
        requireSize(treeSize);
        if (seq < 0 || seq >= treeSize) {
            throw new IllegalArgumentException("entry " + seq + " is not in a tree of " + treeSize + " entries");
        }
        List<MerkleTree.Range> path = MerkleTree.inclusionPath(seq, treeSize);
        Set<MerkleTree.Node> needed = needed(path);
        MerkleTree.Node leaf = new MerkleTree.Node(0, seq);
        needed.add(leaf);
        Map<MerkleTree.Node, byte[]> nodes = store.nodes(needed);
        return new Inclusion(seq, treeSize, nodes.get(leaf), hashes(path, nodes));
    }

    /** @throws IllegalArgumentException unless 1 ≤ first ≤ second ≤ the journal's size */
    public Consistency consistency(long first, long second) {
        requireSize(second);
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("a consistency proof runs from a tree of at least one entry to one at "
                    + "least as large: first " + first + ", second " + second);
        }
        List<MerkleTree.Range> proof = MerkleTree.consistencyProof(first, second);
        return new Consistency(first, second, hashes(proof, store.nodes(needed(proof))));
    }

    private void requireSize(long treeSize) {
        long size = store.size();
        if (treeSize < 1 || treeSize > size) {
            throw new IllegalArgumentException("the journal has " + size + " entries; no tree of " + treeSize);
        }
    }

    private static Set<MerkleTree.Node> needed(Collection<MerkleTree.Range> ranges) {
        Set<MerkleTree.Node> nodes = new LinkedHashSet<>();
        ranges.forEach(range -> nodes.addAll(MerkleTree.decompose(range)));
        return nodes;
    }

    private static List<byte[]> hashes(List<MerkleTree.Range> ranges, Map<MerkleTree.Node, byte[]> nodes) {
        List<byte[]> hashes = new ArrayList<>(ranges.size());
        for (MerkleTree.Range range : ranges) {
            hashes.add(MerkleTree.rangeHash(MerkleTree.decompose(range).stream().map(nodes::get).toList()));
        }
        return hashes;
    }
}
