package com.capitalledger.api.security;

import com.capitalledger.journal.files.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The demo users' generated passwords, kept in a file only its owner can read, so that they survive restarts and
 * the README's examples can read them. A file that others could read is treated as disclosed: new passwords are
 * generated and it is rewritten. A file that lacks a role's user (written before that role existed) gets one added.
 */
public final class DemoCredentials {

    private static final Logger log = LoggerFactory.getLogger(DemoCredentials.class);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9]{24,128}");
    private static final long MAX_SIZE = 4096;

    private DemoCredentials() {
    }

    /** The investor the demo INVESTOR user is bound to: one of the Stargate demo's investors. */
    public static final String DEMO_INVESTOR = "SOFTBANK";

    /** The demo user of a role: named after it in lower case, but the investor after its investor. */
    public static String userName(Role role) {
        return (role == Role.INVESTOR ? DEMO_INVESTOR : role.name()).toLowerCase(Locale.ROOT);
    }

    /** The passwords in {@code file}, or new ones written there when it is missing, incomplete or readable by others. */
    public static Map<Role, String> loadOrCreate(Path file) {
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Map<Role, String> existing = read(file);
                if (existing != null && existing.size() == Role.values().length) {
                    log.info("Demo users' passwords read from {}", file);
                    return existing;
                }
                if (existing != null) {
                    // A file from before a role was added: its users keep their passwords, the new ones get theirs.
                    Map<Role, String> completed = new EnumMap<>(generate());
                    completed.putAll(existing);
                    write(file, completed);
                    log.warn("Demo users added for new roles; all passwords are in {}, readable by its owner alone",
                            file);
                    return completed;
                }
            }
            Map<Role, String> generated = generate();
            write(file, generated);
            log.warn("Demo users created for the embedded default (one per role: treasury, compliance, analyst, admin, "
                    + "and the investor softbank); their passwords are in {}, readable by its owner alone", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo users' passwords in " + file, e);
        }
    }

    private static Map<Role, String> read(Path file) throws IOException {
        if (!PrivateFiles.isPrivate(file, MAX_SIZE)) {
            log.warn("{} is not a small regular file of {} readable by its owner alone; its demo passwords are replaced",
                    file, System.getProperty("user.name"));
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<Role, String> passwords = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String password = properties.getProperty(userName(role));
            if (password != null && !WELL_FORMED.matcher(password).matches()) {
                log.warn("{} has a malformed password for {}; new demo passwords are generated", file, userName(role));
                return null;
            }
            if (password != null) {
                passwords.put(role, password);
            }
        }
        if (passwords.isEmpty()) {
            log.warn("{} holds no demo password; new ones are generated", file);
            return null;
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

    private static void write(Path file, Map<Role, String> passwords) throws IOException {
        StringBuilder text = new StringBuilder("# Demo users of the capital ledger's embedded default (HTTP Basic).\n"
                + "# Generated at first start; delete this file to generate new ones. Never use them elsewhere.\n");
        passwords.forEach((role, password) -> text.append(userName(role)).append('=').append(password).append('\n'));
        PrivateFiles.write(file, text.toString());
    }
}
