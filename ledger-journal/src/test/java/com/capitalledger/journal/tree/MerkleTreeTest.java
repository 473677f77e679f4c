package com.capitalledger.journal.tree;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tree the journal grows, its stored subtrees and the proofs built from them, against {@link Rfc9162}: the RFC's
 * recursive definitions and its client-side verification, written separately.
 */
class MerkleTreeTest {

    private static final int LEAVES = 300;
    private static final List<byte[]> leaves = new ArrayList<>();
    /** Every perfect subtree the frontier completed, and the leaves: what the journal stores. */
    private static final Map<MerkleTree.Node, byte[]> stored = new HashMap<>();
    private static final List<byte[]> roots = new ArrayList<>();

    @BeforeAll
    static void grow() {
        TreeFrontier frontier = TreeFrontier.empty();
        roots.add(frontier.root());
        for (int i = 0; i < LEAVES; i++) {
            byte[] leaf = MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            stored.put(new MerkleTree.Node(0, i), leaf);
            frontier.append(leaf).forEach(node -> stored.put(node.node(), node.hash()));
            roots.add(frontier.root());
        }
    }

    private static byte[] hash(MerkleTree.Range range) {
        return MerkleTree.rangeHash(MerkleTree.decompose(range).stream().map(node -> {
            assertThat(stored).as("stored " + node).containsKey(node);
            return stored.get(node);
        }).toList());
    }

    @Test
    void leafHashesAreTheRfcsLeafHashes() {
        byte[] entry = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(MerkleTree.leafHash(entry)).isEqualTo(Rfc9162.leaf(entry));
    }

    @Test
    void theRootAtEverySizeIsTheRfcsTreeHash() {
        for (int n = 0; n <= LEAVES; n++) {
            assertThat(roots.get(n)).as("root of %d leaves", n).isEqualTo(Rfc9162.mth(leaves.subList(0, n)));
        }
        assertThat(MerkleTree.emptyRoot()).isEqualTo(Rfc9162.mth(List.of()));
    }

    @Test
    void everyStoredSubtreeIsTheRfcsHashOfItsLeaves() {
        assertThat(stored.keySet().stream().filter(node -> node.level() > 0)).hasSize(LEAVES - Long.bitCount(LEAVES));
        stored.forEach((node, hash) -> assertThat(hash).as(node.toString())
                .isEqualTo(Rfc9162.mth(leaves.subList((int) node.first(), (int) (node.first() + node.size())))));
    }

    @Test
    void aFrontierReloadedFromStoredSubtreesGrowsTheSameTree() {
        TreeFrontier reloaded = TreeFrontier.of(77, MerkleTree.decompose(new MerkleTree.Range(0, 77)).stream()
                .map(stored::get).toList());
        for (int i = 77; i < LEAVES; i++) {
            reloaded.append(leaves.get(i));
            assertThat(reloaded.root()).isEqualTo(roots.get(i + 1));
        }
    }

    @Test
    void inclusionProofsAreTheRfcsAuditPathsAndVerify() {
        for (int n = 1; n <= LEAVES; n += n < 70 ? 1 : 23) {
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusionPath(m, n).stream().map(MerkleTreeTest::hash).toList();
                assertThat(path).as("PATH(%d, D[%d])", m, n).containsExactlyElementsOf(Rfc9162.path(m, leaves.subList(0, n)));
                assertThat(Rfc9162.verifyInclusion(m, n, leaves.get(m), path, roots.get(n))).isTrue();
                assertThat(MerkleTree.rootFromInclusion(m, n, leaves.get(m), path)).isEqualTo(roots.get(n));
                if (!path.isEmpty()) {
                    List<byte[]> forged = new ArrayList<>(path);
                    byte[] flipped = path.get(0).clone();
                    flipped[0] ^= 1;
                    forged.set(0, flipped);
                    assertThat(Rfc9162.verifyInclusion(m, n, leaves.get(m), forged, roots.get(n))).isFalse();
                    assertThat(MerkleTree.rootFromInclusion(m, n, leaves.get(m), forged)).isNotEqualTo(roots.get(n));
                }
                assertThat(Rfc9162.verifyInclusion(m, n, leaves.get(m), path, roots.get(n - 1))).isFalse();
            }
        }
    }

    @Test
    void consistencyProofsAreTheRfcsProofsAndVerify() {
        for (int n = 1; n <= LEAVES; n += n < 70 ? 1 : 37) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(m, n).stream().map(MerkleTreeTest::hash).toList();
                assertThat(proof).as("PROOF(%d, D[%d])", m, n).containsExactlyElementsOf(Rfc9162.proof(m, leaves.subList(0, n)));
                assertThat(Rfc9162.verifyConsistency(m, n, roots.get(m), roots.get(n), proof)).isTrue();
                if (m < n) {
                    assertThat(Rfc9162.verifyConsistency(m, n, roots.get(m), roots.get(n - 1), proof)).isFalse();
                    assertThat(Rfc9162.verifyConsistency(m, n, leaves.get(0), roots.get(n), proof)).as("%d %d", m, n)
                            .isEqualTo(m == 1);
                }
            }
        }
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        assertThatThrownBy(() -> MerkleTree.inclusionPath(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
