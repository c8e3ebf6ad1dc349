package org.jixiao.project.employment.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The SQL of the youth database. Portable on purpose (Derby now, PostgreSQL later): standard types, dates
 * bound as {@link Date}, ages turned into birth-year bounds in Java instead of engine-specific date arithmetic.
 * Every method works on the caller's connection, so the caller decides the transaction.
 */
final class YouthRepository {

    private static final String LIVE = "DELETED_AT IS NULL";
    private static final char LIKE_ESCAPE = '!';

    /** Who writes and when, for the CREATED_/UPDATED_/DELETED_ columns. */
    record Stamp(long userId, Instant at) {
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
        Jdbc.each(c, sql, args, rs -> {
            Optional<YouthType> type = Enums.parse(YouthType.class, rs.getString(2));
            if (type.isPresent()) {
                out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(YouthType.class)).merge(type.get(),
                        rs.getLong(3), Long::sum);
            }
        });
        return out;
    }

    Map<Education, Long> countByEducation(Connection c, Collection<Long> counties) throws SQLException {
        return countByCode(c, counties, Education.class, "SELECT EDUCATION, COUNT(*) FROM EMP_YOUTH WHERE " + LIVE
                + " AND COUNTY_ID IN (%s) GROUP BY EDUCATION");
    }

    Map<NeedCategory, Long> countByNeed(Connection c, Collection<Long> counties) throws SQLException {
        return countByCode(c, counties, NeedCategory.class, "SELECT N.CATEGORY, COUNT(*) FROM EMP_YOUTH_NEED N "
                + "JOIN EMP_YOUTH Y ON Y.ID = N.YOUTH_ID WHERE Y.DELETED_AT IS NULL AND Y.COUNTY_ID IN (%s) "
                + "GROUP BY N.CATEGORY");
    }

    /**
     * Every constant of {@code type} with its count from {@code sql} (a code and a count per row, the counties at
     * its {@code %s}); 0 for those it does not name, and codes no constant has are left out.
     */
    private static <E extends Enum<E>> Map<E, Long> countByCode(Connection c, Collection<Long> counties, Class<E> type,
            String sql) throws SQLException {
        Map<E, Long> out = zeros(type);
        if (counties.isEmpty()) {
            return out;
        }
        Jdbc.each(c, String.format(sql, placeholders(counties.size())), new ArrayList<>(counties), rs -> {
            Optional<E> code = Enums.parse(type, rs.getString(1));
            if (code.isPresent()) {
                out.put(code.get(), rs.getLong(2));
            }
        });
        return out;
    }

    /** Live records per age band, by the age each reaches in {@code today}'s year: see {@link #AGE_BANDS}. */
    Map<String, Long> countByAgeBand(Connection c, Collection<Long> counties, LocalDate today) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String band : YouthStats.AGE_BANDS) {
            out.put(band, 0L);
        }
        if (counties.isEmpty()) {
            return out;
        }
        String sql = "SELECT " + AGE_BANDS + " "
                + "FROM EMP_YOUTH WHERE " + LIVE + " AND COUNTY_ID IN (" + placeholders(counties.size()) + ")";
        List<Object> args = ageBandArgs(today);
        args.addAll(counties);
        Jdbc.each(c, sql, args, rs -> {
            int i = 1;
            for (String band : YouthStats.AGE_BANDS) {
                out.put(band, rs.getLong(i++));
            }
        });
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
        String sql = "SELECT COUNTY_ID, YOUTH_TYPE, EDUCATION, COUNT(*), " + AGE_BANDS + " "
                + "FROM EMP_YOUTH WHERE " + LIVE + " AND COUNTY_ID IN (" + placeholders(counties.size()) + ") "
                + "GROUP BY COUNTY_ID, YOUTH_TYPE, EDUCATION";
        List<Object> args = ageBandArgs(today);
        args.addAll(counties);
        Jdbc.each(c, sql, args, rs -> {
            Optional<YouthType> type = Enums.parse(YouthType.class, rs.getString(2));
            Optional<Education> education = Enums.parse(Education.class, rs.getString(3));
            if (type.isEmpty() || education.isEmpty()) {
                return;
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
            out.merge(county, new YouthCountyStats.Row(county, "", n, group.byType(), group.byEducation(),
                    group.byAgeBand(), group.byNeed()), YouthCountyStats.Row::plus);
        });
        Jdbc.each(c, "SELECT Y.COUNTY_ID, N.CATEGORY, COUNT(*) FROM EMP_YOUTH_NEED N JOIN EMP_YOUTH Y "
                + "ON Y.ID = N.YOUTH_ID WHERE Y.DELETED_AT IS NULL AND Y.COUNTY_ID IN (" + placeholders(counties.size())
                + ") GROUP BY Y.COUNTY_ID, N.CATEGORY", new ArrayList<>(counties), rs -> {
                    Optional<NeedCategory> need = Enums.parse(NeedCategory.class, rs.getString(2));
                    YouthCountyStats.Row row = out.get(rs.getLong(1));
                    if (need.isPresent() && row != null) {
                        row.byNeed().merge(need.get(), rs.getLong(3), Long::sum);
                    }
                });
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The live records of each age band of {@link YouthStats#AGE_BANDS}, in its order, as columns; SUM over no rows
     * is NULL, which getLong turns into 0. Only the year of birth is kept, so the age is the one reached in the
     * year: someone reaches {@code n} in {@code today}'s year exactly when born in or before that year minus
     * {@code n}, and the bands are ranges of birth years: see {@link #ageBandArgs}.
     */
    private static final String AGE_BANDS = "SUM(CASE WHEN BIRTH_YEAR > ? THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN BIRTH_YEAR <= ? AND BIRTH_YEAR > ? THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN BIRTH_YEAR <= ? AND BIRTH_YEAR > ? THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN BIRTH_YEAR <= ? AND BIRTH_YEAR > ? THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN BIRTH_YEAR <= ? THEN 1 ELSE 0 END)";

    /** The arguments of {@link #AGE_BANDS} as of {@code today}, open for more. */
    private static List<Object> ageBandArgs(LocalDate today) {
        int year = today.getYear();
        return new ArrayList<>(List.of(year - 25, year - 25, year - 31, year - 31, year - 36, year - 36, year - 46,
                year - 46));
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
