package com.capitalledger.journal.store;

import com.capitalledger.journal.tree.MerkleTree;

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

    /**
     * Leaf {@code leafIndex} of the tree of {@code treeSize} leaves, the audit path that proves it (RFC 9162), and the
     * root it leads to.
     */
    public record Inclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> auditPath, byte[] root) {
    }

    /** The proof that the tree of {@code second} leaves extends the one of {@code first} (RFC 9162), and both roots. */
    public record Consistency(long first, long second, List<byte[]> proof, byte[] firstRoot, byte[] secondRoot) {
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
        MerkleTree.Range whole = new MerkleTree.Range(0, size);
        return hash(whole, store.nodes(MerkleTree.decompose(whole)));
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
        MerkleTree.Range whole = new MerkleTree.Range(0, treeSize);
        // The path, the leaf and the root, in one read.
        Set<MerkleTree.Node> needed = needed(path);
        MerkleTree.Node leaf = new MerkleTree.Node(0, seq);
        needed.add(leaf);
        needed.addAll(MerkleTree.decompose(whole));
        Map<MerkleTree.Node, byte[]> nodes = store.nodes(needed);
        return new Inclusion(seq, treeSize, nodes.get(leaf), hashes(path, nodes), hash(whole, nodes));
    }

    /** @throws IllegalArgumentException unless 1 ≤ first ≤ second ≤ the journal's size */
    public Consistency consistency(long first, long second) {
        requireSize(second);
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("a consistency proof runs from a tree of at least one entry to one at "
                    + "least as large: first " + first + ", second " + second);
        }
        List<MerkleTree.Range> proof = MerkleTree.consistencyProof(first, second);
        MerkleTree.Range before = new MerkleTree.Range(0, first);
        MerkleTree.Range after = new MerkleTree.Range(0, second);
        // The proof and both roots, in one read.
        Set<MerkleTree.Node> needed = needed(proof);
        needed.addAll(MerkleTree.decompose(before));
        needed.addAll(MerkleTree.decompose(after));
        Map<MerkleTree.Node, byte[]> nodes = store.nodes(needed);
        return new Consistency(first, second, hashes(proof, nodes), hash(before, nodes), hash(after, nodes));
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
        return ranges.stream().map(range -> hash(range, nodes)).toList();
    }

    private static byte[] hash(MerkleTree.Range range, Map<MerkleTree.Node, byte[]> nodes) {
        return MerkleTree.rangeHash(MerkleTree.decompose(range).stream().map(nodes::get).toList());
    }
}
