package com.capitalledger.journal.digest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a digest file (one JSON digest a line, appended) from its end: the last digest naming a given ledger, without
 * reading the years of digests before it.
 */
final class DigestFile {

    private static final int BLOCK = 8192;

    private DigestFile() {
    }

    /** The last digest in the file that names the ledger, if any. */
    static Optional<Digests.Digest> lastOf(Path file, String ledgerId) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            byte[] tail = new byte[0];
            while (end > 0 || tail.length > 0) {
                int newline = lastNewline(tail);
                if (newline < 0 && end > 0) {
                    int read = (int) Math.min(BLOCK, end);
                    byte[] block = new byte[read + tail.length];
                    in.seek(end - read);
                    in.readFully(block, 0, read);
                    System.arraycopy(tail, 0, block, read, tail.length);
                    tail = block;
                    end -= read;
                    continue;
                }
                String line = new String(tail, newline + 1, tail.length - newline - 1, StandardCharsets.UTF_8);
                tail = Arrays.copyOf(tail, Math.max(newline, 0));
                if (!line.isBlank()) {
                    Digests.Digest digest = Digests.parse(line);
                    if (Objects.equals(digest.ledgerId(), ledgerId)) {
                        return Optional.of(digest);
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
