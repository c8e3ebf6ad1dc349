package org.jixiao.register.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.FieldCipher;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Attachment;
import org.jixiao.api.register.Field;
import org.jixiao.api.web.FileTypes;
import org.jixiao.api.web.Upload;

/**
 * The files of FILE fields, in REG_FILE, encrypted. Kept in the database rather than beside it so that a file and
 * its record are written, or not, in one transaction, and a backup of the database holds both.
 */
final class Attachments {

    static final String EMPTY = "register.error.fileEmpty";
    static final String TOO_LARGE = "register.error.fileTooLarge";
    static final String TYPE = "register.error.fileType";
    /** A file field's value that is neither an upload nor the record's own file (JSON can only name the latter). */
    static final String NOT_A_FILE = "register.error.file";

    /** The longest file name kept; longer names keep their end, where the extension is. */
    private static final int NAME_MAX = 255;

    private Attachments() {
    }

    /**
     * The upload as the field accepts it, not yet stored: an attachment with id 0 naming its cleaned name and the
     * type its content was checked against; null with the problem in {@code errors} otherwise.
     */
    static Attachment check(Field f, Upload u, ValidationException.Collector errors) {
        if (u.size() == 0) {
            errors.add(f.name(), EMPTY);
            return null;
        }
        if (u.size() > Upload.MAX_BYTES) {
            errors.add(f.name(), TOO_LARGE);
            return null;
        }
        String name = FileTypes.cleanName(u.fileName());
        String ext = name == null ? null : FileTypes.extension(name, f.choices());
        byte[] head = java.util.Arrays.copyOf(u.bytes(), (int) Math.min(u.size(), 512));
        if (ext == null || !FileTypes.contentFits(ext, head)) {
            errors.add(f.name(), TYPE);
            return null;
        }
        if (name.length() > NAME_MAX) {
            name = name.substring(name.length() - NAME_MAX);
        }
        return new Attachment(0, name, FileTypes.contentType(ext), u.size());
    }

    /** Stores the upload, encrypted, for the record's field, and returns it with its new id. */
    static Attachment store(Connection c, FieldCipher cipher, long id, String project, String register, long recordId,
            Field f, Upload u, Attachment checked, long userId, Instant at) throws SQLException {
        RecordSql.update(c, "INSERT INTO REG_FILE (ID, PROJECT, REGISTER, RECORD_ID, FIELD, FILE_NAME, CONTENT_TYPE, "
                + "BYTE_SIZE, CONTENT, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                List.of(id, project, register, recordId, f.name(), checked.fileName(), checked.contentType(),
                        checked.size(), cipher.encryptFile(u.bytes()), Timestamp.from(at), userId));
        return new Attachment(id, checked.fileName(), checked.contentType(), checked.size());
    }

    /** The attachments of these ids (files of any record of the project); unknown ids are left out. */
    static Map<Long, Attachment> describe(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, Attachment> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 500) {
            List<Long> batch = all.subList(i, Math.min(all.size(), i + 500));
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, FILE_NAME, CONTENT_TYPE, BYTE_SIZE FROM REG_FILE "
                    + "WHERE ID IN (" + RecordSql.placeholders(batch.size()) + ")")) {
                RecordSql.bind(ps, new ArrayList<>(batch));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4)));
                    }
                }
            }
        }
        return out;
    }

    /** The encrypted content of a file of this record's field; empty when the file belongs elsewhere. */
    static Optional<byte[]> sealed(Connection c, long fileId, String project, String register, long recordId,
            String field) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CONTENT FROM REG_FILE WHERE ID = ? AND PROJECT = ? "
                + "AND REGISTER = ? AND RECORD_ID = ? AND FIELD = ?")) {
            RecordSql.bind(ps, List.of(fileId, project, register, recordId, field));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }
}
