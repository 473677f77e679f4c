package com.capitalledger.journal.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The journal's Merkle tree, as RFC 9162 (section 2.1) defines it: leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖
 * left ‖ right), a tree of n leaves split at the largest power of two below n.
 * <p>
 * Every hash such a tree needs is the root of a range of leaves that decomposes into <em>perfect</em> subtrees,
 * {@link Node}s: 2<sup>level</sup> leaves starting at a multiple of 2<sup>level</sup>. Once complete a perfect subtree
 * never changes, so the journal stores each one as it completes, and a proof is a handful of reads. The methods here
 * say which ranges a root or a proof needs ({@link #inclusionPath}, {@link #consistencyProof}), which perfect subtrees
 * a range is made of ({@link #decompose}), and how to combine their hashes ({@link #rangeHash}).
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** A perfect subtree: the {@code 2^level} leaves from {@code index * 2^level} on; level 0 is a leaf. */
    public record Node(int level, long index) {

        public Node {
            if (level < 0 || level > 62 || index < 0) {
                throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
            }
        }

        public long first() {
            return index << level;
        }

        public long size() {
            return 1L << level;
        }
    }

    /** The leaves {@code [from, to)} of the tree. */
    public record Range(long from, long to) {

        public Range {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("no such range of leaves: [" + from + ", " + to + ")");
            }
        }
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(entry);
    }

    /** The leaf hash of an entry given as consecutive parts (hashed as if joined, without joining them). */
    public static byte[] leafHash(byte[]... parts) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        for (byte[] part : parts) {
            sha256.update(part);
        }
        return sha256.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The perfect subtrees that make up the range, left to right. The ranges the tree's hashes need start at a
     * multiple of a power of two at least as large as their first part, so the parts are perfect and aligned.
     */
    public static List<Node> decompose(Range range) {
        List<Node> nodes = new ArrayList<>();
        long from = range.from();
        while (from < range.to()) {
            long size = range.to() - from == 1 ? 1 : Long.highestOneBit(range.to() - from);
            if (from % size != 0) {
                throw new IllegalArgumentException("the range " + range + " does not split into aligned subtrees");
            }
            nodes.add(new Node(Long.numberOfTrailingZeros(size), from / size));
            from += size;
        }
        return nodes;
    }

    /** The root of a range from the hashes of its {@link #decompose decomposition}: RFC 9162's MTH of the range. */
    public static byte[] rangeHash(List<byte[]> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a range has at least one part");
        }
        byte[] hash = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = nodeHash(parts.get(i), hash);
        }
        return hash;
    }

    /**
     * The audit path of leaf {@code m} in the tree of its first {@code n} leaves, as the ranges whose roots it lists,
     * from the leaf's sibling up (RFC 9162, 2.1.3.1).
     */
    public static List<Range> inclusionPath(long m, long n) {
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + n + " leaves");
        }
        List<Range> path = new ArrayList<>();
        long from = 0;
        long to = n;
        while (to - from > 1) {
            long k = split(to - from);
            if (m - from < k) {
                path.add(new Range(from + k, to));
                to = from + k;
            } else {
                path.add(new Range(from, from + k));
                from += k;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * The root that the audit path of leaf {@code m} in a tree of {@code n} leaves leads to from the leaf's hash: each
     * hash of the path is the root of the range {@link #inclusionPath} names, which lies left or right of what has
     * been combined so far. A proof verifies when this equals the root it claims.
     *
     * @throws IllegalArgumentException if the path is not as long as the leaf's in such a tree
     */
    public static byte[] rootFromInclusion(long m, long n, byte[] leafHash, List<byte[]> auditPath) {
        List<Range> ranges = inclusionPath(m, n);
        if (ranges.size() != auditPath.size()) {
            throw new IllegalArgumentException("leaf " + m + " of a tree of " + n + " leaves has an audit path of "
                    + ranges.size() + " hashes, not " + auditPath.size());
        }
        byte[] hash = leafHash;
        for (int i = 0; i < ranges.size(); i++) {
            hash = ranges.get(i).from() > m ? nodeHash(hash, auditPath.get(i)) : nodeHash(auditPath.get(i), hash);
        }
        return hash;
    }

    /**
     * The consistency proof between the trees of the first {@code m} and the first {@code n} leaves, as the ranges
     * whose roots it lists (RFC 9162, 2.1.4.1); empty when m = n.
     */
    public static List<Range> consistencyProof(long m, long n) {
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("no consistency proof from a tree of " + m + " to one of " + n
                    + " leaves");
        }
        List<Range> proof = new ArrayList<>();
        long from = 0;
        long to = n;
        long first = m;
        boolean complete = true;
        while (first != to - from) {
            long k = split(to - from);
            if (first <= k) {
                proof.add(new Range(from + k, to));
                to = from + k;
            } else {
                proof.add(new Range(from, from + k));
                from += k;
                first -= k;
                complete = false;
            }
        }
        if (!complete) {
            proof.add(new Range(from, to));
        }
        Collections.reverse(proof);
        return proof;
    }

    /** One SHA-256 per thread, reset by each digest(): looking one up costs more than hashing a leaf. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    static MessageDigest sha256() {
        MessageDigest sha256 = SHA_256.get();
        sha256.reset();
        return sha256;
    }
}
