package org.jixiao.core.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.store.internal.MemoryStores;

/** A migrated Derby database, and small SQL probes for assertions. */
public final class TestDb {

    private TestDb() {
    }

    /**
     * A database with the core's tables and no rows, the test's own until closed. It is held in memory and lent
     * again after a reset (see {@link MemoryStores}): these tests check what the services write, not that it
     * survives a restart, and a fresh on-disk database per test was most of their time.
     */
    public static MemoryStores.Loan open() {
        return MemoryStores.borrow(CoreSchema.OWNER, CoreSchema::new);
    }

    /** The root unit, as the bootstrap would create it. */
    public static OrgUnit insertRoot(Store store) {
        return store.inTransaction(c -> OrgUnitServiceImpl.insert(c, null, "city", "团市委", OrgLevel.CITY));
    }

    public static long count(Store store, String table) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Rows of a query as column-name-to-value maps (names upper case, as Derby reports them). */
    public static List<Map<String, Object>> rows(Store store, String sql, Object... params) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<Map<String, Object>> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= n; i++) {
                            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                        }
                        out.add(row);
                    }
                }
                return out;
            }
        });
    }

    /** The first column of the first row as an instant (UTC, as the core stores it), or null. */
    public static Instant instant(Store store, String sql, Object... params) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Jdbc.getInstant(rs, rs.getMetaData().getColumnLabel(1)) : null;
                }
            }
        });
    }

    /** Audit rows with this action, oldest first. */
    public static List<Map<String, Object>> audit(Store store, String action) {
        return rows(store, "SELECT * FROM JX_AUDIT WHERE ACTION = ? ORDER BY ID", action);
    }

    /** The one audit row of this action, checked to be the only one and to name {@code target}. */
    public static Map<String, Object> auditedOnce(Store store, String action, String target) {
        List<Map<String, Object>> lines = audit(store, action);
        assertEquals(1, lines.size(), () -> action + ": " + lines);
        assertEquals(target, lines.get(0).get("TARGET"), action);
        return lines.get(0);
    }

    public static Actor actor(long userId, String username, OrgUnit unit, Role... roles) {
        return new Actor(userId, username, Set.of(roles), unit, Locale.ROOT);
    }

    /** A clock tests move by hand. */
    public static final class MutableClock extends Clock {
        private Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
