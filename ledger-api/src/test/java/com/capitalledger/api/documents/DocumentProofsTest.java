package com.capitalledger.api.documents;

import com.capitalledger.journal.digest.Digests;
import com.capitalledger.journal.digest.JournalDigests;
import com.capitalledger.journal.keys.SigningKeys;
import com.capitalledger.journal.store.JournalStore;
import com.capitalledger.journal.store.JournalTree;
import com.capitalledger.journal.tree.MerkleTree;
import com.capitalledger.journal.tree.Rfc9162;
import com.capitalledger.projections.fold.returns.Source;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A document is issued only with proofs that lead to a signed root: over a journal of seven entries held in memory,
 * whose events are at global indexes 100 + seq.
 */
class DocumentProofsTest {

    private static final SigningKeys KEYS = SigningKeys.generate();
    private static final LocalDate DAY = LocalDate.parse("2026-01-15");

    private final List<byte[]> leaves = new ArrayList<>();

    DocumentProofsTest() {
        for (int i = 0; i < 7; i++) {
            leaves.add(Rfc9162.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void eachEntryComesWithAnAuditPathToTheDigestsRoot() {
        Provenance provenance = proofs(store(leaves), Rfc9162.mth(leaves)).prove(List.of(
                new Source(105, "WaterfallRun", DAY), new Source(102, "CapitalCalled", DAY)));
        assertThat(provenance.digest().treeSize()).isEqualTo(7);
        assertThat(provenance.entries()).extracting(Provenance.Entry::seq).containsExactly(2L, 5L);
        for (Provenance.Entry entry : provenance.entries()) {
            List<byte[]> path = entry.auditPath().stream().map(HexFormat.of()::parseHex).toList();
            assertThat(Rfc9162.verifyInclusion(entry.seq(), 7, HexFormat.of().parseHex(entry.leafHash()), path,
                    Rfc9162.mth(leaves))).isTrue();
            assertThat(path).usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(Rfc9162.path((int) entry.seq(), leaves));
        }
    }

    @Test
    void anEventTheJournalDoesNotHoldYetIsJournalBehind() {
        assertThatThrownBy(() -> proofs(store(leaves), Rfc9162.mth(leaves)).prove(List.of(
                new Source(102, "CapitalCalled", DAY), new Source(107, "WaterfallRun", DAY))))
                .isInstanceOfSatisfying(JournalBehind.class, behind -> {
                    assertThat(behind.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(behind.headers().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(behind.getMessage()).contains("WaterfallRun", "107");
                });
    }

    @Test
    void aTreeThatIsNotWhatWasSignedIsJournalUnverified() {
        List<byte[]> tampered = new ArrayList<>(leaves);
        tampered.set(6, Rfc9162.leaf("another entry".getBytes(StandardCharsets.UTF_8)));
        // Entry 6 is on entry 3's audit path (as part of the right subtree): its proof no longer leads to the root.
        assertThatThrownBy(() -> proofs(store(tampered), Rfc9162.mth(leaves)).prove(List.of(
                new Source(103, "CapitalCalled", DAY))))
                .isInstanceOfSatisfying(JournalUnverified.class, unverified ->
                        assertThat(unverified.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    private static DocumentProofs proofs(JournalStore store, byte[] signedRoot) {
        JournalDigests digests = mock(JournalDigests.class);
        when(digests.current()).thenReturn(Digests.issue("L", 7, signedRoot, Instant.parse("2026-12-07T00:00:00Z"),
                KEYS));
        return new DocumentProofs(store, new JournalTree(store), digests);
    }

    /** A journal of these leaves, the event at global index 100 + seq for each; its subtrees hashed from them. */
    private static JournalStore store(List<byte[]> leaves) {
        return new JournalStore(null) {
            @Override
            public long size() {
                return leaves.size();
            }

            @Override
            public Map<Long, Long> seqs(Collection<Long> globalIndexes) {
                Map<Long, Long> seqs = new HashMap<>();
                globalIndexes.stream().filter(i -> i >= 100 && i < 100 + leaves.size())
                        .forEach(i -> seqs.put(i, i - 100));
                return seqs;
            }

            @Override
            public Map<MerkleTree.Node, byte[]> nodes(Collection<MerkleTree.Node> wanted) {
                Map<MerkleTree.Node, byte[]> nodes = new HashMap<>();
                wanted.forEach(node -> nodes.put(node, Rfc9162.mth(leaves.subList((int) node.first(),
                        (int) (node.first() + node.size())))));
                return nodes;
            }
        };
    }
}
