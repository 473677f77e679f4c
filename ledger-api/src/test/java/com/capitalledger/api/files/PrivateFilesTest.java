package com.capitalledger.api.files;

import com.capitalledger.api.security.DemoCredentials;
import com.capitalledger.api.security.Role;
import com.capitalledger.journal.files.PrivateFiles;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Private files where permissions are access lists, as on Windows: an in-memory Windows-like file system (Jimfs),
 * since the JDK offers no access lists on Linux. The POSIX side is {@code DemoCredentialsTest}'s. Here, beside the
 * demo credentials that use them, and not in ledger-journal with {@link PrivateFiles}.
 */
class PrivateFilesTest {

    private static final String ME = System.getProperty("user.name");

    private final FileSystem windows = Jimfs.newFileSystem(Configuration.windows().toBuilder()
            .setAttributeViews("basic", "owner", "acl").setDefaultAttributeValue("owner:owner", ME).build());

    @AfterEach
    void close() throws IOException {
        windows.close();
    }

    private UserPrincipal user(String name) throws IOException {
        return windows.getUserPrincipalLookupService().lookupPrincipalByName(name);
    }

    private List<AclEntry> acl(Path path) throws IOException {
        return Files.getFileAttributeView(path, AclFileAttributeView.class).getAcl();
    }

    @Test
    void aWrittenFileAllowsItsOwnerAloneAndSoDoesANewDirectory() throws IOException {
        Path file = windows.getPath("C:\\Users\\me\\.capital-ledger\\demo-credentials.properties");

        PrivateFiles.write(file, "secret\n");

        assertThat(Files.readString(file)).isEqualTo("secret\n");
        assertThat(acl(file)).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(AclEntryType.ALLOW);
            assertThat(entry.principal()).isEqualTo(user(ME));
        });
        assertThat(acl(file.getParent())).singleElement().satisfies(entry -> {
            assertThat(entry.principal()).isEqualTo(user(ME));
            assertThat(entry.flags()).contains(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        });
        assertThat(PrivateFiles.isPrivate(file, 4096)).isTrue();
        assertThat(PrivateFiles.isPrivate(file, 3)).as("larger than allowed").isFalse();
        assertThat(file.getParent()).isDirectoryNotContaining("glob:**.new");
    }

    @Test
    void aFileOthersMayReadIsNotPrivateAndDemoPasswordsInItAreReplaced() throws IOException {
        Path file = windows.getPath("C:\\ledger\\demo-credentials.properties");
        Map<Role, String> first = DemoCredentials.loadOrCreate(file);
        assertThat(DemoCredentials.loadOrCreate(file)).as("kept while private").isEqualTo(first);

        List<AclEntry> opened = new ArrayList<>(acl(file));
        opened.add(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(user("Everyone"))
                .setPermissions(EnumSet.of(AclEntryPermission.READ_DATA)).build());
        Files.getFileAttributeView(file, AclFileAttributeView.class).setAcl(opened);
        assertThat(PrivateFiles.isPrivate(file, 4096)).isFalse();

        Map<Role, String> second = DemoCredentials.loadOrCreate(file);
        assertThat(second.get(Role.TREASURY)).isNotEqualTo(first.get(Role.TREASURY));
        assertThat(acl(file)).extracting(AclEntry::principal).containsExactly(user(ME));
    }

    @Test
    void aFileOfAnotherOwnerIsNotPrivate() throws IOException {
        Path file = windows.getPath("C:\\ledger\\key.pem");
        PrivateFiles.write(file, "key");
        Files.setOwner(file, user("someone-else"));

        assertThat(PrivateFiles.isPrivate(file, 4096)).isFalse();
    }

    @Test
    void aFileSystemThatCannotRestrictAFileIsRefused() throws IOException {
        try (FileSystem plain = Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic").build())) {
            Path file = plain.getPath("/ledger/key.pem");

            assertThatThrownBy(() -> PrivateFiles.write(file, "key")).isInstanceOf(IOException.class)
                    .hasMessageContaining("neither by POSIX permissions nor by an access list");
            assertThat(file).doesNotExist();
        }
    }
}
