package org.jixiao.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jixiao.api.store.Migration;

/**
 * What a schema owner's migrations leave in an empty database, as text a test can compare: every table with its
 * columns in order (type, length, nullability, default, identity and the value it hands out next), its primary,
 * unique and foreign keys (named, or {@code -} when Derby named them), its check constraints, its own indexes and
 * every row. Views, triggers and sequences, which no migration creates yet, are listed too so that one would not
 * slip by. The migrations' ledger is left out: a baseline is recorded there differently by design.
 * <p>
 * A baseline replaces an owner's history; {@link #assertMigratesTo} is the proof that it builds the same schema.
 * The expected text is a test resource, written once from the replayed history before its files were deleted.
 */
public final class Catalogue {

    /** Set to a folder to (re)write the expected catalogues there instead of comparing. */
    public static final String WRITE = "jixiao.catalogue.write";

    private static final AtomicInteger NAMES = new AtomicInteger();

    private Catalogue() {
    }

    /**
     * Migrates a new, empty database with {@code migrations} as {@code owner} and compares its catalogue with the
     * resource {@code expected} beside {@code anchor}.
     */
    public static void assertMigratesTo(String owner, List<Migration> migrations, Class<?> anchor, String expected) {
        String actual = of(owner, migrations);
        String folder = System.getProperty(WRITE);
        if (folder != null) {
            try {
                Path file = Path.of(folder, expected.substring(expected.lastIndexOf('/') + 1));
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = anchor.getResourceAsStream(expected)) {
            if (in == null) {
                throw new IllegalStateException("no catalogue " + expected + " beside " + anchor.getName());
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue of a new database that {@code migrations} built. */
    public static String of(String owner, List<Migration> migrations) {
        TestSupport.derbyLogInTarget();
        DerbyStore store = DerbyStore.inMemory("catalogue-" + NAMES.incrementAndGet(), 1);
        try {
            store.migrate(owner, migrations);
            return store.read(Catalogue::describe);
        } finally {
            store.close();
        }
    }

    static String describe(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        StringBuilder out = new StringBuilder();
        for (String table : names(c, "SELECT TABLENAME FROM SYS.SYSTABLES t JOIN SYS.SYSSCHEMAS s"
                + " ON s.SCHEMAID = t.SCHEMAID WHERE s.SCHEMANAME = 'APP' AND t.TABLETYPE = 'T' ORDER BY 1")) {
            if (table.equals(DerbyStore.LEDGER)) {
                continue;
            }
            out.append("table ").append(table).append('\n');
            columns(c, md, table, out);
            keys(c, md, table, out);
            indexes(md, table, out);
            rows(c, table, out);
            out.append('\n');
        }
        for (String view : names(c, "SELECT t.TABLENAME || ': ' || v.VIEWDEFINITION FROM SYS.SYSVIEWS v"
                + " JOIN SYS.SYSTABLES t ON t.TABLEID = v.TABLEID")) {
            out.append("view ").append(oneLine(view)).append('\n');
        }
        for (String trigger : names(c, "SELECT TRIGGERNAME FROM SYS.SYSTRIGGERS ORDER BY 1")) {
            out.append("trigger ").append(trigger).append('\n');
        }
        for (String sequence : names(c, "SELECT SEQUENCENAME FROM SYS.SYSSEQUENCES s JOIN SYS.SYSSCHEMAS sc"
                + " ON sc.SCHEMAID = s.SCHEMAID WHERE sc.SCHEMANAME = 'APP' ORDER BY 1")) {
            out.append("sequence ").append(sequence).append('\n');
        }
        return out.toString();
    }

    private static void columns(Connection c, DatabaseMetaData md, String table, StringBuilder out)
            throws SQLException {
        try (ResultSet rs = md.getColumns(null, "APP", table, null)) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                out.append("  column ").append(rs.getInt("ORDINAL_POSITION")).append(' ').append(name).append(' ')
                        .append(type(rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")))
                        .append("NO".equals(rs.getString("IS_NULLABLE")) ? " NOT NULL" : " NULL");
                if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                    out.append(" identity next ").append(nextIdentity(c, table, name));
                } else if (rs.getString("COLUMN_DEF") != null) {
                    out.append(" default ").append(rs.getString("COLUMN_DEF"));
                }
                out.append('\n');
            }
        }
    }

    private static String type(String name, int size, int digits) {
        return switch (name) {
            case "CHAR", "VARCHAR", "CLOB", "BLOB" -> name + "(" + size + ")";
            case "DECIMAL", "NUMERIC" -> name + "(" + size + "," + digits + ")";
            default -> name;
        };
    }

    private static long nextIdentity(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_PEEK_AT_IDENTITY('APP', ?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void keys(Connection c, DatabaseMetaData md, String table, StringBuilder out) throws SQLException {
        Map<Integer, String> pk = new TreeMap<>();
        String pkName = null;
        try (ResultSet rs = md.getPrimaryKeys(null, "APP", table)) {
            while (rs.next()) {
                pkName = named(rs.getString("PK_NAME"));
                pk.put((int) rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        if (pkName != null) {
            out.append("  primary key ").append(pkName).append(' ').append(pk.values()).append('\n');
        }
        List<String> lines = new ArrayList<>();
        for (String[] u : pairs(c, "SELECT k.CONSTRAINTNAME, g.CONGLOMERATENAME FROM SYS.SYSCONSTRAINTS k"
                + " JOIN SYS.SYSTABLES t ON t.TABLEID = k.TABLEID JOIN SYS.SYSKEYS y ON y.CONSTRAINTID = k.CONSTRAINTID"
                + " JOIN SYS.SYSCONGLOMERATES g ON g.CONGLOMERATEID = y.CONGLOMERATEID"
                + " WHERE t.TABLENAME = ? AND k.TYPE = 'U'", table)) {
            lines.add("  unique " + named(u[0]) + " " + indexColumns(md, table, u[1]));
        }
        Map<String, String[]> fks = new TreeMap<>();
        try (ResultSet rs = md.getImportedKeys(null, "APP", table)) {
            while (rs.next()) {
                String key = rs.getString("FK_NAME");
                String[] fk = fks.computeIfAbsent(key, k -> new String[] {"", "", "", ""});
                fk[0] += (fk[0].isEmpty() ? "" : ", ") + rs.getString("FKCOLUMN_NAME");
                fk[1] = rs.getString("PKTABLE_NAME");
                fk[2] += (fk[2].isEmpty() ? "" : ", ") + rs.getString("PKCOLUMN_NAME");
                fk[3] = rule(rs.getShort("DELETE_RULE"));
            }
        }
        fks.forEach((name, fk) -> lines.add("  foreign key " + named(name) + " [" + fk[0] + "] references " + fk[1]
                + " [" + fk[2] + "] on delete " + fk[3]));
        for (String[] k : pairs(c, "SELECT k.CONSTRAINTNAME, h.CHECKDEFINITION FROM SYS.SYSCONSTRAINTS k"
                + " JOIN SYS.SYSTABLES t ON t.TABLEID = k.TABLEID"
                + " JOIN SYS.SYSCHECKS h ON h.CONSTRAINTID = k.CONSTRAINTID WHERE t.TABLENAME = ?", table)) {
            lines.add("  check " + named(k[0]) + " " + oneLine(k[1]));
        }
        lines.sort(null);
        lines.forEach(l -> out.append(l).append('\n'));
    }

    /** The two columns of each row {@code sql} answers for {@code table}, its one parameter. */
    private static List<String[]> pairs(Connection c, String sql, String table) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    private static String rule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    private static String indexColumns(DatabaseMetaData md, String table, String index) throws SQLException {
        Map<Integer, String> cols = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(null, "APP", table, false, false)) {
            while (rs.next()) {
                if (index.equals(rs.getString("INDEX_NAME"))) {
                    cols.put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME")
                            + ("D".equals(rs.getString("ASC_OR_DESC")) ? " DESC" : ""));
                }
            }
        }
        return cols.values().toString();
    }

    /** The indexes created by name; those Derby made for a key are the key's and listed with it. */
    private static void indexes(DatabaseMetaData md, String table, StringBuilder out) throws SQLException {
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(null, "APP", table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if ("-".equals(named(name))) {
                    continue;
                }
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        for (Map.Entry<String, Boolean> e : unique.entrySet()) {
            out.append(e.getValue() ? "  unique index " : "  index ").append(e.getKey()).append(' ')
                    .append(indexColumns(md, table, e.getKey())).append('\n');
        }
    }

    private static void rows(Connection c, String table, StringBuilder out) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder("  row");
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i == 1 ? " " : " | ").append(meta.getColumnName(i)).append('=')
                            .append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        rows.forEach(r -> out.append(r).append('\n'));
    }

    /** A name Derby generated (SQL, digits, perhaps a UUID) says nothing about the schema: {@code -}. */
    private static String named(String name) {
        return name == null || name.matches("SQL\\d+(-[0-9a-f-]+)?") ? "-" : name;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        out.sort(null);
        return out;
    }
}
