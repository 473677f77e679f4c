package com.capitalledger.api.journal;

import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.journal.store.JournalTree;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Inclusion and consistency proofs of the journal's tree (RFC 9162). */
@Tag(name = JournalApi.TAG, description = JournalApi.TAG_DESCRIPTION)
@RestController
@RequestMapping(path = JournalApi.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class JournalProofController {

    private final JournalTree tree;

    JournalProofController(JournalTree tree) {
        this.tree = tree;
    }

    /** An inclusion proof, hashes in lowercase hex. */
    public record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> auditPath,
                                 String rootHash) {
    }

    @ProblemStatuses({400})
    @Operation(operationId = "proveJournalEntry", summary = "Prove an entry is in the journal",
            description = "The RFC 9162 audit path of entry seq in the tree of its first treeSize entries (default: "
                    + "the journal's size), from the leaf's sibling up, with the leaf hash and the root it leads to. "
                    + "Errors: 400 INVALID_PARAMETER (an entry outside the tree, a tree larger than the journal)."
                    + JournalApi.ROLES)
    @GetMapping("/entries/{seq}/proof")
    public InclusionProof proof(@Parameter(description = "The entry's seq", example = "0") @PathVariable long seq,
                                @Parameter(description = "The tree's size", example = "20")
                                @RequestParam(required = false) Long treeSize) {
        long size = tree.size();
        long of = treeSize == null ? size : treeSize;
        if (of < 1 || of > size) {
            throw new InvalidParameter("treeSize", "must be between 1 and the journal's size, " + size);
        }
        if (seq < 0 || seq >= of) {
            throw new InvalidParameter("seq", "must be an entry of the tree: between 0 and " + (of - 1));
        }
        JournalTree.Inclusion proof = tree.inclusion(seq, of);
        return new InclusionProof(proof.leafIndex(), proof.treeSize(), Hex.of(proof.leafHash()),
                Hex.of(proof.auditPath()), Hex.of(proof.root()));
    }

    /** A consistency proof, hashes in lowercase hex. */
    public record ConsistencyProof(long first, long second, List<String> proof, String firstRootHash,
                                   String secondRootHash) {
    }

    @ProblemStatuses({400})
    @Operation(operationId = "proveJournalConsistency", summary = "Prove the journal only grew",
            description = "The RFC 9162 consistency proof that the tree of the first 'second' entries extends the "
                    + "tree of the first 'first' entries (nothing of those was changed, removed or reordered), with "
                    + "both roots. Errors: 400 INVALID_PARAMETER (unless 1 <= first <= second <= the journal's "
                    + "size)." + JournalApi.ROLES)
    @GetMapping("/consistency")
    public ConsistencyProof consistency(@Parameter(description = "The earlier tree's size", example = "10")
                                        @RequestParam long first,
                                        @Parameter(description = "The later tree's size", example = "20")
                                        @RequestParam long second) {
        long size = tree.size();
        if (second < 1 || second > size) {
            throw new InvalidParameter("second", "must be between 1 and the journal's size, " + size);
        }
        if (first < 1 || first > second) {
            throw new InvalidParameter("first", "must be between 1 and second (" + second + ")");
        }
        JournalTree.Consistency proof = tree.consistency(first, second);
        return new ConsistencyProof(first, second, Hex.of(proof.proof()), Hex.of(proof.firstRoot()),
                Hex.of(proof.secondRoot()));
    }
}
