package org.jixiao.project.employment.internal.outcome;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.jixiao.api.ValidationException;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.project.employment.internal.rules.LiveKeys;

/**
 * Employment outcomes: youth helped into a job, by which employer, when and through which work item. They count
 * towards the "help 200 youth into employment" of the policy's performance targets, each youth at most once a year
 * (the year of the employment day).
 */
public final class OutcomeRegister {

    public static final String ID = "outcomes";
    public static final String INDICATOR_OUTCOMES = "employment.outcomes";
    /** Attachment 2, section 1 (performance targets): "help 200 youth into employment" a year; no numbered item. */
    public static final String CLAUSE = "附件2 一、绩效管理目标";

    /**
     * The policy's 200 is city-wide and names no per-county share; like the table's other figures it is the default
     * target of each unit, which the target setter lowers per unit in TARGET_SETTING.
     */
    public static final IndicatorDefinition OUTCOMES = new IndicatorDefinition(INDICATOR_OUTCOMES,
            "indicator.employment.outcomes", "unit.person", Comparison.AT_LEAST, BigDecimal.valueOf(200), CLAUSE);

    /** The work item through which a youth was helped into a job; FAIR is a recruitment fair. */
    public enum Channel { DATABASE, TRAINING, INTERNSHIP, MICRO_LOAN, INCUBATION, MENTOR, FAIR, OTHER }

    private OutcomeRegister() {
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(ID, "EMP_OUTCOME").messages("outcome").unitColumn("COUNTY_ID")
                .field(Field.reference("youth", "youth").withColumn("YOUTH_ID").required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED))
                .field(Field.text("employer", 100).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.text("post", 50).with(Field.Flag.LISTED))
                .field(Field.date("employedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.FILTER))
                .field(Field.choice("channel", Channel.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.longText("note", 500))
                .day("employedOn")
                // One live outcome per youth and year: counting records counts youth.
                .aggregate(Aggregate.count(OUTCOMES, null, "employedOn", Aggregate.Period.YEAR))
                .hooks(new Rules()).build();
    }

    /** A youth counts once a year: refused with the form's other errors, and kept by LIVE_YOUTH_ID's uniqueness. */
    static final class Rules implements RegisterHooks {
        private static final String COUNTED = "outcome.youth.counted";

        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            if (change.kind() == RecordChange.Kind.DELETE || errors.has("youth")
                    || !(change.values().get("youth") instanceof Long youth)
                    || !(change.values().get("employedOn") instanceof LocalDate on)) {
                return;
            }
            try (PreparedStatement ps = change.connection().prepareStatement("SELECT 1 FROM EMP_OUTCOME WHERE "
                    + "LIVE_YOUTH_ID = ? AND OUTCOME_YEAR = ? AND ID <> ?")) {
                ps.setLong(1, youth);
                ps.setInt(2, on.getYear());
                ps.setLong(3, change.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        errors.add("youth", COUNTED);
                    }
                }
            }
        }

        /** The year and LIVE_YOUTH_ID follow the record; two clerks counting one youth at once meet the constraint. */
        @Override
        public void afterWrite(RecordChange change) throws SQLException {
            Connection c = change.connection();
            // A deletion keeps the year and frees the youth.
            Integer year = change.values().get("employedOn") instanceof LocalDate on ? on.getYear() : null;
            try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_OUTCOME SET OUTCOME_YEAR = COALESCE(CAST(? AS INTEGER), "
                    + "OUTCOME_YEAR), LIVE_YOUTH_ID = CASE WHEN DELETED_AT IS NULL THEN YOUTH_ID END WHERE ID = ?")) {
                if (year == null) {
                    ps.setNull(1, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(1, year);
                }
                ps.setLong(2, change.id());
                LiveKeys.write(ps, "youth", COUNTED);
            }
            LiveKeys.requireAlone(c, "SELECT COUNT(*) FROM EMP_OUTCOME O, EMP_OUTCOME S WHERE S.ID = ? "
                    + "AND O.LIVE_YOUTH_ID = S.LIVE_YOUTH_ID AND O.OUTCOME_YEAR = S.OUTCOME_YEAR", change.id(), "youth",
                    COUNTED);
        }
    }
}
