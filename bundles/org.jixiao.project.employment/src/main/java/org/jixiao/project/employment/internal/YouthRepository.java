package org.jixiao.project.employment.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The SQL of the youth database. Portable on purpose (Derby now, PostgreSQL later): standard types, dates
 * bound as {@link Date}, ages turned into birth-date bounds in Java instead of engine-specific date arithmetic.
 * Every method works on the caller's connection, so the caller decides the transaction.
 */
final class YouthRepository {

    /** The SQLState of a unique-constraint violation, the same in Derby and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private static final String COLUMNS = "ID, NAME, GENDER, BIRTH_DATE, ID_MASK, ID_CIPHER, COUNTY_ID, EDUCATION, "
            + "YOUTH_TYPE, NEEDS, REGISTERED_ON, PHONE, CREATED_AT, UPDATED_AT";
    private static final String LIVE = "DELETED_AT IS NULL";
    private static final char LIKE_ESCAPE = '!';

    /** Who writes and when, for the CREATED_/UPDATED_/DELETED_ columns. */
    record Stamp(long userId, Instant at) {
    }

    long insert(Connection c, YouthData d, String cipher, String hash, String mask, Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_YOUTH (NAME, GENDER, BIRTH_DATE, ID_CIPHER, ID_HASH, ID_MASK, LIVE_ID_HASH, "
                + "COUNTY_ID, EDUCATION, YOUTH_TYPE, NEEDS, REGISTERED_ON, PHONE, CREATED_AT, CREATED_BY, UPDATED_AT, "
                + "UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        long id;
        // RETURN_GENERATED_KEYS rather than a column-name array: PostgreSQL's driver quotes such names, which
        // breaks on its lower-cased identifiers. Column 1 is ID on both engines.
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindRecord(ps, d, cipher, hash, mask, stamp);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no generated id for EMP_YOUTH");
                }
                id = keys.getLong(1);
            }
        }
        replaceNeeds(c, id, d.needCategories());
        return id;
    }

    /**
     * Binds the columns insert and update share, in the order both statements list them, ending with one
     * stamp (CREATED_AT/CREATED_BY on insert, UPDATED_AT/UPDATED_BY on update); returns the next index.
     */
    private static int bindRecord(PreparedStatement ps, YouthData d, String cipher, String hash, String mask,
            Stamp stamp) throws SQLException {
        int i = 1;
        ps.setString(i++, d.name());
        ps.setString(i++, d.gender());
        ps.setDate(i++, Date.valueOf(d.birthDate()));
        ps.setString(i++, cipher);
        ps.setString(i++, hash);
        ps.setString(i++, mask);
        ps.setString(i++, hash);
        ps.setLong(i++, d.countyId());
        ps.setString(i++, d.education().name());
        ps.setString(i++, d.type().name());
        setNullableString(ps, i++, d.needs());
        ps.setDate(i++, Date.valueOf(d.registeredOn()));
        setNullableString(ps, i++, d.phone());
        ps.setTimestamp(i++, Timestamp.from(stamp.at()));
        ps.setLong(i++, stamp.userId());
        return i;
    }

    void update(Connection c, long id, YouthData d, String cipher, String hash, String mask, Stamp stamp)
            throws SQLException {
        String sql = "UPDATE EMP_YOUTH SET NAME = ?, GENDER = ?, BIRTH_DATE = ?, ID_CIPHER = ?, ID_HASH = ?, "
                + "ID_MASK = ?, LIVE_ID_HASH = ?, COUNTY_ID = ?, EDUCATION = ?, YOUTH_TYPE = ?, NEEDS = ?, "
                + "REGISTERED_ON = ?, PHONE = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND " + LIVE;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindRecord(ps, d, cipher, hash, mask, stamp);
            ps.setLong(i, id);
            ps.executeUpdate();
        }
        replaceNeeds(c, id, d.needCategories());
    }

    /** Soft delete: the row stays for history, but frees the person's ID number for a new registration. */
    boolean softDelete(Connection c, long id, Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_YOUTH SET DELETED_AT = ?, DELETED_BY = ?, "
                + "LIVE_ID_HASH = NULL WHERE ID = ? AND " + LIVE)) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Live records other than {@code exceptId} holding this ID hash, in any county. */
    long countLive(Connection c, String hash, Long exceptId) throws SQLException {
        String sql = "SELECT COUNT(*) FROM EMP_YOUTH WHERE LIVE_ID_HASH = ?" + (exceptId == null ? "" : " AND ID <> ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, hash);
            if (exceptId != null) {
                ps.setLong(2, exceptId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Optional<Youth> findLive(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM EMP_YOUTH WHERE ID = ? AND " + LIVE)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Youth y = row(rs, Set.of());
                return Optional.of(withNeeds(y, needsOf(c, List.of(id)).getOrDefault(id, Set.of())));
            }
        }
    }

    long count(Connection c, Collection<Long> counties, YouthFilter f, String idHash) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, idHash, args);
        return Jdbc.count(c, "SELECT COUNT(*) FROM EMP_YOUTH WHERE " + where, args);
    }

    List<Youth> list(Connection c, Collection<Long> counties, YouthFilter f, String idHash, int offset, int size)
            throws SQLException {
        if (counties.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, idHash, args);
        args.add(offset);
        args.add(size);
        List<Youth> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM EMP_YOUTH WHERE " + where
                + " ORDER BY REGISTERED_ON DESC, ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, Set.of()));
                }
            }
        }
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Set<NeedCategory>> needs = needsOf(c, rows.stream().map(Youth::id).toList());
        List<Youth> out = new ArrayList<>(rows.size());
        for (Youth y : rows) {
            out.add(withNeeds(y, needs.getOrDefault(y.id(), Set.of())));
        }
        return out;
    }

    /** Live records per county and type; the counts behind both the indicators and the county table. */
    Map<Long, Map<YouthType, Long>> countByCountyAndType(Connection c, Collection<Long> counties, LocalDate registeredBy)
            throws SQLException {
        Map<Long, Map<YouthType, Long>> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        String sql = "SELECT COUNTY_ID, YOUTH_TYPE, COUNT(*) FROM EMP_YOUTH WHERE " + LIVE + " AND COUNTY_ID IN ("
                + placeholders(counties.size()) + ")" + (registeredBy == null ? "" : " AND REGISTERED_ON <= ?")
                + " GROUP BY COUNTY_ID, YOUTH_TYPE";
        if (registeredBy != null) {
            args.add(Date.valueOf(registeredBy));
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<YouthType> type = Enums.parse(YouthType.class, rs.getString(2));
                    if (type.isPresent()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(YouthType.class))
                                .merge(type.get(), rs.getLong(3), Long::sum);
                    }
                }
            }
        }
        return out;
    }

    Map<Education, Long> countByEducation(Connection c, Collection<Long> counties) throws SQLException {
        Map<Education, Long> out = zeros(Education.class);
        if (counties.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT EDUCATION, COUNT(*) FROM EMP_YOUTH WHERE " + LIVE
                + " AND COUNTY_ID IN (" + placeholders(counties.size()) + ") GROUP BY EDUCATION")) {
            bind(ps, new ArrayList<>(counties));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<Education> e = Enums.parse(Education.class, rs.getString(1));
                    if (e.isPresent()) {
                        out.put(e.get(), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    Map<NeedCategory, Long> countByNeed(Connection c, Collection<Long> counties) throws SQLException {
        Map<NeedCategory, Long> out = zeros(NeedCategory.class);
        if (counties.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT N.CATEGORY, COUNT(*) FROM EMP_YOUTH_NEED N "
                + "JOIN EMP_YOUTH Y ON Y.ID = N.YOUTH_ID WHERE Y.DELETED_AT IS NULL AND Y.COUNTY_ID IN ("
                + placeholders(counties.size()) + ") GROUP BY N.CATEGORY")) {
            bind(ps, new ArrayList<>(counties));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<NeedCategory> n = Enums.parse(NeedCategory.class, rs.getString(1));
                    if (n.isPresent()) {
                        out.put(n.get(), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Live records per age band as of {@code today}. Someone is at least {@code n} years old on {@code today}
     * exactly when born on or before {@code today - n years}; the bands become birth-date ranges.
     */
    Map<String, Long> countByAgeBand(Connection c, Collection<Long> counties, LocalDate today) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String band : YouthStats.AGE_BANDS) {
            out.put(band, 0L);
        }
        if (counties.isEmpty()) {
            return out;
        }
        Date born25 = Date.valueOf(today.minusYears(25));
        Date born31 = Date.valueOf(today.minusYears(31));
        Date born36 = Date.valueOf(today.minusYears(36));
        Date born46 = Date.valueOf(today.minusYears(46));
        String sql = "SELECT "
                + "SUM(CASE WHEN BIRTH_DATE > ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN BIRTH_DATE <= ? AND BIRTH_DATE > ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN BIRTH_DATE <= ? AND BIRTH_DATE > ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN BIRTH_DATE <= ? AND BIRTH_DATE > ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN BIRTH_DATE <= ? THEN 1 ELSE 0 END) "
                + "FROM EMP_YOUTH WHERE " + LIVE + " AND COUNTY_ID IN (" + placeholders(counties.size()) + ")";
        List<Object> args = new ArrayList<>(List.of(born25, born25, born31, born31, born36, born36, born46, born46));
        args.addAll(counties);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    int i = 1;
                    for (String band : YouthStats.AGE_BANDS) {
                        // SUM over no rows is NULL; getLong turns it into 0.
                        out.put(band, rs.getLong(i++));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Per county, its live records by type, education, age band (as of {@code today}) and need: one grouped scan
     * for the first three, one for the needs. Counties without records are absent.
     */
    Map<Long, YouthCountyStats.Row> countByCounty(Connection c, Collection<Long> counties, LocalDate today)
            throws SQLException {
        Map<Long, YouthCountyStats.Row> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        Date born25 = Date.valueOf(today.minusYears(25));
        Date born31 = Date.valueOf(today.minusYears(31));
        Date born36 = Date.valueOf(today.minusYears(36));
        Date born46 = Date.valueOf(today.minusYears(46));
        String sql = "SELECT COUNTY_ID, YOUTH_TYPE, EDUCATION, COUNT(*), "
                + "SUM(CASE WHEN BIRTH_DATE > ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN BIRTH_DATE <= ? AND BIRTH_DATE > ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN BIRTH_DATE <= ? AND BIRTH_DATE > ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN BIRTH_DATE <= ? AND BIRTH_DATE > ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN BIRTH_DATE <= ? THEN 1 ELSE 0 END) "
                + "FROM EMP_YOUTH WHERE " + LIVE + " AND COUNTY_ID IN (" + placeholders(counties.size()) + ") "
                + "GROUP BY COUNTY_ID, YOUTH_TYPE, EDUCATION";
        List<Object> args = new ArrayList<>(List.of(born25, born25, born31, born31, born36, born36, born46, born46));
        args.addAll(counties);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<YouthType> type = Enums.parse(YouthType.class, rs.getString(2));
                    Optional<Education> education = Enums.parse(Education.class, rs.getString(3));
                    if (type.isEmpty() || education.isEmpty()) {
                        continue;
                    }
                    long county = rs.getLong(1);
                    long n = rs.getLong(4);
                    YouthCountyStats.Row group = YouthCountyStats.Row.empty(county, "");
                    group.byType().put(type.get(), n);
                    group.byEducation().put(education.get(), n);
                    int i = 5;
                    for (String band : YouthStats.AGE_BANDS) {
                        group.byAgeBand().put(band, rs.getLong(i++));
                    }
                    YouthCountyStats.Row counted = new YouthCountyStats.Row(county, "", n, group.byType(),
                            group.byEducation(), group.byAgeBand(), group.byNeed());
                    out.merge(county, counted, YouthCountyStats.Row::plus);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT Y.COUNTY_ID, N.CATEGORY, COUNT(*) FROM EMP_YOUTH_NEED N "
                + "JOIN EMP_YOUTH Y ON Y.ID = N.YOUTH_ID WHERE Y.DELETED_AT IS NULL AND Y.COUNTY_ID IN ("
                + placeholders(counties.size()) + ") GROUP BY Y.COUNTY_ID, N.CATEGORY")) {
            bind(ps, new ArrayList<>(counties));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<NeedCategory> need = Enums.parse(NeedCategory.class, rs.getString(2));
                    YouthCountyStats.Row row = out.get(rs.getLong(1));
                    if (need.isPresent() && row != null) {
                        row.byNeed().merge(need.get(), rs.getLong(3), Long::sum);
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static String where(Collection<Long> counties, YouthFilter f, String idHash, List<Object> args) {
        StringBuilder w = new StringBuilder(LIVE);
        w.append(" AND COUNTY_ID IN (").append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (idHash != null) {
            w.append(" AND LIVE_ID_HASH = ?");
            args.add(idHash);
        } else if (f.query() != null && !f.query().isBlank()) {
            w.append(" AND LOWER(NAME) LIKE ? ESCAPE '").append(LIKE_ESCAPE).append('\'');
            args.add("%" + escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.type() != null) {
            w.append(" AND YOUTH_TYPE = ?");
            args.add(f.type().name());
        }
        if (f.education() != null) {
            w.append(" AND EDUCATION = ?");
            args.add(f.education().name());
        }
        return w.toString();
    }

    static String escapeLike(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch == LIKE_ESCAPE || ch == '%' || ch == '_') {
                b.append(LIKE_ESCAPE);
            }
            b.append(ch);
        }
        return b.toString();
    }

    private Map<Long, Set<NeedCategory>> needsOf(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Set<NeedCategory>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT YOUTH_ID, CATEGORY FROM EMP_YOUTH_NEED WHERE YOUTH_ID IN ("
                + placeholders(ids.size()) + ")")) {
            bind(ps, new ArrayList<>(ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Enums.parse(NeedCategory.class, rs.getString(2))
                            .ifPresent(n -> out.computeIfAbsent(id, k -> EnumSet.noneOf(NeedCategory.class)).add(n));
                }
            }
        }
        return out;
    }

    private static void replaceNeeds(Connection c, long id, Set<NeedCategory> needs) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM EMP_YOUTH_NEED WHERE YOUTH_ID = ?")) {
            del.setLong(1, id);
            del.executeUpdate();
        }
        if (needs.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO EMP_YOUTH_NEED (YOUTH_ID, CATEGORY) VALUES (?, ?)")) {
            for (NeedCategory n : needs) {
                ins.setLong(1, id);
                ins.setString(2, n.name());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private static Youth row(ResultSet rs, Set<NeedCategory> needs) throws SQLException {
        return new Youth(rs.getLong("ID"), rs.getString("NAME"), rs.getString("GENDER"),
                rs.getDate("BIRTH_DATE").toLocalDate(), rs.getString("ID_MASK"), rs.getString("ID_CIPHER"),
                rs.getLong("COUNTY_ID"), Enums.parse(Education.class, rs.getString("EDUCATION")).orElseThrow(),
                Enums.parse(YouthType.class, rs.getString("YOUTH_TYPE")).orElseThrow(), rs.getString("NEEDS"), needs,
                rs.getDate("REGISTERED_ON").toLocalDate(), rs.getString("PHONE"),
                rs.getTimestamp("CREATED_AT").toInstant(), rs.getTimestamp("UPDATED_AT").toInstant());
    }

    private static Youth withNeeds(Youth y, Set<NeedCategory> needs) {
        return new Youth(y.id(), y.name(), y.gender(), y.birthDate(), y.idMask(), y.idCipher(), y.countyId(),
                y.education(), y.type(), y.needs(), needs, y.registeredOn(), y.phone(), y.createdAt(), y.updatedAt());
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, 0L);
        }
        return m;
    }

    static String placeholders(int n) {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < n; i++) {
            j.add("?");
        }
        return j.toString();
    }

    static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Date d) {
                ps.setDate(i + 1, d);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }

    static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
