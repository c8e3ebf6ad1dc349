package org.jixiao.project.employment.internal.incubator;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.project.employment.internal.project.ProjectRegister;
import org.jixiao.project.employment.internal.rules.WriteRules;

/**
 * Work item 10: incubation bases (附件2 第10项). A base of a county, open from its opening day to the day before its
 * closing; its residents are projects of the county's project database (a child register, so the engine keeps them in
 * the base's county), each in one base at a time and only while the base is open. The indicators read the bases and
 * residences on a day, which running totals cannot (a later closing or move-out does not undo an earlier day), so
 * {@link Incubation} computes them.
 */
public final class IncubatorRegister {

    public static final String ID = "incubators";
    public static final String RESIDENTS = "incubator-residents";
    public static final String TABLE = "EMP_INCUBATOR";
    public static final String RESIDENT_TABLE = "EMP_INCUBATOR_RESIDENT";
    public static final String INDICATOR_BASES = "incubator.bases";
    public static final String INDICATOR_RESIDENTS = "incubator.residents";
    /** Projects in residence a base should hold (POLICY.md section 3, item 10). */
    public static final int MIN_RESIDENTS = 30;
    public static final String CLAUSE = "附件2 第10项";
    static final String PREFIX = "incubator";
    /** Stands for "not moved out" in date comparisons. */
    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    static final String DATE_TOO_EARLY = "incubator.date.tooEarly";
    static final String CLOSED_BEFORE_OPENED = "incubator.closedOn.beforeOpened";
    static final String OPENED_AFTER_RESIDENTS = "incubator.openedOn.residents";
    static final String CLOSED_WITH_RESIDENTS = "incubator.closedOn.residents";
    static final String PROJECT_ELSEWHERE = "incubator.project.elsewhere";
    static final String OUTSIDE_OPENING = "incubator.date.outsideOpening";
    static final String MOVED_OUT_BEFORE_IN = "incubator.movedOutOn.notAfterMovedIn";

    /**
     * "At least one base with at least 30 projects" is two indicators: the bases open on the day, and the residents
     * of the fullest base that day, so that two half-full bases do not pass for one full one.
     */
    public static final List<IndicatorDefinition> INDICATORS = List.of(
            new IndicatorDefinition(INDICATOR_BASES, "indicator.incubator.bases", "unit.incubator.base",
                    Comparison.AT_LEAST, BigDecimal.ONE, CLAUSE),
            new IndicatorDefinition(INDICATOR_RESIDENTS, "indicator.incubator.residents", "unit.project",
                    Comparison.AT_LEAST, BigDecimal.valueOf(MIN_RESIDENTS), CLAUSE));

    private IncubatorRegister() {
    }

    /** The bases, then their residents. */
    public static List<RegisterDefinition> definitions() {
        RegisterDefinition bases = RegisterDefinition.builder(ID, TABLE).messages(PREFIX).unitColumn("COUNTY_ID")
                .field(Field.text("name", 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE, Field.Flag.SORTABLE))
                .field(Field.text("address", 200).required().with(Field.Flag.SEARCHABLE))
                .field(Field.text("operator", 100).withColumn("OPERATOR_NAME").required()
                        .with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.date("openedOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.LISTED,
                        Field.Flag.SORTABLE, Field.Flag.FILTER, Field.Flag.TODAY_IF_BLANK))
                // Square metres, above zero, to the hundredth; ten digits before the point are more than any base.
                .field(Field.decimal("area", 2).withColumn("AREA_M2").withRange(new BigDecimal("0.01"),
                        new BigDecimal("9999999999.99")))
                .field(Field.date("closedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.LISTED, Field.Flag.HELP))
                .day("openedOn").hooks(new BaseRules()).build();
        RegisterDefinition residents = RegisterDefinition.builder(RESIDENTS, RESIDENT_TABLE)
                .messages(PREFIX + ".resident").unitColumn("COUNTY_ID").parent(ID)
                .field(Field.reference("project", ProjectRegister.ID).withColumn("PROJECT_ID").required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED))
                .field(Field.date("movedInOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.LISTED,
                        Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .field(Field.date("movedOutOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.LISTED))
                .day("movedInOn").hooks(new ResidentRules()).build();
        return List.of(bases, residents);
    }

    /**
     * Two days of the programme, the second the first day away (a closing, a move-out), so after the first;
     * otherwise {@code error} on the second.
     */
    static void inOrder(RecordChange change, String first, String second, String error,
            ValidationException.Collector errors) {
        WriteRules.notTooEarly(change, first, DATE_TOO_EARLY, errors);
        WriteRules.notTooEarly(change, second, DATE_TOO_EARLY, errors);
        if (change.values().get(first) instanceof LocalDate f && change.values().get(second) instanceof LocalDate s
                && !s.isAfter(f) && !errors.has(second)) {
            errors.add(second, error);
        }
    }

    /** Live residences matching {@code condition}, on the write's connection. */
    static long count(RecordChange change, String condition, Object... args) throws SQLException {
        try (PreparedStatement ps = change.connection().prepareStatement("SELECT COUNT(*) FROM " + RESIDENT_TABLE
                + " WHERE DELETED_AT IS NULL AND " + condition)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The closing day is the first day the base is closed, so it comes after the opening. An edit keeps the base's
     * days around its residents: none moved in before the opening, none still there on the closing.
     */
    static final class BaseRules extends WriteRules {
        @Override
        protected void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors)
                throws SQLException {
            inOrder(change, "openedOn", "closedOn", CLOSED_BEFORE_OPENED, errors);
            if (change.kind() != RecordChange.Kind.UPDATE) {
                return;
            }
            if (v.get("openedOn") instanceof LocalDate o && !errors.has("openedOn") && residences(change,
                    "MOVED_IN_ON < ?", o) > 0) {
                errors.add("openedOn", OPENED_AFTER_RESIDENTS);
            }
            if (v.get("closedOn") instanceof LocalDate c && !errors.has("closedOn") && residences(change,
                    "(MOVED_OUT_ON IS NULL OR MOVED_OUT_ON > ?)", c) > 0) {
                errors.add("closedOn", CLOSED_WITH_RESIDENTS);
            }
        }

        private static long residences(RecordChange change, String condition, LocalDate day) throws SQLException {
            return count(change, "PARENT_ID = ? AND " + condition, change.id(), Date.valueOf(day));
        }
    }

    /**
     * A residence runs from the move-in to the day before the move-out, while the base (its parent) is open, and a
     * project is in one base at a time.
     */
    static final class ResidentRules extends WriteRules {
        @Override
        protected void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors)
                throws SQLException {
            inOrder(change, "movedInOn", "movedOutOn", MOVED_OUT_BEFORE_IN, errors);
            if (v.get("project") instanceof Long project && !errors.has("project")
                    && v.get("movedInOn") instanceof LocalDate in && !errors.has("movedInOn")
                    && !errors.has("movedOutOn")
                    && overlapping(change, project, in, (LocalDate) v.get("movedOutOn")) > 0) {
                errors.add("project", PROJECT_ELSEWHERE);
            }
            if (change.parentId().isPresent() && v.get("movedInOn") instanceof LocalDate in && !errors.has("movedInOn")
                    && !errors.has("movedOutOn")) {
                withinOpening(change, change.parentId().get(), in, (LocalDate) v.get("movedOutOn"), errors);
            }
        }

        /** Live residences of the project, in any base, sharing a day with [in, out) (out null: open ended). */
        private static long overlapping(RecordChange change, long project, LocalDate in, LocalDate out)
                throws SQLException {
            return count(change, "PROJECT_ID = ? AND ID <> ? AND (MOVED_OUT_ON IS NULL OR MOVED_OUT_ON > ?) "
                    + "AND MOVED_IN_ON < ?", project, change.id(), Date.valueOf(in),
                    Date.valueOf(out == null ? OPEN_END : out));
        }

        private static void withinOpening(RecordChange change, long base, LocalDate in, LocalDate out,
                ValidationException.Collector errors) throws SQLException {
            try (PreparedStatement ps = change.connection().prepareStatement("SELECT OPENED_ON, CLOSED_ON FROM "
                    + TABLE + " WHERE ID = ?")) {
                ps.setLong(1, base);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    LocalDate opened = rs.getDate(1).toLocalDate();
                    LocalDate closed = rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate();
                    if (in.isBefore(opened) || (closed != null && !in.isBefore(closed))) {
                        errors.add("movedInOn", OUTSIDE_OPENING);
                    }
                    if (closed != null && out != null && out.isAfter(closed)) {
                        errors.add("movedOutOn", OUTSIDE_OPENING);
                    } else if (closed != null && out == null && !errors.has("movedInOn")) {
                        // A closed base has no one left in it.
                        errors.add("movedOutOn", CLOSED_WITH_RESIDENTS);
                    }
                }
            }
        }
    }
}
