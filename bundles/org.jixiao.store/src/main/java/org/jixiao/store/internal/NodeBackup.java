package org.jixiao.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.jixiao.api.store.StoreException;

/**
 * A consistent copy of a running node in one folder: Derby's online backup of the database (a transaction-consistent
 * image taken while writers go on), then the field-encryption keys and the evidence files, which live beside the
 * database. Evidence files are named by their content and written before the row that names them commits, so every
 * file the copied database names is there (unless deleted in between). The folder gets a manifest and
 * {@code SHA256SUMS}, in the format {@code sha256sum -c} checks, written last: a folder without it is unfinished.
 * It is built under a hidden name and renamed when complete, so a cut-off backup never looks like one.
 */
final class NodeBackup {

    static final String SUMS = "SHA256SUMS";
    static final String MANIFEST = "MANIFEST.properties";
    static final String KEYS = "keys";
    static final String EVIDENCE = "evidence";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final DerbyStore store;
    private final Path keys;
    private final Path evidence;
    private final Clock clock;

    /**
     * @param keys     the key directory ({@code jixiao.keys}, else {@code <data>/keys})
     * @param evidence the evidence files' directory ({@code <data>/evidence})
     */
    NodeBackup(DerbyStore store, Path keys, Path evidence, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes {@code <target>/jixiao-<UTC time>/}; the target folder is created if need be. */
    Backups.Taken take(Path target) {
        if (store.directory() == null) {
            throw new StoreException("an in-memory database has nothing to back up");
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        String name = "jixiao-" + STAMP.format(now);
        Path parent = target.toAbsolutePath().normalize();
        Path folder = parent.resolve(name);
        Path partial = parent.resolve("." + name + ".partial");
        try {
            Files.createDirectories(parent);
            if (Files.exists(folder)) {
                throw new FileAlreadyExistsException(folder.toString());
            }
            Files.createDirectory(partial);
            ownerOnly(partial);
            // Derby writes the image into a folder named as the database's own folder.
            store.backupTo(partial);
            Path image = partial.resolve(store.directory().getFileName().toString());
            // Always "db" in a backup, whatever the node calls its database folder: restore puts it back there.
            if (!image.getFileName().toString().equals("db")) {
                Files.move(image, partial.resolve("db"));
            }
            copyTree(keys, partial.resolve(KEYS));
            copyTree(evidence, partial.resolve(EVIDENCE));
            Map<String, String> manifest = new LinkedHashMap<>();
            manifest.put("created", now.toString());
            manifest.put("engine", store.engine());
            manifest.put("database", store.directory().toString());
            manifest.put("keys", Files.isDirectory(keys) ? keys.toAbsolutePath().toString() : "(none)");
            manifest.put("evidence", Files.isDirectory(evidence) ? evidence.toAbsolutePath().toString() : "(none)");
            writeManifest(partial.resolve(MANIFEST), manifest);
            List<String> sums = new ArrayList<>();
            long bytes = 0;
            for (Path file : files(partial)) {
                sums.add(sha256(file) + "  " + relative(partial, file));
                bytes += Files.size(file);
            }
            Files.write(partial.resolve(SUMS), sums, StandardCharsets.UTF_8);
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            return new Backups.Taken(folder, sums.size(), bytes, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new StoreException("the backup into " + parent + " failed: " + e, e);
        }
    }

    /** What does not match the folder's {@code SHA256SUMS}: missing, changed or unlisted files; empty when sound. */
    static List<String> verify(Path folder) {
        Path sums = folder.resolve(SUMS);
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(sums)) {
            problems.add(SUMS + " is missing: not a complete backup");
            return problems;
        }
        try {
            Map<String, String> listed = new LinkedHashMap<>();
            for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    listed.put(line.substring(66), line.substring(0, 64));
                }
            }
            for (Map.Entry<String, String> e : listed.entrySet()) {
                Path file = folder.resolve(e.getKey());
                if (!Files.isRegularFile(file)) {
                    problems.add(e.getKey() + ": missing");
                } else if (!sha256(file).equals(e.getValue())) {
                    problems.add(e.getKey() + ": changed");
                }
            }
            for (Path file : files(folder)) {
                String name = relative(folder, file);
                if (!name.equals(SUMS) && !listed.containsKey(name)) {
                    problems.add(name + ": not listed");
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(SUMS + " cannot be read: " + e);
        }
        return problems;
    }

    private static void ownerOnly(Path dir) throws IOException {
        // The folder holds the encryption key: as private as the data folder itself.
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own access rules apply.
        }
    }

    /** Copies a folder's files and subfolders; nothing when there is no such folder. */
    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path copy = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static void writeManifest(Path file, Map<String, String> entries) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# A Jixiao node backup; restore it with ./jixiao restore <this folder> on a stopped node");
        entries.forEach((k, v) -> lines.add(k + "=" + v.replace("\\", "\\\\")));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
