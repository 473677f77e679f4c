package com.capitalledger.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The demo users' generated passwords, kept in a file only its owner can read, so that they survive restarts and
 * the README's examples can read them. A file that others could read is treated as disclosed: new passwords are
 * generated and it is rewritten.
 */
public final class DemoCredentials {

    private static final Logger log = LoggerFactory.getLogger(DemoCredentials.class);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9]{24,128}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final long MAX_SIZE = 4096;

    private DemoCredentials() {
    }

    public static String userName(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** The passwords in {@code file}, or new ones written there when it is missing, incomplete or readable by others. */
    public static Map<Role, String> loadOrCreate(Path file) {
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Map<Role, String> existing = read(file);
                if (existing != null) {
                    log.info("Demo users' passwords read from {}", file);
                    return existing;
                }
            }
            Map<Role, String> generated = generate();
            write(file, generated);
            log.warn("Demo users created for the embedded default (one per role: treasury, compliance, analyst, admin);"
                    + " their passwords are in {}, readable by its owner alone", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo users' passwords in " + file, e);
        }
    }

    private static Map<Role, String> read(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            log.warn("{} is on a file system that cannot restrict it to its owner; its demo passwords are replaced", file);
            return null;
        }
        PosixFileAttributes attributes = view.readAttributes();
        UserPrincipal me = file.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!attributes.isRegularFile() || !attributes.owner().equals(me) || attributes.size() > MAX_SIZE
                || !OWNER_ONLY.containsAll(attributes.permissions())) {
            log.warn("{} is not a small regular file of {} readable by its owner alone; its demo passwords are replaced",
                    file, me.getName());
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<Role, String> passwords = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String password = properties.getProperty(userName(role));
            if (password == null || !WELL_FORMED.matcher(password).matches()) {
                log.warn("{} lacks a well-formed password for {}; new demo passwords are generated", file, userName(role));
                return null;
            }
            passwords.put(role, password);
        }
        return passwords;
    }

    private static Map<Role, String> generate() {
        SecureRandom random = new SecureRandom();
        Map<Role, String> passwords = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            char[] password = new char[32];
            for (int i = 0; i < password.length; i++) {
                password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            passwords.put(role, new String(password));
        }
        return passwords;
    }

    /**
     * Written to a new, uniquely named owner-only file first, then moved into place: the passwords are never readable
     * by others, and a link planted at the final name is replaced, not followed. A directory created here is the
     * owner's alone too.
     */
    private static void write(Path file, Map<Role, String> passwords) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (Files.getFileAttributeView(directory.getRoot(), PosixFileAttributeView.class) == null) {
            throw new IOException(directory + " cannot restrict a file to its owner; configure ledger.security.users");
        }
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".new",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        StringBuilder text = new StringBuilder("# Demo users of the capital ledger's embedded default (HTTP Basic).\n"
                + "# Generated at first start; delete this file to generate new ones. Never use them elsewhere.\n");
        passwords.forEach((role, password) -> text.append(userName(role)).append('=').append(password).append('\n'));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
