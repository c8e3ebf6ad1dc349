package org.jixiao.project.employment.internal.ybc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.project.employment.internal.project.ProjectRegister;
import org.jixiao.project.employment.internal.rules.LiveKeys;
import org.jixiao.project.employment.internal.rules.WriteRules;

/**
 * Work item 11: the YBC service platform (附件2 第11项). One service station per county, set up by the end of May, and
 * the demonstration projects each county cultivates, at least 20 a year: a project of the county's project database
 * (the engine checks the reference's county), recognised once a year at most. The year of a demonstration is the
 * year of its recognition.
 */
public final class YbcRegister {

    public static final String STATIONS = "ybc-stations";
    public static final String PROJECTS = "ybc-projects";
    public static final String INDICATOR_STATION = "ybc.station";
    public static final String INDICATOR_PROJECTS = "ybc.projects";
    public static final String CLAUSE = "附件2 第11项";
    /** The message prefix of the platform; the stations' and projects' extend it. */
    static final String PREFIX = "ybc";
    static final String HAS_STATION = "ybc.county.hasStation";
    static final String ALREADY = "ybc.project.already";

    /** The station is there (1) or not (0). */
    public static final IndicatorDefinition STATION = new IndicatorDefinition(INDICATOR_STATION,
            "indicator.ybc.station", "unit.ybc.station", Comparison.AT_LEAST, BigDecimal.ONE, CLAUSE);
    public static final IndicatorDefinition DEMONSTRATIONS = new IndicatorDefinition(INDICATOR_PROJECTS,
            "indicator.ybc.projects", "unit.project", Comparison.AT_LEAST, BigDecimal.valueOf(20), CLAUSE);

    private YbcRegister() {
    }

    public static List<RegisterDefinition> definitions() {
        RegisterDefinition stations = RegisterDefinition.builder(STATIONS, "EMP_YBC_STATION")
                .messages(PREFIX + ".station").unitColumn("COUNTY_ID")
                .field(Field.text("name", 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE))
                .field(Field.date("setUpOn", Field.DateRule.NOT_FUTURE).required().withColumn("SET_UP_ON")
                        .with(Field.Flag.LISTED, Field.Flag.TODAY_IF_BLANK))
                .field(Field.text("address", 200).required())
                .field(Field.text("head", 50).required().with(Field.Flag.LISTED))
                .field(Field.text("contact", 50).required().with(Field.Flag.LISTED))
                .day("setUpOn")
                // One live station a county (the hook's rule): counting the live ones set up by the day is 1 or 0,
                // and a station stays set up in later years.
                .aggregate(Aggregate.count(STATION, Condition.ALL, "setUpOn", Aggregate.Period.CUMULATIVE))
                .hooks(new OnePerKey("setUpOn", "unit", HAS_STATION, "LIVE_COUNTY_ID") {
                    @Override
                    Object[] key(RecordChange change) {
                        return new Object[] {change.unitId()};
                    }
                }).build();
        RegisterDefinition projects = RegisterDefinition.builder(PROJECTS, "EMP_YBC_PROJECT")
                .messages(PREFIX + ".project").unitColumn("COUNTY_ID")
                .field(Field.reference("project", ProjectRegister.ID).withColumn("PROJECT_ID").required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.date("recognisedOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.LISTED,
                        Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .field(Field.longText("support", 1000))
                .day("recognisedOn")
                // Recognised in the year by the day: the demonstration's year is its recognition's.
                .aggregate(Aggregate.count(DEMONSTRATIONS, Condition.ALL, "recognisedOn", Aggregate.Period.YEAR))
                .hooks(new OnePerKey("recognisedOn", "project", ALREADY, "LIVE_PROJECT_ID", "DEMO_YEAR") {
                    @Override
                    Object[] key(RecordChange change) {
                        return change.values().get("project") instanceof Long p
                                && change.values().get("recognisedOn") instanceof LocalDate on
                                ? new Object[] {p, on.getYear()} : null;
                    }
                }).build();
        return List.of(stations, projects);
    }

    /**
     * At most one live record per key: the key's columns hold it while the record is live, the first of them NULL
     * once deleted, so that the table's unique constraint on them stops two writers that pass the check at once.
     * The date field is not before the programme.
     */
    abstract static class OnePerKey extends WriteRules {
        private final String day;
        private final String field;
        private final String error;
        private final List<String> columns;

        OnePerKey(String day, String field, String error, String... columns) {
            this.day = day;
            this.field = field;
            this.error = error;
            this.columns = List.of(columns);
        }

        /** The key of the record as it will be, or null when a field error leaves none. */
        abstract Object[] key(RecordChange change);

        @Override
        protected void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors)
                throws SQLException {
            notTooEarly(change, day, PREFIX + "." + day + ".tooEarly", errors);
            Object[] key = key(change);
            if (key != null && !errors.has(field) && taken(change, key)) {
                errors.add(field, error);
            }
        }

        private boolean taken(RecordChange change, Object[] key) throws SQLException {
            String match = String.join(" = ? AND ", columns) + " = ?";
            try (PreparedStatement ps = change.connection().prepareStatement("SELECT 1 FROM "
                    + change.register().table() + " WHERE " + match + " AND ID <> ?")) {
                ps.setMaxRows(1);
                int i = 1;
                for (Object k : key) {
                    ps.setObject(i++, k);
                }
                ps.setLong(i, change.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }

        @Override
        public void afterWrite(RecordChange change) throws SQLException {
            Object[] key = change.kind() == RecordChange.Kind.DELETE ? null : key(change);
            String set = key == null ? columns.get(0) + " = ?" : String.join(" = ?, ", columns) + " = ?";
            try (PreparedStatement ps = change.connection().prepareStatement("UPDATE " + change.register().table()
                    + " SET " + set + " WHERE ID = ?")) {
                int i = 1;
                if (key == null) {
                    ps.setNull(i++, Types.BIGINT);
                } else {
                    for (Object k : key) {
                        ps.setObject(i++, k);
                    }
                }
                ps.setLong(i, change.id());
                LiveKeys.write(ps, field, error);
            }
        }
    }
}
