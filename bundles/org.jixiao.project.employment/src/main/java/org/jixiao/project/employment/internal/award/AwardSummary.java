package org.jixiao.project.employment.internal.award;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.store.Store;

/**
 * The awards of a year per county with their live entrants and winners. No aggregate says this (the item has no
 * indicator to feed), so it is one grouped read of the two tables.
 */
public final class AwardSummary {

    /** One county's awards of a year, and how many entrants and winners they had. */
    public record Row(long countyId, long awards, long entrants, long winners) {
    }

    private final Store store;

    public AwardSummary(Store store) {
        this.store = store;
    }

    /** Per county of {@code counties} with a live award in {@code year}, in the order given. */
    public List<Row> of(Collection<Long> counties, int year) {
        List<Row> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        // The ids come from the org unit tree, never from input; one placeholder each. A derived table: Derby
        // admits no subquery inside an aggregate.
        String in = String.join(", ", Collections.nCopies(counties.size(), "?"));
        String entrants = "(SELECT COUNT(*) FROM " + AwardRegister.ENTRANT_TABLE + " E WHERE E.PARENT_ID = A.ID "
                + "AND E.DELETED_AT IS NULL";
        Map<Long, Row> found = new HashMap<>();
        store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID, COUNT(*), SUM(NE), SUM(NW) FROM "
                    + "(SELECT A.COUNTY_ID, " + entrants + ") AS NE, " + entrants + " AND E.RESULT = 'WINNER') AS NW "
                    + "FROM " + AwardRegister.TABLE + " A WHERE A.DELETED_AT IS NULL AND A.COUNTY_ID IN (" + in
                    + ") AND A.AWARD_YEAR = ?) T GROUP BY COUNTY_ID")) {
                int i = 1;
                for (Long county : counties) {
                    ps.setLong(i++, county);
                }
                ps.setInt(i, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(1), new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            return null;
        });
        for (Long county : counties) {
            if (found.containsKey(county)) {
                out.add(found.get(county));
            }
        }
        return out;
    }
}
