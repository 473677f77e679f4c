package com.capitalledger.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A real PostgreSQL streaming replica of an embedded server, made as {@code pg_basebackup -R} makes one but through
 * SQL and file copies only (the embedded binaries have no pg_basebackup, and this runs wherever the tests do): PostgreSQL's
 * low-level base backup ({@code pg_backup_start}, a copy of the data directory, {@code pg_backup_stop} whose label
 * file becomes {@code backup_label}), then {@code standby.signal} and the connection to the primary, through a
 * replication slot that keeps the WAL the replica still needs. Started with the same binaries.
 */
public final class StreamingReplica {

    /** Left out of a base backup, as PostgreSQL's documentation lists (the directories themselves are kept). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "pg_internal.init", "epg-lock");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private StreamingReplica() {
    }

    /**
     * Makes a replica of {@code primary} (whose data directory is {@code primaryData}) in {@code replicaData}, an empty
     * directory, and starts it on {@code port}. The caller closes it, and removes its directory.
     */
    public static EmbeddedPostgres start(EmbeddedPostgres primary, Path primaryData, Path replicaData, int port)
            throws IOException, SQLException {
        String slot = "replica_" + port;
        try (Connection connection = primary.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // Reserves the WAL from now on, so that none the replica needs is recycled before it has streamed it.
            statement.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            // A non-exclusive backup: start and stop in the same session. Fast: an immediate checkpoint.
            statement.execute("SELECT pg_backup_start('ledger test replica', true)");
            copyDataDirectory(primaryData, replicaData);
            try (ResultSet stopped = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stopped.next();
                Files.writeString(replicaData.resolve("backup_label"), stopped.getString("labelfile"),
                        StandardCharsets.UTF_8);
                String tablespaces = stopped.getString("spcmapfile");
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(replicaData.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
                }
            }
        }
        Files.createFile(replicaData.resolve("standby.signal"));
        // What pg_basebackup -R writes; the default pg_hba.conf of initdb lets local replication connections in.
        Files.writeString(replicaData.resolve("postgresql.auto.conf"), """

                primary_conninfo = 'host=localhost port=%d user=postgres application_name=ledger_test_replica'
                primary_slot_name = '%s'
                hot_standby = on
                """.formatted(primary.getPort(), slot), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return EmbeddedPostgres.builder().setDataDirectory(replicaData).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(false).start();
    }

    private static void copyDataDirectory(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                String name = directory.getFileName().toString();
                if (name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(directory).toString()));
                if (!directory.equals(from) && EMPTIED_DIRECTORIES.contains(name)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException removed) {
                    // Dropped by the running server while copying: replaying the WAL accounts for it.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
    }

    /** Runs a statement on a server's postgres database and returns the first column of its one row. */
    public static String query(EmbeddedPostgres server, String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
