package org.jixiao.federation.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A register row as it travels: each column's value in the database's own text form (what {@code getString} gives),
 * null for SQL NULL, bound back by the receiving table's column types. Columns are named by the receiver's table,
 * never taken into SQL unchecked: a name the table lacks is refused.
 */
final class Rows {

    private static final String TABLE = "[A-Z][A-Z0-9_]{0,59}";

    private Rows() {
    }

    static String table(String name) {
        if (name == null || !name.matches(TABLE)) {
            throw new IllegalArgumentException("not a plain upper-case table name: " + name);
        }
        return name;
    }

    /** The row with this id, every column, or empty. */
    static Optional<Map<String, String>> read(Connection c, String table, long id) throws SQLException {
        return read(c, table, Map.of("ID", String.valueOf(id)));
    }

    /**
     * The row with this key (column to value, as text), every column, or empty.
     *
     * @throws IllegalArgumentException when the key names a column the table lacks
     */
    static Optional<Map<String, String>> read(Connection c, String table, Map<String, String> key)
            throws SQLException {
        return read(new Schema(c), table, key);
    }

    static Optional<Map<String, String>> read(Schema db, String table, Map<String, String> key) throws SQLException {
        Connection c = db.connection;
        Map<String, Integer> types = db.columns(table);
        List<String> keys = known(table, types, key.keySet());
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE " + where(keys))) {
            bind(ps, 1, keys, types, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Every row {@code sql} selects, every column it names, as text. */
    static List<Map<String, String>> list(Connection c, String sql) throws SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static Map<String, String> row(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnName(i), rs.getString(i));
        }
        return row;
    }

    /**
     * A connection and the columns of the tables it has been asked about: a batch of changes at the city asks about
     * the same few tables again and again. Kept for one transaction only, so a migration is never missed.
     */
    static final class Schema {
        final Connection connection;
        private final Map<String, Map<String, Integer>> tables = new java.util.HashMap<>();

        Schema(Connection connection) {
            this.connection = connection;
        }

        Map<String, Integer> columns(String table) throws SQLException {
            Map<String, Integer> t = tables.get(table);
            if (t == null) {
                t = Rows.columns(connection, table);
                tables.put(table, t);
            }
            return t;
        }
    }

    /** The table's columns and their JDBC types, in table order. */
    static Map<String, Integer> columns(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table(table) + " WHERE 1 = 0");
                ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Integer> out = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.put(md.getColumnName(i), md.getColumnType(i));
            }
            return out;
        }
    }

    /**
     * Writes the row as sent: an update of the row with its id, or an insert. Columns of the table the row does not
     * name keep their value (or their default).
     *
     * @throws IllegalArgumentException when the row names a column the table lacks (nothing written)
     */
    static void upsert(Schema db, String table, long id, Map<String, String> row) throws SQLException {
        upsert(db, table, Map.of("ID", String.valueOf(id)), row, Set.of());
    }

    /**
     * Writes the row as sent, found by its key: an update, or an insert. Columns of the table the row does not name,
     * and the columns in {@code keep} (what this node owns in a row another node writes), keep their value, or on an
     * insert their default.
     *
     * @throws IllegalArgumentException when the row or key names a column the table lacks (nothing written)
     */
    static void upsert(Schema db, String table, Map<String, String> key, Map<String, String> row,
            Set<String> keep) throws SQLException {
        Connection c = db.connection;
        Map<String, Integer> types = db.columns(table);
        List<String> keys = known(table, types, key.keySet());
        List<String> names = new ArrayList<>();
        for (String name : known(table, types, row.keySet())) {
            if (!key.containsKey(name) && !keep.contains(name)) {
                names.add(name);
            }
        }
        if (!names.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + String.join(" = ?, ", names)
                    + " = ? WHERE " + where(keys))) {
                bind(ps, bind(ps, 1, names, types, row), keys, types, key);
                if (ps.executeUpdate() == 1) {
                    return;
                }
            }
        } else if (read(db, table, key).isPresent()) {
            return;
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(keys);
        Map<String, String> values = new LinkedHashMap<>(row);
        values.putAll(key);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", all)
                + ") VALUES (?" + ", ?".repeat(all.size() - 1) + ")")) {
            bind(ps, 1, all, types, values);
            ps.executeUpdate();
        }
    }

    /** Removes the row with this key, if there is one. */
    static void delete(Schema db, String table, Map<String, String> key) throws SQLException {
        Connection c = db.connection;
        Map<String, Integer> types = db.columns(table);
        List<String> keys = known(table, types, key.keySet());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + where(keys))) {
            bind(ps, 1, keys, types, key);
            ps.executeUpdate();
        }
    }

    /** The names in table order, each checked against the table: none is taken into SQL unless the table has it. */
    private static List<String> known(String table, Map<String, Integer> types, Set<String> names) {
        for (String name : names) {
            if (!types.containsKey(name)) {
                throw new IllegalArgumentException(table + " has no column " + name);
            }
        }
        return types.keySet().stream().filter(names::contains).toList();
    }

    private static String where(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key");
        }
        return String.join(" = ? AND ", keys) + " = ?";
    }

    /** Binds the values of {@code names} from parameter {@code i} on; returns the next parameter's index. */
    private static int bind(PreparedStatement ps, int from, List<String> names, Map<String, Integer> types,
            Map<String, String> row) throws SQLException {
        int i = from;
        for (String name : names) {
            set(ps, i++, types.get(name), row.get(name));
        }
        return i;
    }

    private static void set(PreparedStatement ps, int i, int type, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, type);
            return;
        }
        switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ps.setLong(i, Long.parseLong(v));
            case Types.DECIMAL, Types.NUMERIC -> ps.setBigDecimal(i, new BigDecimal(v));
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> ps.setDouble(i, Double.parseDouble(v));
            case Types.DATE -> ps.setDate(i, Date.valueOf(v));
            case Types.TIMESTAMP -> ps.setTimestamp(i, Timestamp.valueOf(v));
            case Types.BOOLEAN, Types.BIT -> ps.setBoolean(i, Boolean.parseBoolean(v));
            default -> ps.setString(i, v);
        }
    }
}
