package com.capitalledger.journal.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files only their owner may read: the demo users' passwords, the journal's signing key. On POSIX file systems
 * (Linux, macOS) by permissions ({@code rw-------}), on ACL file systems (Windows) by an access list that allows the
 * owner alone. A file system that can do neither is refused, rather than left to expose a secret.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /**
     * Writes {@code text} to {@code file}: first to a new, uniquely named owner-only file, then moved into place, so
     * the content is never readable by others and a link planted at the final name is replaced, not followed. A
     * directory created on the way is the owner's alone too.
     *
     * @throws IOException also when the file system cannot restrict a file to its owner
     */
    public static void write(Path file, String text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Kind kind = kind(directory.getFileSystem(), directory.getRoot());
        if (!Files.isDirectory(directory)) {
            if (kind == Kind.POSIX) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
                ownerOnly(directory, true);
            }
        }
        Path temporary = kind == Kind.POSIX
                ? Files.createTempFile(directory, file.getFileName().toString(), ".new",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, file.getFileName().toString(), ".new");
        try {
            if (kind == Kind.ACL) {
                // Empty until its access list allows the owner alone.
                ownerOnly(temporary, false);
            }
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Whether {@code file} is a regular file (not a link) of at most {@code maxSize} bytes, owned by the user running
     * the service, that nobody else may read.
     */
    public static boolean isPrivate(Path file, long maxSize) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile() || attributes.size() > maxSize) {
            return false;
        }
        UserPrincipal me = currentUser(file.getFileSystem());
        if (!Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(me)) {
            return false;
        }
        return switch (kind(file.getFileSystem(), file)) {
            case POSIX -> OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
            case ACL -> Files.getFileAttributeView(file, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .getAcl().stream().filter(entry -> entry.type() == AclEntryType.ALLOW)
                    .allMatch(entry -> entry.principal().equals(me));
        };
    }

    private enum Kind { POSIX, ACL }

    private static Kind kind(FileSystem fileSystem, Path path) throws IOException {
        if (fileSystem.supportedFileAttributeViews().contains("posix")
                && Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null) {
            return Kind.POSIX;
        }
        if (fileSystem.supportedFileAttributeViews().contains("acl")) {
            return Kind.ACL;
        }
        throw new IOException(path + " is on a file system that can restrict a file to its owner neither by POSIX "
                + "permissions nor by an access list");
    }

    /** Replaces the access list with one entry: everything for the owner (inherited by a directory's new files). */
    private static void ownerOnly(Path path, boolean directory) throws IOException {
        AclEntry.Builder entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW)
                .setPrincipal(currentUser(path.getFileSystem())).setPermissions(EnumSet.allOf(AclEntryPermission.class));
        if (directory) {
            entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        }
        Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setAcl(List.of(entry.build()));
    }

    private static UserPrincipal currentUser(FileSystem fileSystem) throws IOException {
        return fileSystem.getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
    }
}
