package org.jixiao.project.prevention.internal.transfer;

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

import org.jixiao.project.prevention.internal.retention.Retention;

/** The task transfers past their deadline and not yet reported back (nor declined), oldest deadline first. */
public final class DueTransfers {

    /** One late transfer with its youth (named by the engine: the name is encrypted). */
    public record Row(long transferId, long youthId, long unitId, String toUnit, LocalDate deadline,
            String state) {
    }

    private DueTransfers() {
    }

    public static List<Row> of(Connection c, Collection<Long> units, LocalDate today) throws SQLException {
        List<Row> out = new ArrayList<>();
        if (units.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT T.ID, T.PARENT_ID, T.UNIT_ID, T.TO_UNIT, "
                + "T.DEADLINE, T.STATE FROM PRV_TRANSFER T JOIN PRV_YOUTH Y ON Y.ID = T.PARENT_ID WHERE "
                + "T.DELETED_AT IS NULL AND Y.DELETED_AT IS NULL AND (Y.ENDS_ON IS NULL OR Y.ENDS_ON > ?) AND "
                + "T.STATE IN (?, ?, ?) AND T.DEADLINE < ? AND "
                + "T.UNIT_ID IN (" + String.join(",", Collections.nCopies(units.size(), "?"))
                + ") ORDER BY T.DEADLINE, T.ID")) {
            int i = 1;
            // An archived youth's transfers are no longer chased.
            ps.setDate(i++, Date.valueOf(today.minusMonths(Retention.months(c))));
            for (String state : List.of(TransferRegister.REQUESTED, TransferRegister.ACCEPTED,
                    TransferRegister.ACTED)) {
                ps.setString(i++, state);
            }
            ps.setDate(i++, Date.valueOf(today));
            for (Long u : units) {
                ps.setLong(i++, u);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), rs.getString(6)));
                }
            }
        }
        return out;
    }
}
