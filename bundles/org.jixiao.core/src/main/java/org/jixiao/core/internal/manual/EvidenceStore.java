package org.jixiao.core.internal.manual;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Evidence file contents on disk, named by their SHA-256 under {@code <data>/evidence/<first two hex>/}. The same
 * content uploaded twice is kept once. A content no file row names any more (a refused upload, a removed file) is
 * deleted: evidence holds personal data, and a unit's quota counts what it keeps.
 */
final class EvidenceStore {

    /** What was written: its digest and length. */
    record Content(String sha256, long size) {
    }

    /** Thrown when the content is longer than allowed; nothing is kept. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("evidence file too large");
        }
    }

    private final Path root;
    /**
     * Contents put and not yet {@link #settle settled}, by digest: a refused upload must not delete what another
     * upload of the same bytes is about to name. Guarded by {@code this}.
     */
    private final Map<String, Integer> pending = new HashMap<>();

    EvidenceStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * Streams {@code in} to a temporary file while hashing it, then moves it to its name. Reads at most
     * {@code max} + 1 bytes. The content counts as pending until {@link #settle}.
     */
    Content put(InputStream in, long max) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempFile(root, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(tmp)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > max) {
                        throw new TooLarge();
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
                if (out instanceof java.io.FileOutputStream f) {
                    f.getFD().sync();
                }
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = path(sha);
            synchronized (this) {
                pending.merge(sha, 1, Integer::sum);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    try {
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, target);
                    } catch (FileAlreadyExistsException e) {
                        // Another upload of the same content won the race; both are the same bytes.
                    }
                }
            }
            return new Content(sha, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    InputStream open(String sha256) throws IOException {
        try {
            return Files.newInputStream(path(sha256));
        } catch (NoSuchFileException e) {
            throw new IOException("evidence content " + sha256 + " is missing from " + root, e);
        }
    }

    /**
     * Ends what {@link #put} began: when {@code kept} says no file row names the content and no other upload of it
     * is under way, the content is deleted. Also for a removed file, with no put before it.
     */
    synchronized void settle(String sha256, boolean put, BooleanSupplier kept) throws IOException {
        if (put) {
            pending.merge(sha256, -1, (a, b) -> a + b == 0 ? null : a + b);
        }
        if (!pending.containsKey(sha256) && !kept.getAsBoolean()) {
            Files.deleteIfExists(path(sha256));
        }
    }

    private Path path(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 digest");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
