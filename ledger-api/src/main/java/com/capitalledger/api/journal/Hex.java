package com.capitalledger.api.journal;

import java.util.HexFormat;
import java.util.List;

/** Hashes as the journal's answers write them: lowercase hex. */
final class Hex {

    private Hex() {
    }

    static String of(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static List<String> of(List<byte[]> hashes) {
        return hashes.stream().map(Hex::of).toList();
    }
}
