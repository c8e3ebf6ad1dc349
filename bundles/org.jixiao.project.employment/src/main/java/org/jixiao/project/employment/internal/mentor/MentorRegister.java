package org.jixiao.project.employment.internal.mentor;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.project.employment.internal.rules.WriteRules;

/**
 * Work item 3: the entrepreneurship mentor team (附件2 第3项). Mentors of a county, their pairings with young
 * entrepreneurs of that county and their guidance activities with those they are paired with; a dismissal is a
 * date and a reason on the mentor's record. The three indicators count mentors active on a day, which a running
 * total cannot say (a later dismissal does not undo an earlier day), so {@link MentorTeam} computes them and the
 * year-end review.
 */
public final class MentorRegister {

    public static final String ID = "mentors";
    public static final String PAIRINGS = "mentor-pairings";
    public static final String ACTIVITIES = "mentor-activities";
    public static final String TABLE = "EMP_MENTOR";
    public static final String INDICATOR_MENTORS = "mentors.count";
    public static final String INDICATOR_PAIRED = "mentors.paired";
    public static final String INDICATOR_ACTIVE = "mentors.activities";
    /** Guidance activities a mentor holds in a year, at least (POLICY.md section 3, item 3). */
    public static final int MIN_ACTIVITIES = 10;
    public static final String CLAUSE = "附件2 第3项";
    /** The message prefix of the mentors; the pairings' and activities' extend it. */
    static final String PREFIX = "mentor";

    public static final List<IndicatorDefinition> INDICATORS = List.of(
            new IndicatorDefinition(INDICATOR_MENTORS, "indicator.mentors.count", "unit.person",
                    Comparison.AT_LEAST, BigDecimal.valueOf(30), CLAUSE),
            new IndicatorDefinition(INDICATOR_PAIRED, "indicator.mentors.paired", "unit.percent",
                    Comparison.AT_LEAST, BigDecimal.valueOf(100), CLAUSE, TargetKind.SHARE),
            new IndicatorDefinition(INDICATOR_ACTIVE, "indicator.mentors.activities", "unit.percent",
                    Comparison.AT_LEAST, BigDecimal.valueOf(100), CLAUSE, TargetKind.SHARE));

    private MentorRegister() {
    }

    /** The mentors, then their pairings and activities (children: they follow the mentor's county). */
    public static List<RegisterDefinition> definitions() {
        RegisterDefinition mentors = RegisterDefinition.builder(ID, TABLE).messages(PREFIX).unitColumn("COUNTY_ID")
                .field(Field.text("name", 50).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE, Field.Flag.SORTABLE))
                .field(Field.text("field", 50).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.text("employer", 100).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.date("appointedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.FILTER, Field.Flag.TODAY_IF_BLANK))
                .field(Field.date("dismissedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.LISTED))
                .field(Field.text("dismissalReason", 500))
                .day("appointedOn").page("mentors/review", "mentor.review.title")
                .hooks(new MentorRules()).build();
        RegisterDefinition pairings = RegisterDefinition.builder(PAIRINGS, "EMP_MENTOR_PAIRING")
                .messages(PREFIX + ".pairing").unitColumn("COUNTY_ID").parent(ID)
                .field(Field.reference("youth", "youth").withColumn("YOUTH_ID").required().with(Field.Flag.TITLE, Field.Flag.LISTED))
                .field(Field.date("pairedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.TODAY_IF_BLANK))
                .day("pairedOn").hooks(new PairingRules()).build();
        RegisterDefinition activities = RegisterDefinition.builder(ACTIVITIES, "EMP_MENTOR_ACTIVITY")
                .messages(PREFIX + ".activity").unitColumn("COUNTY_ID").parent(ID)
                .field(Field.reference("youth", "youth").withColumn("YOUTH_ID").required().with(Field.Flag.LISTED))
                .field(Field.date("heldOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.LISTED,
                        Field.Flag.SORTABLE))
                .field(Field.longText("content", 1000).required().with(Field.Flag.TITLE, Field.Flag.LISTED))
                .day("heldOn").hooks(new ActivityRules()).build();
        return List.of(mentors, pairings, activities);
    }

    static final String DATE_TOO_EARLY = "mentor.date.tooEarly";

    /** A dismissal is a date and a reason, never one without the other, and never before the appointment. */
    static final class MentorRules extends WriteRules {
        @Override
        protected void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors) {
            notTooEarly(change, "appointedOn", DATE_TOO_EARLY, errors);
            notTooEarly(change, "dismissedOn", DATE_TOO_EARLY, errors);
            Object appointed = change.values().get("appointedOn");
            Object dismissed = change.values().get("dismissedOn");
            Object reason = change.values().get("dismissalReason");
            if (dismissed instanceof LocalDate d && appointed instanceof LocalDate a && d.isBefore(a)) {
                errors.add("dismissedOn", "mentor.dismissedOn.beforeAppointed");
            }
            if (dismissed != null && reason == null) {
                errors.add("dismissalReason", "mentor.dismissalReason.required");
            }
            if (dismissed == null && reason != null && !errors.has("dismissedOn")) {
                errors.add("dismissedOn", "mentor.dismissedOn.required");
            }
        }
    }

    /** Rules that need the mentor (the record's parent): within the appointment, and the pairing rule. */
    abstract static class ChildRules extends WriteRules {
        private final String day;

        ChildRules(String day) {
            this.day = day;
        }

        @Override
        protected void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors)
                throws SQLException {
            notTooEarly(change, day, DATE_TOO_EARLY, errors);
            checkYouth(change, errors);
            Long mentor = change.parentId().orElse(null);
            if (mentor == null) {
                return;
            }
            if (v.get(day) instanceof LocalDate on && !errors.has(day)) {
                try (PreparedStatement ps = change.connection().prepareStatement(
                        "SELECT APPOINTED_ON, DISMISSED_ON FROM EMP_MENTOR WHERE ID = ?")) {
                    ps.setLong(1, mentor);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && (on.isBefore(rs.getDate(1).toLocalDate())
                                || (rs.getDate(2) != null && on.isAfter(rs.getDate(2).toLocalDate())))) {
                            errors.add(day, "mentor.date.outsideAppointment");
                        }
                    }
                }
            }
            if (v.get("youth") instanceof Long youth && !errors.has("youth")) {
                checkPairing(change, mentor, youth, errors);
            }
        }

        void checkYouth(RecordChange change, ValidationException.Collector errors) throws SQLException {
        }

        abstract void checkPairing(RecordChange change, long mentor, long youth,
                ValidationException.Collector errors) throws SQLException;

        static long livePairings(RecordChange change, long mentor, long youth) throws SQLException {
            try (PreparedStatement ps = change.connection().prepareStatement("SELECT COUNT(*) FROM EMP_MENTOR_PAIRING "
                    + "WHERE PARENT_ID = ? AND YOUTH_ID = ? AND DELETED_AT IS NULL AND ID <> ?")) {
                ps.setLong(1, mentor);
                ps.setLong(2, youth);
                ps.setLong(3, change.register().id().equals(PAIRINGS) ? change.id() : 0);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    /** A mentor pairs with a young entrepreneur of its county (the engine checks the county), once. */
    static final class PairingRules extends ChildRules {
        PairingRules() {
            super("pairedOn");
        }

        @Override
        void checkYouth(RecordChange change, ValidationException.Collector errors) throws SQLException {
            if (!(change.values().get("youth") instanceof Long youth) || errors.has("youth")) {
                return;
            }
            try (PreparedStatement ps = change.connection().prepareStatement(
                    "SELECT YOUTH_TYPE FROM EMP_YOUTH WHERE ID = ?")) {
                ps.setLong(1, youth);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !"ENTREPRENEUR".equals(rs.getString(1))) {
                        errors.add("youth", "mentor.youth.notEntrepreneur");
                    }
                }
            }
        }

        @Override
        void checkPairing(RecordChange change, long mentor, long youth, ValidationException.Collector errors)
                throws SQLException {
            if (livePairings(change, mentor, youth) > 0) {
                errors.add("youth", "mentor.youth.alreadyPaired");
            }
        }
    }

    /** An activity is held with a youth the mentor is paired with. */
    static final class ActivityRules extends ChildRules {
        ActivityRules() {
            super("heldOn");
        }

        @Override
        void checkPairing(RecordChange change, long mentor, long youth, ValidationException.Collector errors)
                throws SQLException {
            if (livePairings(change, mentor, youth) == 0) {
                errors.add("youth", "mentor.youth.notPaired");
            }
        }
    }
}
