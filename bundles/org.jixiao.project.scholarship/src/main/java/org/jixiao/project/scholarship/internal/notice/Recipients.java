package org.jixiao.project.scholarship.internal.notice;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jixiao.api.store.Store;

/** The proposed and paid recipients of a year, as the public notice and the disbursement list show them. */
public final class Recipients {

    /**
     * One recipient: the name in full (the notice masks it), never the ID, family or score.
     *
     * @param grant      the plan's grant per student
     * @param noticeFrom the county's objection window
     */
    public record Recipient(long id, long unitId, String name, String university, String state, BigDecimal grant,
            BigDecimal paid, LocalDate noticeFrom, LocalDate noticeTo) {
    }

    private final Store store;

    public Recipients(Store store) {
        this.store = store;
    }

    /** The year's recipients on notice or paid, of the given units (null: every unit), by unit and application. */
    public List<Recipient> of(int year, Collection<Long> units) {
        Set<Long> wanted = units == null ? null : Set.copyOf(units);
        return store.read(c -> {
            List<Recipient> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.ID, a.UNIT_ID, a.NAME, a.UNIVERSITY, a.STATE,"
                    + " p.GRANT_PER_STUDENT, a.AMOUNT_PAID, p.NOTICE_FROM, p.NOTICE_TO FROM SCH_APPLICATION a"
                    + " LEFT JOIN SCH_PLAN p ON p.UNIT_ID = a.UNIT_ID AND p.PLAN_YEAR = a.APPLICATION_YEAR"
                    + " AND p.DELETED_AT IS NULL WHERE a.APPLICATION_YEAR = ? AND a.DELETED_AT IS NULL"
                    + " AND a.STATE IN ('ON_NOTICE', 'DISBURSED') ORDER BY a.UNIT_ID, a.ID")) {
                ps.setInt(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (wanted == null || wanted.contains(rs.getLong(2))) {
                            out.add(new Recipient(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), day(rs, 8),
                                    day(rs, 9)));
                        }
                    }
                }
            }
            return out;
        });
    }

    private static LocalDate day(ResultSet rs, int column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /**
     * A name as the notice prints it: the first and the last character, a star for each between (张*伟, 欧阳**明);
     * a name of two characters keeps its first only (张*), so that no full name is ever printed.
     */
    public static String mask(String name) {
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length <= 1) {
            return name.strip();
        }
        StringBuilder b = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return b.append('*').toString();
        }
        b.append("*".repeat(cps.length - 2));
        return b.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
