package org.jixiao.project.prevention.internal.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The month's missing visits (POLICY.md section 4, step 3): each key youth is visited at least once a month by their
 * professional and by their volunteer. A helper with no visit of their own to a youth paired with them in the month
 * is overdue for that youth. Two queries whatever the size of the city: the paired youth of the units asked, and the
 * (youth, helper) pairs that visited in the month.
 */
public final class Overdue {

    /** One helper who owes one youth this month's visit; the youth's name is the engine's to give (encrypted). */
    public record Row(long youthId, long unitId, long helperId, boolean professional) {
    }

    private Overdue() {
    }

    /**
     * @param helper only the youth paired with this user (a helper's own list), or null for every youth of the units
     */
    public static List<Row> of(Connection c, Collection<Long> units, YearMonth month, Long helper)
            throws SQLException {
        List<Row> out = new ArrayList<>();
        if (units.isEmpty()) {
            return out;
        }
        String in = String.join(",", java.util.Collections.nCopies(units.size(), "?"));
        Set<String> visited = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT PARENT_ID, HELPER FROM PRV_VISIT WHERE DELETED_AT IS "
                + "NULL AND VISITED_ON BETWEEN ? AND ? AND UNIT_ID IN (" + in + ")"
                + (helper == null ? "" : " AND HELPER = ?") + " GROUP BY PARENT_ID, HELPER")) {
            int i = 1;
            ps.setDate(i++, Date.valueOf(month.atDay(1)));
            ps.setDate(i++, Date.valueOf(month.atEndOfMonth()));
            for (Long u : units) {
                ps.setLong(i++, u);
            }
            if (helper != null) {
                ps.setLong(i, helper);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visited.add(rs.getLong(1) + "/" + rs.getLong(2));
                }
            }
        }
        // A youth registered after the month was not owed its visits; one deleted, or whose active life ended (it
        // left or turned 25, let alone one archived) before the month began, is not owed them.
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, UNIT_ID, PROFESSIONAL, VOLUNTEER FROM "
                + "PRV_YOUTH WHERE DELETED_AT IS NULL AND REGISTERED_ON <= ? AND (ENDS_ON IS NULL OR ENDS_ON > ?) "
                + "AND UNIT_ID IN (" + in + ")"
                + (helper == null ? "" : " AND (PROFESSIONAL = ? OR VOLUNTEER = ?)") + " ORDER BY UNIT_ID, ID")) {
            int i = 1;
            ps.setDate(i++, Date.valueOf(month.atEndOfMonth()));
            ps.setDate(i++, Date.valueOf(month.atDay(1)));
            for (Long u : units) {
                ps.setLong(i++, u);
            }
            if (helper != null) {
                ps.setLong(i++, helper);
                ps.setLong(i, helper);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    for (int col = 3; col <= 4; col++) {
                        long h = rs.getLong(col);
                        if (!rs.wasNull() && (helper == null || helper == h) && !visited.contains(id + "/" + h)) {
                            out.add(new Row(id, rs.getLong(2), h, col == 3));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The display names of users, by id. */
    public static java.util.Map<Long, String> names(Connection c, List<Long> users) throws SQLException {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        for (int from = 0; from < users.size(); from += 500) {
            List<Long> part = users.subList(from, Math.min(users.size(), from + 500));
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, DISPLAY_NAME FROM JX_USER WHERE ID IN ("
                    + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }
}
