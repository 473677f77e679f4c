package com.capitalledger.journal.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A second implementation of RFC 9162's Merkle tree, for the tests only and written from the RFC's text alone: the
 * recursive definitions of MTH, PATH and PROOF over a list of leaf hashes (2.1.1, 2.1.3.1, 2.1.4.1), and the
 * verification algorithms a client runs (2.1.3.2, 2.1.4.2). It shares no code with {@link MerkleTree}.
 */
public final class Rfc9162 {

    private Rfc9162() {
    }

    public static byte[] leaf(byte[] entry) {
        return hash(new byte[]{0x00}, entry);
    }

    static byte[] node(byte[] left, byte[] right) {
        return hash(new byte[]{0x01}, left, right);
    }

    /** MTH(D[n]) over leaf hashes. */
    public static byte[] mth(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return hash();
        }
        if (n == 1) {
            return leaves.get(0);
        }
        int k = largestPowerOfTwoBelow(n);
        return node(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    public static List<byte[]> path(int m, List<byte[]> leaves) {
        int n = leaves.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(path(m, leaves.subList(0, k)));
            path.add(mth(leaves.subList(k, n)));
        } else {
            path.addAll(path(m - k, leaves.subList(k, n)));
            path.add(mth(leaves.subList(0, k)));
        }
        return path;
    }

    /** PROOF(m, D[n]). */
    public static List<byte[]> proof(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
        int n = leaves.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(leaves));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, leaves.subList(0, k), b));
            proof.add(mth(leaves.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, leaves.subList(k, n), false));
            proof.add(mth(leaves.subList(0, k)));
        }
        return proof;
    }

    /** 2.1.3.2: does the audit path prove that {@code leafHash} is leaf {@code index} of the tree with this root? */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> auditPath,
                                          byte[] rootHash) {
        if (index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : auditPath) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, rootHash);
    }

    /** 2.1.4.2: does the proof show that the tree of {@code second} leaves extends the one of {@code first}? */
    public static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash,
                                            List<byte[]> consistencyPath) {
        if (first == second) {
            return consistencyPath.isEmpty() && Arrays.equals(firstHash, secondHash);
        }
        if (first == 0 || first > second || consistencyPath.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(consistencyPath);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstHash);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private static byte[] hash(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
