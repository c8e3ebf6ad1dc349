package org.jixiao.register.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.register.Field;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.store.Store;

/**
 * The one-time encryption of the clear values a register's table held before a field was declared
 * {@link Field.Flag#ENCRYPTED encrypted}: the project's migration added the field's {@code _CIPHER} and {@code _HASH}
 * columns beside its clear column, and this fills them from it and empties it (NULL), deleted records included, so
 * that the database file names no one. A batch of rows per transaction: a crash loses at most the batch under way,
 * which its rollback leaves clear, and the next start resumes with the rows still clear; rows done hold no clear value
 * and are never taken again. The register's hooks convert what they computed from the clear values in the same
 * transaction ({@link org.jixiao.api.register.RegisterHooks#clearValuesEncrypted}). A later migration may drop the
 * clear column once every node has run this.
 */
final class ClearValues {

    /** Rows per transaction: small enough for the log, large enough that 5,000 youth take a few dozen commits. */
    static final int BATCH = 200;

    /** The encrypted parts of one clear value of a field. */
    @FunctionalInterface
    interface Sealer {
        RecordSql.Sealed seal(RegisterDefinition def, Field f, String clear);
    }

    /**
     * What else a changed row owes, on its transaction: a county node hands its new state to the outbox, so that the
     * city's copy loses the clear values too.
     */
    @FunctionalInterface
    interface Changed {
        void row(Connection c, RegisterDefinition def, long id) throws SQLException;
    }

    private ClearValues() {
    }

    /**
     * Encrypts every clear value left in the registers' tables.
     *
     * @return false when a table is not ready (its migration has not added an encrypted field's columns yet): the
     *         engine tries again on the next use
     */
    static boolean sealAll(Store store, List<RegisterDefinition> registers, Sealer sealer, Changed changed) {
        for (RegisterDefinition def : registers) {
            List<Field> fields = def.fields().stream().filter(RecordSql::encrypted).toList();
            if (fields.isEmpty()) {
                continue;
            }
            List<Field> clear = store.read(c -> withClearColumn(c, def, fields));
            if (clear == null) {
                return false;
            }
            // From the lowest id up, by the primary key: each batch starts where the last ended, never rereading
            // the rows done (a scan for "still clear" from the start would read them all again each time).
            long after = Long.MIN_VALUE;
            while (!clear.isEmpty()) {
                long from = after;
                Long last = store.inTransaction(c -> batch(c, def, clear, sealer, changed, from));
                if (last == null) {
                    break;
                }
                after = last;
            }
        }
        return true;
    }

    /** The fields whose table still has their clear column; null when a {@code _CIPHER} column is missing. */
    private static List<Field> withClearColumn(Connection c, RegisterDefinition def, List<Field> fields)
            throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + def.table() + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i).toUpperCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            // No table yet ("42X05"): the project's migrations have not run.
            if ("42X05".equals(e.getSQLState())) {
                return null;
            }
            throw e;
        }
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (!columns.contains(f.column() + "_CIPHER") || !columns.contains(f.column() + "_HASH")) {
                return null;
            }
            if (columns.contains(f.column())) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Encrypts up to {@link #BATCH} rows above id {@code after} that still hold a clear value; gives the last id it
     * took, or null when it found fewer than a batch (the table is done).
     */
    private static Long batch(Connection c, RegisterDefinition def, List<Field> fields, Sealer sealer,
            Changed changed, long after) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ID");
        List<String> anyClear = new ArrayList<>();
        for (Field f : fields) {
            select.append(", ").append(f.column()).append(", ").append(f.column()).append("_CIPHER");
            anyClear.add(f.column() + " IS NOT NULL");
        }
        select.append(" FROM ").append(def.table()).append(" WHERE ID > ? AND (").append(String.join(" OR ", anyClear))
                .append(") ORDER BY ID FETCH FIRST ").append(BATCH).append(" ROWS ONLY");
        Map<Long, Map<Field, String[]>> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(select.toString())) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Field, String[]> row = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        row.put(fields.get(i), new String[] {rs.getString(2 + 2 * i), rs.getString(3 + 2 * i)});
                    }
                    rows.put(rs.getLong(1), row);
                }
            }
        }
        Map<String, PreparedStatement> updates = new java.util.HashMap<>();
        try {
            for (Map.Entry<Long, Map<Field, String[]>> row : rows.entrySet()) {
                seal(c, def, row.getKey(), row.getValue(), sealer, updates);
                changed.row(c, def, row.getKey());
            }
        } finally {
            for (PreparedStatement ps : updates.values()) {
                ps.close();
            }
        }
        return rows.size() < BATCH ? null : List.copyOf(rows.keySet()).get(rows.size() - 1);
    }

    /** One row: its clear values encrypted and emptied, by a statement of its shape prepared once a batch. */
    private static void seal(Connection c, RegisterDefinition def, long id, Map<Field, String[]> values,
            Sealer sealer, Map<String, PreparedStatement> updates) throws SQLException {
        StringBuilder update = new StringBuilder("UPDATE ").append(def.table()).append(" SET ");
        List<Object> args = new ArrayList<>();
        Map<String, String> clear = new LinkedHashMap<>();
        String sep = "";
        for (Map.Entry<Field, String[]> e : values.entrySet()) {
            Field f = e.getKey();
            String value = e.getValue()[0];
            if (value == null) {
                continue;
            }
            clear.put(f.name(), value);
            update.append(sep).append(f.column()).append(" = NULL");
            sep = ", ";
            // Already encrypted (written by the engine since): the ciphertext is the newer value, kept.
            if (e.getValue()[1] == null) {
                RecordSql.Sealed sealed = sealer.seal(def, f, value);
                update.append(", ").append(f.column()).append("_CIPHER = ?, ").append(f.column()).append("_HASH = ?");
                args.add(sealed.cipher());
                args.add(sealed.hash());
            }
        }
        update.append(" WHERE ID = ?");
        args.add(id);
        PreparedStatement ps = updates.get(update.toString());
        if (ps == null) {
            ps = c.prepareStatement(update.toString());
            updates.put(update.toString(), ps);
        }
        RecordSql.bind(ps, args);
        ps.executeUpdate();
        def.hooks().clearValuesEncrypted(c, id, clear);
    }
}
