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
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table(table) + " WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ResultSetMetaData md = rs.getMetaData();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnName(i), rs.getString(i));
                }
                return Optional.of(row);
            }
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
    static void upsert(Connection c, String table, long id, Map<String, String> row) throws SQLException {
        Map<String, Integer> types = columns(c, table);
        List<String> names = new ArrayList<>();
        for (String name : row.keySet()) {
            if (!types.containsKey(name)) {
                throw new IllegalArgumentException(table + " has no column " + name);
            }
            if (!name.equals("ID")) {
                names.add(name);
            }
        }
        String set = String.join(" = ?, ", names) + " = ?";
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + set + " WHERE ID = ?")) {
            int i = bind(ps, names, types, row);
            ps.setLong(i, id);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        String marks = "?" + ", ?".repeat(names.size());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", names)
                + ", ID) VALUES (" + marks + ")")) {
            int i = bind(ps, names, types, row);
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bind(PreparedStatement ps, List<String> names, Map<String, Integer> types,
            Map<String, String> row) throws SQLException {
        int i = 1;
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
