package com.capitalledger.journal.verify;

import com.capitalledger.journal.digest.Digests;
import com.capitalledger.journal.keys.SigningKeys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The offline verifier, the service jar's {@code verify} mode: checks an export of the journal against signed digests
 * and the journal's public key, with no database and no network.
 * <pre>java -jar ledger-api.jar verify --export journal.ndjson --digest digest.json --public-key journal.pem</pre>
 * The digest file may hold several digests, one JSON object per line (the service's digest file does): each is
 * checked, in one pass over the export. Each digest names its ledger; a file shared by several ledgers holds the
 * export only to the digests of the ledger named by {@code --ledger-id} (needed only when the file names more than
 * one) and ignores the others. Exit status 0 when every digest verifies and the export matches it, 1 on any mismatch,
 * 2 on bad usage.
 */
public final class JournalVerifyCommand {

    static final String USAGE = "usage: java -jar ledger-api.jar verify --export <journal.ndjson> "
            + "--digest <digests.ndjson> --public-key <journal.pem> [--ledger-id <the ledger's id>]";
    private static final List<String> FILES = List.of("--export", "--digest", "--public-key");
    private static final String LEDGER = "--ledger-id";

    private JournalVerifyCommand() {
    }

    public static int run(List<String> args, PrintStream out) {
        Map<String, Path> files = new HashMap<>();
        String ledger = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!(FILES.contains(option) || LEDGER.equals(option)) || i + 1 >= args.size()) {
                out.println(USAGE);
                return 2;
            }
            if (LEDGER.equals(option)) {
                ledger = args.get(++i);
            } else {
                files.put(option, Path.of(args.get(++i)));
            }
        }
        if (files.size() != 3) {
            out.println(USAGE);
            return 2;
        }
        try {
            PublicKey key = SigningKeys.publicKeyFromPem(Files.readString(files.get("--public-key")));
            List<String> digests = Files.readAllLines(files.get("--digest"), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            if (digests.isEmpty()) {
                out.println("no digest in " + files.get("--digest"));
                return 2;
            }
            out.println("Public key " + SigningKeys.keyId(key));
            List<Digests.Digest> all = new ArrayList<>();
            for (String line : digests) {
                all.add(Digests.parse(line));
            }
            List<String> ledgers = all.stream().map(Digests.Digest::ledgerId).filter(Objects::nonNull).distinct()
                    .toList();
            if (ledger == null && ledgers.size() > 1) {
                out.println("the digests name " + ledgers.size() + " ledgers (" + String.join(", ", ledgers)
                        + "): name the export's with --ledger-id");
                return 2;
            }
            String of = ledger != null ? ledger : ledgers.isEmpty() ? null : ledgers.get(0);
            List<Digests.Digest> held = all.stream().filter(digest -> Objects.equals(digest.ledgerId(), of)).toList();
            if (held.isEmpty()) {
                out.println("no digest of ledger " + of + " in " + files.get("--digest"));
                return 2;
            }
            if (of != null) {
                out.println("Ledger " + of + (held.size() < all.size() ? " (" + (all.size() - held.size())
                        + " digests of other ledgers ignored)" : ""));
            }
            OfflineVerifier.Outcome outcome;
            try (BufferedReader export = Files.newBufferedReader(files.get("--export"), StandardCharsets.UTF_8)) {
                outcome = OfflineVerifier.verify(export, held, key);
            }
            print(out, held, outcome);
            return outcome.ok() ? 0 : 1;
        } catch (NoSuchFileException missing) {
            out.println("cannot verify: no such file " + missing.getFile());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            out.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    private static void print(PrintStream out, List<Digests.Digest> digests, OfflineVerifier.Outcome outcome) {
        for (Digests.Digest digest : digests) {
            out.println("Digest of " + digest.treeSize() + " entries issued at " + digest.issuedAt() + ", root "
                    + digest.rootHash() + ": signature " + (outcome.unsigned().contains(digest) ? "INVALID (not "
                    + "signed with this public key, or altered)" : "valid"));
        }
        VerificationPass.Report report = outcome.report();
        out.println("Export: " + report.entriesChecked() + " entries checked, root now " + report.rootHash());
        if (outcome.ok()) {
            out.println("  OK: every entry hashes to its leaf hash, the entries run from 0 without a gap, the first "
                    + "treeSize entries hash to the root of each digest, and the export holds no event outside the "
                    + "journal");
            return;
        }
        VerificationPass.Mismatch first = report.firstMismatch();
        out.println("  MISMATCH (" + report.mismatches() + " in all), first at seq " + first.seq()
                + (first.globalIndex() == null ? "" : ", global index " + first.globalIndex())
                + (first.eventId() == null ? "" : ", event " + first.eventId())
                + (first.programId() == null ? "" : ", program " + first.programId()) + ": " + first.reason());
    }
}
