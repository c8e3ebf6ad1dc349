package org.jixiao.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.register.internal.TotalsAccess;

/**
 * The running totals of {@link RegisterProject} computed with a few {@code INSERT … SELECT … GROUP BY} statements
 * instead of the engine's record-by-record rebuild: the same rows in REG_TOTAL and REG_TOTAL_KEY (checked against an
 * engine rebuild by {@code RegisterDashboard compare}), in minutes instead of hours for a million records on a loaded
 * machine. Only for what this project declares: COUNT, SUM, SHARE and DISTINCT with IN conditions on choice and
 * boolean fields, each dated by a date field.
 */
final class SqlTotals {

    private SqlTotals() {
    }

    /**
     * Fills {@code total} and {@code key} (tables shaped like REG_TOTAL and REG_TOTAL_KEY) and, when
     * {@code fingerprints}, records the aggregates' fingerprints as the engine would after a rebuild.
     */
    static void build(Connection c, String project, List<RegisterDefinition> defs, String total, String key,
            boolean fingerprints) throws SQLException {
        for (RegisterDefinition def : defs) {
            for (Aggregate a : def.aggregates()) {
                String day = def.field(a.day()).orElseThrow().column();
                String live = "DELETED_AT IS NULL AND " + day + " IS NOT NULL";
                String id = a.indicator().id();
                switch (a.kind()) {
                    case COUNT -> buckets(c, project, total, def, a, "N", "COUNT(*)", live + where(def, a.where()), day);
                    case SUM -> {
                        String col = def.field(a.field()).orElseThrow().column();
                        buckets(c, project, total, def, a, "N", "SUM(" + col + ")",
                                live + " AND " + col + " IS NOT NULL" + where(def, a.where()), day);
                    }
                    case SHARE -> {
                        buckets(c, project, total, def, a, "D", "COUNT(*)", live + where(def, a.of()), day);
                        buckets(c, project, total, def, a, "N", "COUNT(*)",
                                live + where(def, a.of()) + where(def, a.where()), day);
                    }
                    case DISTINCT -> distinct(c, project, total, key, def, a, live, day, id);
                    default -> throw new UnsupportedOperationException(a.kind() + " of " + id);
                }
            }
            if (fingerprints) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO REG_TOTAL_STATE (PROJECT, REGISTER, FINGERPRINT) VALUES (?, ?, ?)")) {
                    ps.setString(1, project);
                    ps.setString(2, def.id());
                    ps.setString(3, TotalsAccess.fingerprint(def));
                    ps.executeUpdate();
                }
            }
        }
    }

    private static String dayKey(String column) {
        return "(YEAR(" + column + ") * 10000 + MONTH(" + column + ") * 100 + DAY(" + column + "))";
    }

    private static String monthKey(String column) {
        return "(YEAR(" + column + ") * 100 + MONTH(" + column + "))";
    }

    /** Day and month buckets, and year buckets for a stock, as Totals.add keeps them. */
    private static void buckets(Connection c, String project, String total, RegisterDefinition def, Aggregate a,
            String part, String value, String where, String day) throws SQLException {
        List<String[]> grains = new ArrayList<>();
        if (a.period() == Aggregate.Period.CUMULATIVE) {
            grains.add(new String[] {"Y", "YEAR(" + day + ")"});
        }
        grains.add(new String[] {"M", monthKey(day)});
        grains.add(new String[] {"D", dayKey(day)});
        for (String[] g : grains) {
            exec(c, "INSERT INTO " + total + " (PROJECT, UNIT_ID, INDICATOR_ID, PART, GRAIN, K, TOTAL) SELECT '"
                    + project + "', " + def.unitColumn() + ", '" + a.indicator().id() + "', '" + part + "', '" + g[0]
                    + "', " + g[1] + ", " + value + " FROM " + def.table() + " WHERE " + where + " GROUP BY "
                    + def.unitColumn() + ", " + g[1]);
        }
    }

    /** Records per key and day, then each key once per unit and year on its first day (Totals.distinct). */
    private static void distinct(Connection c, String project, String total, String key, RegisterDefinition def,
            Aggregate a, String live, String day, String id) throws SQLException {
        String col = def.field(a.field()).orElseThrow().column();
        String scope = a.period() == Aggregate.Period.CUMULATIVE ? "0" : "YEAR(" + day + ")";
        String where = live + " AND " + col + " IS NOT NULL" + where(def, a.where());
        exec(c, "INSERT INTO " + key + " (PROJECT, INDICATOR_ID, UNIT_ID, SCOPE_YEAR, KEY_VALUE, DAY_K, N) SELECT '"
                + project + "', '" + id + "', " + def.unitColumn() + ", " + scope + ", TRIM(CAST(" + col
                + " AS CHAR(20))), " + dayKey(day) + ", COUNT(*) FROM " + def.table() + " WHERE " + where
                + " GROUP BY " + def.unitColumn() + ", " + scope + ", " + col + ", " + dayKey(day));
        String firsts = "SELECT UNIT_ID U, MIN(DAY_K) F FROM " + key + " WHERE PROJECT = '" + project
                + "' AND INDICATOR_ID = '" + id + "' AND N > 0 GROUP BY UNIT_ID, SCOPE_YEAR, KEY_VALUE";
        List<String[]> grains = new ArrayList<>();
        if (a.period() == Aggregate.Period.CUMULATIVE) {
            grains.add(new String[] {"Y", "F / 10000"});
        }
        grains.add(new String[] {"M", "F / 100"});
        grains.add(new String[] {"D", "F"});
        for (String[] g : grains) {
            exec(c, "INSERT INTO " + total + " (PROJECT, UNIT_ID, INDICATOR_ID, PART, GRAIN, K, TOTAL) SELECT '"
                    + project + "', U, '" + id + "', 'N', '" + g[0] + "', " + g[1] + ", COUNT(*) FROM (" + firsts
                    + ") FIRSTS GROUP BY U, " + g[1]);
        }
    }

    /** The condition's clauses as SQL on the register's columns (IN on choices and booleans only). */
    private static String where(RegisterDefinition def, Condition condition) {
        StringBuilder s = new StringBuilder();
        for (Condition.Clause clause : condition.clauses()) {
            if (clause.op() != Condition.Op.IN) {
                throw new UnsupportedOperationException(clause.op() + " on " + clause.field());
            }
            Field f = def.field(clause.field()).orElseThrow();
            String values = clause.values().stream()
                    .map(v -> f.type() == FieldType.BOOLEAN ? v.toUpperCase() : "'" + v.replace("'", "''") + "'")
                    .collect(Collectors.joining(", "));
            s.append(" AND ").append(f.column()).append(" IN (").append(values).append(')');
        }
        return s.toString();
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
