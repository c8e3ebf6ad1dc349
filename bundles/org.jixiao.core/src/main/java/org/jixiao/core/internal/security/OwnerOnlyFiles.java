package org.jixiao.core.internal.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes the node's secrets (the field keys, the first administrator's password) so that no other account can read
 * them at any moment: the file is created owner-only in its own directory, filled and forced to disk, then renamed
 * into place, so a crash never leaves a half-written or briefly readable file.
 */
public final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Writes {@code content} to {@code file}, whose directory exists.
     *
     * @param replace whether a file already there is replaced; if not, and one is there (another start wrote it
     *                meanwhile, and it may already be in use), nothing is written
     * @return false when {@code replace} is false and the file was already there
     */
    public static boolean write(Path file, byte[] content, boolean replace) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS)}
                : new FileAttribute<?>[0];
        // Same directory, so the move below is a rename.
        Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp", attrs);
        try {
            if (posix) {
                // createTempFile applies the umask on some systems; the file must be owner-only all the same.
                Files.setPosixFilePermissions(tmp, FILE_PERMISSIONS);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            CopyOption[] how = replace ? new CopyOption[] {StandardCopyOption.REPLACE_EXISTING} : new CopyOption[0];
            CopyOption[] atomic = replace
                    ? new CopyOption[] {StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING}
                    : new CopyOption[] {StandardCopyOption.ATOMIC_MOVE};
            try {
                Files.move(tmp, file, atomic);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, how);
            }
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
