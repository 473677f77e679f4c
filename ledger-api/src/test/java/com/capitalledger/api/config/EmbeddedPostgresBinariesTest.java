package com.capitalledger.api.config;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default runs wherever a developer may start it: PostgreSQL binaries for Linux, macOS and Windows on
 * x86-64, and Linux and macOS (Apple silicon) on ARM, are on the service's classpath, each found by the resolver the
 * service itself uses, as an XZ archive.
 */
class EmbeddedPostgresBinariesTest {

    private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "Linux,   x86_64,  postgres-linux-x86_64.txz",
            "Linux,   aarch64, postgres-linux-arm_64.txz",
            "Darwin,  x86_64,  postgres-darwin-x86_64.txz",
            "Darwin,  aarch64, postgres-darwin-arm_64.txz",
            "Windows, amd64,   postgres-windows-x86_64.txz"})
    void eachPlatformHasItsOwnBinaries(String system, String architecture, String archive) throws IOException {
        // Its own archive: the resolver would otherwise fall back to x86-64 binaries under emulation on ARM.
        URL own = getClass().getClassLoader().getResource(archive);
        assertThat(own).as(archive + " on the classpath").isNotNull();

        try (InputStream binaries = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)) {
            assertThat(binaries.readNBytes(XZ_MAGIC.length)).isEqualTo(XZ_MAGIC);
        }
    }
}
