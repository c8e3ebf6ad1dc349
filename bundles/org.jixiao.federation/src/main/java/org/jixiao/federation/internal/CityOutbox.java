package org.jixiao.federation.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.federation.Outbox;
import org.jixiao.api.store.Store;

/**
 * The city node's outbox towards its counties: the rows of {@link CityTables} as the core's services write them, in
 * the write's transaction, kept in {@code JX_OUTBOX} as node 0. The org tree and the years go to every county; a
 * target goes only to the county whose subtree holds its unit, and only once the city approved the year's targets
 * (the approval brings the year's targets with it). Every other table, and the registers, are the counties': the
 * city sends none of them.
 */
final class CityOutbox implements Outbox {

    private final Store store;
    private final CountyOutbox entries;
    private final OrgUnitService orgUnits;
    private final List<County> counties;
    private final Clock clock;

    CityOutbox(Store store, OrgUnitService orgUnits, List<County> counties, Clock clock) {
        this.store = store;
        this.entries = new CountyOutbox(store, 0, clock);
        this.orgUnits = orgUnits;
        this.counties = List.copyOf(counties);
        this.clock = clock;
    }

    /** The entries, for the city's {@link Relay}. */
    CountyOutbox entries() {
        return entries;
    }

    @Override
    public void registerChanged(Connection c, String project, String register, String table, long recordId) {
        // A register's records are the counties'.
    }

    @Override
    public void rowChanged(Connection c, String table, Map<String, ?> key) throws SQLException {
        Optional<CityTables> spec = CityTables.find(table);
        if (spec.isEmpty()) {
            return;
        }
        Map<String, String> k = CountyOutbox.text(key);
        Map<String, String> row = Rows.read(c, table, k).orElse(null);
        if (CityTables.TARGET.equals(table)) {
            if (row != null && approved(c, k.get("PERF_YEAR"))) {
                target(c, k, row, null);
            }
            return;
        }
        if (CityTables.APPROVAL.equals(table) && row != null) {
            for (Map<String, String> t : Rows.list(c, targets(" WHERE PERF_YEAR = " + Integer.parseInt(
                    k.get("PERF_YEAR"))))) {
                target(c, key(CityTables.find(CityTables.TARGET).orElseThrow(), t), t, null);
            }
        }
        entries.row(c, table, k, row, null);
    }

    private static String targets(String where) {
        return "SELECT * FROM " + CityTables.TARGET + where + " ORDER BY "
                + CityTables.find(CityTables.TARGET).orElseThrow().order();
    }

    /** Queues a target for the county of its unit; none when no county holds it, or it is not {@code only}'s. */
    private void target(Connection c, Map<String, String> key, Map<String, String> row, String only)
            throws SQLException {
        County to = countyOf(Long.parseLong(row.get("ORG_UNIT_ID")));
        if (to != null && (only == null || only.equals(to.user()))) {
            entries.row(c, CityTables.TARGET, key, row, to.user());
        }
    }

    /** The county whose subtree holds the unit, or null (a unit of the city's own). */
    County countyOf(long unitId) {
        OrgUnit unit = orgUnits.find(unitId).orElse(null);
        if (unit == null) {
            return null;
        }
        List<OrgUnit> all = orgUnits.subtree(orgUnits.root().id());
        for (County county : counties) {
            for (OrgUnit home : all) {
                if (home.code().equals(county.unitCode()) && home.covers(unit)) {
                    return county;
                }
            }
        }
        return null;
    }

    private static boolean approved(Connection c, String year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM JX_TARGET_APPROVAL WHERE PERF_YEAR = ?")) {
            ps.setInt(1, Integer.parseInt(year));
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<String, String> key(CityTables spec, Map<String, String> row) {
        Map<String, String> key = new LinkedHashMap<>();
        spec.key().forEach(column -> key.put(column, row.get(column)));
        return key;
    }

    /** Whether the county was sent a full copy of the city's records. */
    boolean snapshotSent(County county) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM JX_SYNC_SNAPSHOT WHERE COUNTY = ?")) {
                ps.setString(1, county.user());
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * The county's first sync: every row of {@link CityTables} it copies, queued for it alone in one transaction
     * (the approved years' targets of its own units only), in an order that sends a row's references before it.
     * The county applies them as it applies any change of the city's, so a snapshot sent twice does no harm. Nothing
     * while the tree has no root yet (a new city, before its first administrator is made): the next start sends it.
     *
     * @return how many entries it took
     */
    long snapshot(County county) {
        return store.inTransaction(c -> {
            if (Rows.list(c, "SELECT ID FROM JX_ORG_UNIT WHERE PARENT_ID IS NULL").isEmpty()) {
                return 0L;
            }
            long n = 0;
            for (CityTables spec : CityTables.ALL) {
                boolean target = CityTables.TARGET.equals(spec.table());
                String sql = target ? targets(" WHERE PERF_YEAR IN (SELECT PERF_YEAR FROM JX_TARGET_APPROVAL)")
                        : "SELECT * FROM " + spec.table() + " ORDER BY " + spec.order();
                for (Map<String, String> row : Rows.list(c, sql)) {
                    if (target) {
                        target(c, key(spec, row), row, county.user());
                    } else {
                        entries.row(c, spec.table(), key(spec, row), row, county.user());
                    }
                    n++;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM JX_SYNC_SNAPSHOT WHERE COUNTY = ?")) {
                ps.setString(1, county.user());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO JX_SYNC_SNAPSHOT (COUNTY, SENT_AT, ENTRIES) VALUES (?, ?, ?)")) {
                ps.setString(1, county.user());
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                ps.setLong(3, n);
                ps.executeUpdate();
            }
            return n;
        });
    }
}
