package org.jixiao.register.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.register.Attachment;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;

/**
 * The SQL of one register's table, on the caller's connection. Table and column names come from the definition,
 * which admits plain upper-case identifiers only; every value is a bound parameter.
 */
final class RecordSql {

    /** A resident-ID field's stored parts; an encrypted field's, without a mask. */
    record Sealed(String cipher, String hash, String mask) {
    }

    /** A record about to be written: its values with ID numbers and encrypted fields already sealed. */
    record Row(long unitId, Long parentId, String state, Map<String, Object> values, Map<String, Sealed> sealed) {
    }

    private final RegisterDefinition def;
    private final String select;
    private final List<Field> files;
    /** The keyed hash of an encrypted field's clear value, which searches and keys compare. */
    private final java.util.function.BiFunction<Field, String, String> hash;

    /** For SQL that never compares an encrypted field with a clear value. */
    RecordSql(RegisterDefinition def) {
        this(def, (f, clear) -> {
            throw new IllegalStateException(def.id() + ": no keyed hash for " + f.name());
        });
    }

    /** @param hash the keyed hash of an encrypted field's clear value (its {@code _HASH} column's content) */
    RecordSql(RegisterDefinition def, java.util.function.BiFunction<Field, String, String> hash) {
        this.def = def;
        this.hash = hash;
        this.files = def.fields().stream().filter(f -> f.type() == FieldType.FILE).toList();
        StringBuilder s = new StringBuilder("SELECT ID, ").append(def.unitColumn())
                .append(def.parent() == null ? ", CAST(NULL AS BIGINT)" : ", PARENT_ID")
                .append(def.workflow() == null ? ", CAST(NULL AS VARCHAR(40))" : ", STATE")
                .append(", VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY");
        for (Field f : def.fields()) {
            // An encrypted field reads as its ciphertext, which the engine decrypts for who may read the record.
            s.append(", ").append(f.type() == FieldType.ID_NUMBER ? f.column() + "_MASK"
                    : encrypted(f) ? f.column() + "_CIPHER" : f.column());
        }
        this.select = s.append(" FROM ").append(def.table()).toString();
    }

    void insert(Connection c, long id, Row row, long userId, Instant at) throws SQLException {
        List<String> columns = new ArrayList<>(List.of("ID", def.unitColumn()));
        List<Object> args = new ArrayList<>(List.of(id, row.unitId()));
        if (def.parent() != null) {
            columns.add("PARENT_ID");
            args.add(row.parentId());
        }
        if (def.workflow() != null) {
            columns.add("STATE");
            args.add(row.state());
        }
        addFields(row, columns, args);
        columns.addAll(List.of("VERSION", "CREATED_AT", "CREATED_BY", "UPDATED_AT", "UPDATED_BY"));
        args.addAll(List.of(0, Timestamp.from(at), userId, Timestamp.from(at), userId));
        String sql = "INSERT INTO " + def.table() + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)";
        update(c, sql, args);
    }

    /** @return false when the record is gone or its version moved on (another edit came first) */
    boolean update(Connection c, long id, Row row, int version, long userId, Instant at) throws SQLException {
        List<String> columns = new ArrayList<>(List.of(def.unitColumn()));
        List<Object> args = new ArrayList<>(List.of(row.unitId()));
        if (def.workflow() != null) {
            columns.add("STATE");
            args.add(row.state());
        }
        addFields(row, columns, args);
        columns.addAll(List.of("UPDATED_AT", "UPDATED_BY"));
        args.addAll(List.of(Timestamp.from(at), userId));
        StringBuilder sql = new StringBuilder("UPDATE ").append(def.table()).append(" SET ");
        for (String col : columns) {
            sql.append(col).append(" = ?, ");
        }
        sql.append("VERSION = VERSION + 1 WHERE ID = ? AND DELETED_AT IS NULL");
        args.add(id);
        if (version >= 0) {
            sql.append(" AND VERSION = ?");
            args.add(version);
        }
        return update(c, sql.toString(), args) == 1;
    }

    private void addFields(Row row, List<String> columns, List<Object> args) {
        for (Field f : def.fields()) {
            if (f.type() == FieldType.ID_NUMBER) {
                Sealed s = row.sealed().get(f.name());
                columns.addAll(List.of(f.column() + "_CIPHER", f.column() + "_HASH", f.column() + "_MASK"));
                args.add(s == null ? new Null(Types.VARCHAR) : s.cipher());
                args.add(s == null ? new Null(Types.VARCHAR) : s.hash());
                args.add(s == null ? new Null(Types.VARCHAR) : s.mask());
            } else if (encrypted(f)) {
                Sealed s = row.sealed().get(f.name());
                columns.addAll(List.of(f.column() + "_CIPHER", f.column() + "_HASH"));
                args.add(s == null ? new Null(Types.VARCHAR) : s.cipher());
                args.add(s == null ? new Null(Types.VARCHAR) : s.hash());
            } else {
                columns.add(f.column());
                args.add(toSql(f, row.values().get(f.name())));
            }
        }
    }

    boolean softDelete(Connection c, long id, long userId, Instant at, String reason) throws SQLException {
        return update(c, "UPDATE " + def.table() + " SET DELETED_AT = ?, DELETED_BY = ?, DELETE_REASON = ?, "
                + "VERSION = VERSION + 1 WHERE ID = ? AND DELETED_AT IS NULL",
                List.of(Timestamp.from(at), userId, reason, id)) == 1;
    }

    Optional<RegisterRecord> find(Connection c, long id) throws SQLException {
        List<RegisterRecord> found = query(c, select + " WHERE ID = ? AND DELETED_AT IS NULL", List.of(id));
        return found.stream().findFirst();
    }

    /** The encrypted value of a resident-ID field of a live record. */
    Optional<String> cipher(Connection c, long id, Field f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + f.column() + "_CIPHER FROM " + def.table()
                + " WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Live records of the unit (any unit: null) whose key fields equal {@code key} (hashes for ID numbers and
     * encrypted fields).
     */
    List<Long> sameKey(Connection c, Long unitId, Map<String, Object> key, long id) throws SQLException {
        StringBuilder sql = new StringBuilder("ID <> ?");
        List<Object> args = new ArrayList<>(List.of(id));
        for (Map.Entry<String, Object> e : key.entrySet()) {
            Field f = def.field(e.getKey()).orElseThrow();
            boolean hashed = f.type() == FieldType.ID_NUMBER || encrypted(f);
            sql.append(" AND ").append(hashed ? f.column() + "_HASH" : f.column()).append(" = ?");
            args.add(hashed ? e.getValue() : toSql(f, e.getValue()));
        }
        return ids(c, sql.toString(), args, unitId, Integer.MAX_VALUE);
    }

    /** Ids of live records matching {@code condition}, in the unit (any unit: null), at most {@code limit}. */
    private List<Long> ids(Connection c, String condition, List<Object> conditionArgs, Long unitId, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ID FROM ").append(def.table())
                .append(" WHERE DELETED_AT IS NULL AND ").append(condition);
        List<Object> args = new ArrayList<>(conditionArgs);
        if (unitId != null) {
            sql.append(" AND ").append(def.unitColumn()).append(" = ?");
            args.add(unitId);
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Live records of the unit (any unit: null) whose title is {@code title}, ignoring case: how an import names a
     * record ("李雷" in a borrower column). At most two, which is enough to tell "one" from "ambiguous".
     */
    List<Long> byTitle(Connection c, Field title, Long unitId, String text) throws SQLException {
        if (encrypted(title)) {
            return ids(c, title.column() + "_HASH = ?", List.of(hash.apply(title, text)), unitId, 2);
        }
        return ids(c, "LOWER(" + title.column() + ") = ?", List.of(text.strip().toLowerCase(Locale.ROOT)), unitId, 2);
    }

    static boolean encrypted(Field f) {
        return f.has(Field.Flag.ENCRYPTED);
    }

    /** Live records of the unit (any: null) whose ID-number field {@code f} has the keyed hash {@code hash}. */
    List<Long> byIdHash(Connection c, Field f, Long unitId, String hash) throws SQLException {
        return sameKey(c, unitId, Map.of(f.name(), hash), 0);
    }

    /** The where clause of a list: live records of {@code units}, narrowed by the query, with its arguments. */
    record Where(String sql, List<Object> args) {
    }

    /**
     * @param idHash the keyed hash of the search text when it is a whole resident ID number: it matches the
     *               register's ID-number fields by hash, never by decrypting
     * @param assigneeTable the need-to-know parent's table whose {@code assigneeOr} columns must name the reader (a
     *               child read through its parent), or null: the columns are this register's
     * @param routed the condition (on this register's columns, or on {@code assigneeTable}'s for a child) that a
     *               record is routed to the unit whose code is {@code routedTo}, which lists it wherever it sits;
     *               null: none
     */
    Where where(Collection<Long> units, RecordQuery q, Map<String, String> assigneeOr, long userId, String idHash,
            String assigneeTable, String routed, String routedTo) {
        StringBuilder w = new StringBuilder("DELETED_AT IS NULL AND ((").append(def.unitColumn()).append(" IN (")
                .append(placeholders(units.size())).append(')');
        List<Object> args = new ArrayList<>(units);
        if (!assigneeOr.isEmpty()) {
            w.append(assigneeTable == null ? " AND (" : " AND PARENT_ID IN (SELECT ID FROM " + assigneeTable
                    + " WHERE DELETED_AT IS NULL AND (");
            String sep = "";
            for (String column : assigneeOr.keySet()) {
                w.append(sep).append(column).append(" = ?");
                args.add(userId);
                sep = " OR ";
            }
            w.append(assigneeTable == null ? ")" : "))");
        }
        w.append(')');
        if (routed != null) {
            w.append(assigneeTable == null ? " OR " + routed : " OR PARENT_ID IN (SELECT ID FROM "
                    + assigneeTable + " WHERE DELETED_AT IS NULL AND " + routed + ")");
            args.add(routedTo);
        }
        w.append(')');
        if (q.parent() != null && def.parent() != null) {
            w.append(" AND PARENT_ID = ?");
            args.add(q.parent());
        }
        List<Field> idFields = def.fields().stream().filter(f -> f.type() == FieldType.ID_NUMBER).toList();
        if (idHash != null && !idFields.isEmpty()) {
            w.append(" AND (");
            for (int i = 0; i < idFields.size(); i++) {
                w.append(i == 0 ? "" : " OR ").append(idFields.get(i).column()).append("_HASH = ?");
                args.add(idHash);
            }
            w.append(')');
        } else if (q.search() != null && !q.search().isBlank()) {
            List<Field> searchable = def.fields().stream().filter(f -> f.has(Field.Flag.SEARCHABLE)).toList();
            if (!searchable.isEmpty()) {
                String like = "%" + escapeLike(q.search().strip().toLowerCase(Locale.ROOT)) + "%";
                w.append(" AND (");
                for (int i = 0; i < searchable.size(); i++) {
                    Field f = searchable.get(i);
                    w.append(i == 0 ? "" : " OR ");
                    // An encrypted field matches the whole text typed, by its keyed hash; a part matches nothing.
                    if (encrypted(f)) {
                        w.append(f.column()).append("_HASH = ?");
                        args.add(hash.apply(f, q.search()));
                    } else {
                        w.append("LOWER(").append(f.column()).append(") LIKE ? ESCAPE '!'");
                        args.add(like);
                    }
                }
                w.append(')');
            }
        }
        for (Map.Entry<String, String> e : q.filters().entrySet()) {
            filter(e.getKey(), e.getValue(), w, args);
        }
        return new Where(w.toString(), args);
    }

    /** Adds one filter; filters on unknown fields or with values of the wrong form are ignored, as a search would. */
    private void filter(String name, String value, StringBuilder w, List<Object> args) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (name.equals("state") && def.workflow() != null) {
            w.append(" AND STATE = ?");
            args.add(value);
            return;
        }
        if (name.equals("unit")) {
            Long unit = parseId(value);
            if (unit != null) {
                w.append(" AND ").append(def.unitColumn()).append(" = ?");
                args.add(unit);
            }
            return;
        }
        Field f = def.field(name).orElse(null);
        if (f == null || f.type() == FieldType.ID_NUMBER || f.type() == FieldType.FILE) {
            return;
        }
        if (encrypted(f)) {
            w.append(" AND ").append(f.column()).append("_HASH = ?");
            args.add(hash.apply(f, value));
            return;
        }
        switch (f.type()) {
            case DATE -> {
                String[] range = value.split("\\.\\.", -1);
                LocalDate from = Values.day(range[0]);
                LocalDate to = range.length > 1 ? Values.day(range[1]) : from;
                if (from != null) {
                    w.append(" AND ").append(f.column()).append(" >= ?");
                    args.add(Date.valueOf(from));
                }
                if (to != null) {
                    w.append(" AND ").append(f.column()).append(" <= ?");
                    args.add(Date.valueOf(to));
                }
            }
            case MULTI_CHOICE -> {
                w.append(" AND (").append(f.column()).append(" = ? OR ").append(f.column()).append(" LIKE ? OR ")
                        .append(f.column()).append(" LIKE ? OR ").append(f.column()).append(" LIKE ?)");
                String code = escapeLike(value);
                args.addAll(List.of(value, code + ",%", "%," + code, "%," + code + ",%"));
            }
            case TEXT, LONG_TEXT, PHONE -> {
                w.append(" AND LOWER(").append(f.column()).append(") LIKE ? ESCAPE '!'");
                args.add("%" + escapeLike(value.toLowerCase(Locale.ROOT)) + "%");
            }
            case BOOLEAN -> {
                w.append(" AND ").append(f.column()).append(" = ?");
                args.add(Boolean.parseBoolean(value) || value.equals("1") || value.equals("是"));
            }
            case INTEGER, REFERENCE, USER -> {
                Long id = parseId(value);
                if (id != null) {
                    w.append(" AND ").append(f.column()).append(" = ?");
                    args.add(id);
                }
            }
            default -> {
                w.append(" AND ").append(f.column()).append(" = ?");
                args.add(value);
            }
        }
    }

    long count(Connection c, Where where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + def.table() + " WHERE "
                + where.sql())) {
            bind(ps, where.args());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<RegisterRecord> page(Connection c, Where where, RecordQuery q, int offset, int size) throws SQLException {
        String order = "ID DESC";
        Field sort = q.sort() == null ? null : def.field(q.sort()).filter(f -> f.has(Field.Flag.SORTABLE)).orElse(null);
        if (sort != null) {
            order = sort.column() + (q.descending() ? " DESC" : " ASC") + ", ID DESC";
        } else if (def.day() != null) {
            order = def.field(def.day()).orElseThrow().column() + " DESC, ID DESC";
        }
        List<Object> args = new ArrayList<>(where.args());
        args.add(offset);
        args.add(size);
        return query(c, select + " WHERE " + where.sql() + " ORDER BY " + order
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", args);
    }

    /** Live records by id, for titles of references; ids absent from the result do not exist (or are deleted). */
    List<RegisterRecord> byIds(Connection c, Collection<Long> ids) throws SQLException {
        List<RegisterRecord> out = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 200) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 200));
            out.addAll(query(c, select + " WHERE DELETED_AT IS NULL AND ID IN (" + placeholders(chunk.size()) + ")",
                    new ArrayList<>(chunk)));
        }
        return out;
    }

    /** Every live record, in id order, a page at a time: for rebuilding totals without holding them all. */
    void eachLive(Connection c, SqlConsumer<RegisterRecord> each) throws SQLException {
        long after = Long.MIN_VALUE;
        while (true) {
            List<RegisterRecord> page = query(c, select + " WHERE DELETED_AT IS NULL AND ID > ? ORDER BY ID "
                    + "FETCH FIRST 1000 ROWS ONLY", List.of(after));
            for (RegisterRecord r : page) {
                each.accept(r);
            }
            if (page.size() < 1000) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    @FunctionalInterface
    interface SqlConsumer<T> {
        void accept(T t) throws SQLException;
    }

    private List<RegisterRecord> query(Connection c, String sql, List<Object> args) throws SQLException {
        List<RegisterRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return files.isEmpty() || out.isEmpty() ? out : withAttachments(c, out);
    }

    /** File fields hold ids in the table; a record names its files by name, type and size. */
    private List<RegisterRecord> withAttachments(Connection c, List<RegisterRecord> records) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (RegisterRecord r : records) {
            files.forEach(f -> {
                if (r.value(f.name()) instanceof Long id) {
                    ids.add(id);
                }
            });
        }
        if (ids.isEmpty()) {
            return records;
        }
        Map<Long, Attachment> found = Attachments.describe(c, ids);
        List<RegisterRecord> out = new ArrayList<>(records.size());
        for (RegisterRecord r : records) {
            Map<String, Object> values = new LinkedHashMap<>(r.values());
            for (Field f : files) {
                if (values.get(f.name()) instanceof Long id) {
                    Attachment a = found.get(id);
                    if (a == null) {
                        values.remove(f.name());
                    } else {
                        values.put(f.name(), a);
                    }
                }
            }
            out.add(new RegisterRecord(r.id(), r.register(), r.unitId(), r.parentId(), r.state(), values, r.version(),
                    r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy()));
        }
        return out;
    }

    private RegisterRecord row(ResultSet rs) throws SQLException {
        long parent = rs.getLong(3);
        Long parentId = rs.wasNull() ? null : parent;
        Map<String, Object> values = new LinkedHashMap<>();
        int i = 10;
        for (Field f : def.fields()) {
            Object v = fromSql(f, rs, i++);
            if (v != null) {
                values.put(f.name(), v);
            }
        }
        return new RegisterRecord(rs.getLong(1), def.id(), rs.getLong(2), parentId, rs.getString(4), values,
                rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getLong(7), rs.getTimestamp(8).toInstant(),
                rs.getLong(9));
    }

    private static Object fromSql(Field f, ResultSet rs, int i) throws SQLException {
        Object v = switch (f.type()) {
            case INTEGER, REFERENCE, USER, FILE -> rs.getLong(i);
            case DECIMAL, MONEY -> {
                BigDecimal b = rs.getBigDecimal(i);
                yield b == null ? null : b.stripTrailingZeros().scale() < 0 ? b.setScale(0) : b.stripTrailingZeros();
            }
            case DATE -> {
                Date d = rs.getDate(i);
                yield d == null ? null : d.toLocalDate();
            }
            case BOOLEAN -> rs.getBoolean(i);
            case MULTI_CHOICE -> {
                String s = rs.getString(i);
                yield s == null || s.isEmpty() ? null : List.of(s.split(","));
            }
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }

    static Object toSql(Field f, Object value) {
        if (value == null) {
            return new Null(switch (f.type()) {
                case INTEGER, REFERENCE, USER, FILE -> Types.BIGINT;
                case DECIMAL, MONEY -> Types.DECIMAL;
                case DATE -> Types.DATE;
                case BOOLEAN -> Types.BOOLEAN;
                default -> Types.VARCHAR;
            });
        }
        return switch (f.type()) {
            case DATE -> Date.valueOf((LocalDate) value);
            case FILE -> ((Attachment) value).id();
            case MULTI_CHOICE -> String.join(",", ((List<?>) value).stream().map(String::valueOf).toList());
            default -> value;
        };
    }

    /** A typed SQL NULL, since Derby wants the type of a null parameter. */
    record Null(int type) {
    }

    static int update(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Null n) {
                ps.setNull(i + 1, n.type());
            } else if (a instanceof String s) {
                ps.setString(i + 1, s);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof BigDecimal b) {
                ps.setBigDecimal(i + 1, b);
            } else if (a instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else if (a instanceof Date d) {
                ps.setDate(i + 1, d);
            } else if (a instanceof Timestamp t) {
                ps.setTimestamp(i + 1, t);
            } else if (a instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else {
                throw new IllegalArgumentException("cannot bind " + a.getClass());
            }
        }
    }

    /** {@code n} parameters of an IN list; for none, a typed NULL, which matches nothing (Derby refuses a bare NULL). */
    static String placeholders(int n) {
        return n == 0 ? "CAST(NULL AS BIGINT)" : "?, ".repeat(n - 1) + "?";
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Long parseId(String s) {
        try {
            long v = Long.parseLong(s.strip());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
