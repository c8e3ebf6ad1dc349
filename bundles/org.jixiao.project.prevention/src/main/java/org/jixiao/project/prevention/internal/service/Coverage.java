package org.jixiao.project.prevention.internal.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Pairing coverage (POLICY.md section 4, step 2: 100 % paired at county level with a professional and a volunteer,
 * then 100 % paired a second time by the matching city department): how many youth each county has per category and
 * how many of them are paired at each level, the same per city department, and who is still without either pairing.
 * The routed city department's view ({@code cityUnit} a unit's code) takes only the youth of its categories.
 */
public final class Coverage {

    /** The youth of one county and category, how many have both county helpers, how many the city's pairing. */
    public record Cell(long unitId, String category, int youth, int paired, int cityPaired) {
    }

    /** The youth routed to one city department (by its code; null: a category naming none) and how many it paired. */
    public record Department(String cityUnit, int youth, int cityPaired) {
    }

    /** A youth still missing a professional, a volunteer, the city's second pairing, or several (named by the engine). */
    public record Unpaired(long youthId, long unitId, String category, boolean noProfessional,
            boolean noVolunteer, boolean noCity) {
    }

    private static final String PAIRED = "Y.PROFESSIONAL IS NOT NULL AND Y.VOLUNTEER IS NOT NULL";
    private static final String CITY_PAIRED = "Y.CITY_PAIRED = TRUE";

    private Coverage() {
    }

    public static List<Cell> cells(Connection c, Collection<Long> units, String cityUnit, LocalDate today)
            throws SQLException {
        List<Cell> out = new ArrayList<>();
        query(c, "SELECT Y.UNIT_ID, C.NAME, COUNT(*), " + count(PAIRED) + ", " + count(CITY_PAIRED) + " FROM "
                + FROM + where(units, cityUnit) + " GROUP BY Y.UNIT_ID, C.NAME ORDER BY Y.UNIT_ID, C.NAME", units,
                cityUnit, today, rs -> out.add(new Cell(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5))));
        return out;
    }

    public static List<Department> departments(Connection c, Collection<Long> units, String cityUnit,
            LocalDate today) throws SQLException {
        List<Department> out = new ArrayList<>();
        query(c, "SELECT C.CITY_UNIT, COUNT(*), " + count(CITY_PAIRED) + " FROM " + FROM + where(units, cityUnit)
                + " GROUP BY C.CITY_UNIT ORDER BY C.CITY_UNIT", units, cityUnit, today,
                rs -> out.add(new Department(rs.getString(1), rs.getInt(2), rs.getInt(3))));
        return out;
    }

    public static List<Unpaired> unpaired(Connection c, Collection<Long> units, String cityUnit,
            LocalDate today) throws SQLException {
        List<Unpaired> out = new ArrayList<>();
        query(c, "SELECT Y.ID, Y.UNIT_ID, C.NAME, Y.PROFESSIONAL, Y.VOLUNTEER, Y.CITY_PAIRED FROM " + FROM
                + where(units, cityUnit) + " AND NOT (" + PAIRED + " AND " + CITY_PAIRED
                + ") ORDER BY Y.UNIT_ID, C.NAME, Y.ID", units, cityUnit, today, rs -> {
                    rs.getLong(4);
                    boolean noProfessional = rs.wasNull();
                    rs.getLong(5);
                    boolean noVolunteer = rs.wasNull();
                    out.add(new Unpaired(rs.getLong(1), rs.getLong(2), rs.getString(3), noProfessional, noVolunteer,
                            !rs.getBoolean(6)));
                });
        return out;
    }

    /** A youth whose active life ended (it left or turned 25) needs no pairing: it is out of the figures. */
    private static final String ENDED = " AND (Y.ENDS_ON IS NULL OR Y.ENDS_ON > ?)";

    private static final String FROM = "PRV_YOUTH Y JOIN PRV_CATEGORY C ON C.ID = Y.CATEGORY";

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Collection<Long> units, String cityUnit, LocalDate today,
            Row row) throws SQLException {
        if (units.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, units);
            if (cityUnit != null) {
                ps.setString(units.size() + 1, cityUnit);
            }
            ps.setDate(units.size() + (cityUnit == null ? 1 : 2), Date.valueOf(today));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private static String where(Collection<Long> units, String cityUnit) {
        return " WHERE Y.DELETED_AT IS NULL AND Y.UNIT_ID IN (" + in(units) + ")"
                + (cityUnit == null ? "" : " AND C.CITY_UNIT = ?") + ENDED;
    }

    private static String count(String condition) {
        return "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }

    private static String in(Collection<Long> units) {
        return String.join(",", Collections.nCopies(units.size(), "?"));
    }

    private static void bind(PreparedStatement ps, Collection<Long> units) throws SQLException {
        int i = 1;
        for (Long u : units) {
            ps.setLong(i++, u);
        }
    }
}
