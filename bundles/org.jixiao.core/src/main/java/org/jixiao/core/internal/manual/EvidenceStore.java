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
import java.util.HexFormat;
import java.util.Objects;

/**
 * Evidence file contents on disk, named by their SHA-256 under {@code <data>/evidence/<first two hex>/}. The same
 * content uploaded twice is kept once. Contents are never deleted: a removed file stays readable for the audit
 * trail, and a published evaluation may cite it.
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

    EvidenceStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * Streams {@code in} to a temporary file while hashing it, then moves it to its name. Reads at most
     * {@code max} + 1 bytes.
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
