package com.capitalledger.journal.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing Merkle tree: the perfect subtrees that make up its leaves so far (one per 1-bit of the
 * size, largest first). Appending a leaf merges equal neighbours, like a carry in binary addition; each merge
 * completes a perfect subtree, which the caller stores. O(log n) memory, however long the journal.
 */
public final class TreeFrontier {

    /** A perfect subtree and its hash. */
    public record HashedNode(MerkleTree.Node node, byte[] hash) {
    }

    private final List<HashedNode> edge;
    private long size;

    private TreeFrontier(List<HashedNode> edge, long size) {
        this.edge = edge;
        this.size = size;
    }

    public static TreeFrontier empty() {
        return new TreeFrontier(new ArrayList<>(), 0);
    }

    /**
     * The frontier of a tree of {@code size} leaves, from the hashes of {@code MerkleTree.decompose([0, size))}.
     */
    public static TreeFrontier of(long size, List<byte[]> hashes) {
        if (size == 0) {
            return empty();
        }
        List<MerkleTree.Node> nodes = MerkleTree.decompose(new MerkleTree.Range(0, size));
        if (nodes.size() != hashes.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + nodes.size()
                    + " perfect subtrees on its edge, not " + hashes.size());
        }
        List<HashedNode> edge = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            edge.add(new HashedNode(nodes.get(i), hashes.get(i).clone()));
        }
        return new TreeFrontier(edge, size);
    }

    /**
     * Appends the leaf with this hash as leaf number {@link #size()}.
     *
     * @return the perfect subtrees of level 1 and above that the leaf completed, smallest first
     */
    public List<HashedNode> append(byte[] leafHash) {
        edge.add(new HashedNode(new MerkleTree.Node(0, size), leafHash.clone()));
        size++;
        List<HashedNode> completed = new ArrayList<>();
        while (edge.size() >= 2) {
            HashedNode right = edge.get(edge.size() - 1);
            HashedNode left = edge.get(edge.size() - 2);
            if (left.node().level() != right.node().level()) {
                break;
            }
            HashedNode merged = new HashedNode(new MerkleTree.Node(left.node().level() + 1, left.node().index() / 2),
                    MerkleTree.nodeHash(left.hash(), right.hash()));
            edge.remove(edge.size() - 1);
            edge.set(edge.size() - 1, merged);
            completed.add(merged);
        }
        return completed;
    }

    public long size() {
        return size;
    }

    /** The tree's root hash: RFC 9162's MTH of all its leaves (SHA-256 of nothing for the empty tree). */
    public byte[] root() {
        return size == 0 ? MerkleTree.emptyRoot() : MerkleTree.rangeHash(edge.stream().map(HashedNode::hash).toList());
    }

    /** The edge's hashes, largest subtree first: what {@link #of} takes back. */
    public List<byte[]> hashes() {
        return edge.stream().map(node -> node.hash().clone()).toList();
    }
}
