package com.capitalledger.api.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCredentialsTest {

    @TempDir
    Path home;

    @Test
    void firstStartWritesOnePasswordPerRoleToAFileOnlyItsOwnerCanRead() throws IOException {
        Path file = home.resolve("nested").resolve("demo-credentials.properties");

        Map<Role, String> passwords = DemoCredentials.loadOrCreate(file);

        assertThat(passwords).containsOnlyKeys(Role.values());
        assertThat(passwords.values()).allMatch(password -> password.matches("[A-Za-z0-9]{32}"));
        assertThat(passwords.values()).doesNotHaveDuplicates();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("treasury=" + passwords.get(Role.TREASURY))
                .contains("admin=" + passwords.get(Role.ADMIN));
        assertThat(home.resolve("nested")).isDirectoryNotContaining("glob:**.new");
    }

    @Test
    void laterStartsReuseThePasswords() {
        Path file = home.resolve("demo-credentials.properties");
        Map<Role, String> first = DemoCredentials.loadOrCreate(file);

        assertThat(DemoCredentials.loadOrCreate(file)).isEqualTo(first);
    }

    @Test
    void aFileOthersCouldReadIsTreatedAsDisclosedAndReplaced() throws IOException {
        Path file = home.resolve("demo-credentials.properties");
        Map<Role, String> first = DemoCredentials.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Map<Role, String> second = DemoCredentials.loadOrCreate(file);

        assertThat(second.get(Role.TREASURY)).isNotEqualTo(first.get(Role.TREASURY));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aLinkPlantedAtTheFilesNameIsReplacedNotFollowed() throws IOException {
        Path elsewhere = home.resolve("elsewhere.properties");
        Map<Role, String> planted = DemoCredentials.loadOrCreate(elsewhere);
        Path file = home.resolve("demo-credentials.properties");
        Files.createSymbolicLink(file, elsewhere);

        Map<Role, String> passwords = DemoCredentials.loadOrCreate(file);

        assertThat(passwords.get(Role.ADMIN)).as("the linked file's passwords are not trusted")
                .isNotEqualTo(planted.get(Role.ADMIN));
        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertThat(DemoCredentials.loadOrCreate(elsewhere)).as("the link's target is left alone").isEqualTo(planted);
    }

    @Test
    void aNewDirectoryIsTheOwnersAlone() throws IOException {
        Path file = home.resolve("fresh").resolve("demo-credentials.properties");

        DemoCredentials.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void theInvestorIsNamedAfterItsInvestor() {
        Map<Role, String> passwords = DemoCredentials.loadOrCreate(home.resolve("demo-credentials.properties"));

        assertThat(DemoCredentials.userName(Role.INVESTOR)).isEqualTo("softbank");
        assertThat(DemoCredentials.userName(Role.ANALYST)).isEqualTo("analyst");
        assertThat(passwords.get(Role.INVESTOR)).matches("[A-Za-z0-9]{32}");
    }

    @Test
    void aFileFromBeforeARoleExistedKeepsItsPasswordsAndGainsTheNewUser() throws IOException {
        Path file = home.resolve("demo-credentials.properties");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String older = "treasury=" + "T".repeat(32) + "\ncompliance=" + "C".repeat(32) + "\nanalyst=" + "A".repeat(32)
                + "\nadmin=" + "D".repeat(32) + "\n";
        Files.writeString(file, older);

        Map<Role, String> passwords = DemoCredentials.loadOrCreate(file);

        assertThat(passwords).containsOnlyKeys(Role.values());
        assertThat(passwords.get(Role.TREASURY)).isEqualTo("T".repeat(32));
        assertThat(passwords.get(Role.ADMIN)).isEqualTo("D".repeat(32));
        assertThat(passwords.get(Role.INVESTOR)).matches("[A-Za-z0-9]{32}");
        assertThat(Files.readString(file)).contains("softbank=" + passwords.get(Role.INVESTOR))
                .contains("treasury=" + "T".repeat(32));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DemoCredentials.loadOrCreate(file)).isEqualTo(passwords);
    }

    @Test
    void anIncompleteFileIsReplaced() throws IOException {
        Path file = home.resolve("demo-credentials.properties");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "treasury=short\n");

        Map<Role, String> passwords = DemoCredentials.loadOrCreate(file);

        assertThat(passwords).containsOnlyKeys(Role.values());
        assertThat(passwords.get(Role.TREASURY)).hasSize(32);
    }
}
