package org.jixiao.project.prevention.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Pairing coverage (POLICY.md section 4, step 2: 100 % paired with a professional and a volunteer): how many youth
 * each county has per category and how many of them are paired, and who is still unpaired.
 */
public final class Coverage {

    /** The youth of one county and category, and how many of them have both helpers. */
    public record Cell(long unitId, String category, int youth, int paired) {
    }

    /** A youth still missing a professional, a volunteer or both. */
    public record Unpaired(long youthId, String name, long unitId, String category, boolean noProfessional,
            boolean noVolunteer) {
    }

    private Coverage() {
    }

    public static List<Cell> cells(Connection c, Collection<Long> units) throws SQLException {
        List<Cell> out = new ArrayList<>();
        if (units.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT Y.UNIT_ID, C.NAME, COUNT(*), SUM(CASE WHEN "
                + "Y.PROFESSIONAL IS NOT NULL AND Y.VOLUNTEER IS NOT NULL THEN 1 ELSE 0 END) FROM PRV_YOUTH Y JOIN "
                + "PRV_CATEGORY C ON C.ID = Y.CATEGORY WHERE Y.DELETED_AT IS NULL AND Y.UNIT_ID IN (" + in(units)
                + ") GROUP BY Y.UNIT_ID, C.NAME ORDER BY Y.UNIT_ID, C.NAME")) {
            bind(ps, units);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Cell(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
                }
            }
        }
        return out;
    }

    public static List<Unpaired> unpaired(Connection c, Collection<Long> units) throws SQLException {
        List<Unpaired> out = new ArrayList<>();
        if (units.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT Y.ID, Y.NAME, Y.UNIT_ID, C.NAME, Y.PROFESSIONAL, "
                + "Y.VOLUNTEER FROM PRV_YOUTH Y JOIN PRV_CATEGORY C ON C.ID = Y.CATEGORY WHERE Y.DELETED_AT IS NULL "
                + "AND (Y.PROFESSIONAL IS NULL OR Y.VOLUNTEER IS NULL) AND Y.UNIT_ID IN (" + in(units)
                + ") ORDER BY Y.UNIT_ID, C.NAME, Y.ID")) {
            bind(ps, units);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(5);
                    boolean noProfessional = rs.wasNull();
                    rs.getLong(6);
                    boolean noVolunteer = rs.wasNull();
                    out.add(new Unpaired(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            noProfessional, noVolunteer));
                }
            }
        }
        return out;
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
