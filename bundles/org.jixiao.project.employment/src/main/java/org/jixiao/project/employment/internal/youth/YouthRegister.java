package org.jixiao.project.employment.internal.youth;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.ResidentIdNumber;
import org.jixiao.api.ValidationException;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.project.employment.internal.rules.LiveKeys;

/**
 * Work item 1: the database of job-seeking and entrepreneur youth (附件2 第1项). One live record per person in the
 * whole city, found by the keyed hash of the resident ID number; the other registers name a youth by this record.
 * The March and September refresh and the statistics are pages of their own.
 */
public final class YouthRegister {

    public static final String ID = "youth";
    public static final String TABLE = "EMP_YOUTH";
    public static final String INDICATOR_JOBSEEKERS = "youth.jobseekers";
    public static final String INDICATOR_ENTREPRENEURS = "youth.entrepreneurs";
    public static final String CLAUSE = "附件2 第1项";
    static final int MIN_AGE = 16;
    static final int MAX_AGE = 45;

    public enum Gender { M, F }

    public enum Education { JUNIOR_HIGH_OR_BELOW, SENIOR_HIGH, VOCATIONAL, JUNIOR_COLLEGE, BACHELOR, MASTER_OR_ABOVE }

    public enum Type { JOB_SEEKING, ENTREPRENEUR }

    public enum Need { TRAINING, INTERNSHIP, JOB_REFERRAL, LOAN, MENTOR, INCUBATION }

    public static final IndicatorDefinition JOBSEEKERS = new IndicatorDefinition(INDICATOR_JOBSEEKERS,
            "indicator.youth.jobseekers", "unit.person", Comparison.AT_LEAST, BigDecimal.valueOf(200), CLAUSE);
    public static final IndicatorDefinition ENTREPRENEURS = new IndicatorDefinition(INDICATOR_ENTREPRENEURS,
            "indicator.youth.entrepreneurs", "unit.person", Comparison.AT_LEAST, BigDecimal.valueOf(50), CLAUSE);

    private YouthRegister() {
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(ID, TABLE).unitColumn("COUNTY_ID").sensitive()
                .field(Field.text("name", 50).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE, Field.Flag.SORTABLE))
                .field(Field.choice("gender", Gender.class).required().with(Field.Flag.LISTED))
                .field(Field.idNumber("idNumber").withColumn("ID").required().with(Field.Flag.LISTED))
                // The year, not the date: with the date beside the mask the number could be rebuilt.
                .field(Field.integer("birthYear").with(Field.Flag.READ_ONLY))
                .field(Field.choice("education", Education.class).required().with(Field.Flag.FILTER))
                .field(Field.choice("type", Type.class).withColumn("YOUTH_TYPE").required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.longText("needs", 500))
                .field(Field.multiChoice("needCategories", Need.class).with(Field.Flag.FILTER))
                .field(Field.date("registeredOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .field(Field.phone("phone").withPattern("1\\d{10}").withMaxLength(11))
                .key("idNumber").keyAcrossUnits().day("registeredOn")
                .page("youth/stats", "youth.stats.county.link").page("refresh", "refresh.title")
                // Every live record registered by the day counts, whatever its year: the database is a stock.
                .aggregate(Aggregate.count(JOBSEEKERS, Condition.where("type", Type.JOB_SEEKING.name()),
                        "registeredOn", Aggregate.Period.CUMULATIVE))
                .aggregate(Aggregate.count(ENTREPRENEURS, Condition.where("type", Type.ENTREPRENEUR.name()),
                        "registeredOn", Aggregate.Period.CUMULATIVE))
                .hooks(new Rules()).build();
    }

    /** The rules a form cannot state field by field, and the rows kept in step with a record. */
    static final class Rules implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            Optional<LocalDate> birth = birthDate(change);
            if (birth.isEmpty()) {
                return;
            }
            // The number states the gender: a form that disagrees with it holds a typing error.
            Object gender = change.values().get("gender");
            if (gender != null && !gender.equals(ResidentIdNumber.gender((String) change.values().get("idNumber")))) {
                errors.add("gender", "youth.gender.mismatch");
            }
            if (change.values().get("registeredOn") instanceof LocalDate on) {
                int age = birth.get().isAfter(on) ? -1 : Period.between(birth.get(), on).getYears();
                if (age < MIN_AGE || age > MAX_AGE) {
                    errors.add("idNumber", "youth.birthDate.age");
                }
            }
        }

        @Override
        public Map<String, Object> derive(RecordChange change) {
            return birthDate(change).<Map<String, Object>>map(b -> Map.of("birthYear", b.getYear())).orElse(Map.of());
        }

        /** The birth date the number in clear states; none for a mask or a number the field rules refused. */
        private static Optional<LocalDate> birthDate(RecordChange change) {
            return change.values().get("idNumber") instanceof String number
                    && ResidentIdNumber.problem(number, change.today()).isEmpty()
                    ? Optional.of(ResidentIdNumber.birthDate(number)) : Optional.empty();
        }

        /**
         * Keeps LIVE_ID_HASH (unique: one live record per person even when two clerks register them at once) and the
         * need categories' rows, which the statistics group by.
         */
        @Override
        public void afterWrite(RecordChange change) throws SQLException {
            var c = change.connection();
            try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_YOUTH SET LIVE_ID_HASH = CASE WHEN DELETED_AT "
                    + "IS NULL THEN ID_HASH END WHERE ID = ?")) {
                ps.setLong(1, change.id());
                LiveKeys.write(ps, "idNumber", "register.error.duplicate");
            }
            // Derby's slip (see LiveKeys) is an edit taking back the entry it left behind; a new row has left none,
            // and the constraint alone stops the second of two who register the person at once.
            if (change.kind() != RecordChange.Kind.CREATE) {
                LiveKeys.requireAlone(c, "SELECT COUNT(*) FROM EMP_YOUTH WHERE LIVE_ID_HASH = "
                        + "(SELECT ID_HASH FROM EMP_YOUTH WHERE ID = ?)", change.id(), "idNumber",
                        "register.error.duplicate");
            }
            // A record just created has no rows yet: its id is new.
            if (change.kind() != RecordChange.Kind.CREATE) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM EMP_YOUTH_NEED WHERE YOUTH_ID = ?")) {
                    ps.setLong(1, change.id());
                    ps.executeUpdate();
                }
            }
            if (change.kind() == RecordChange.Kind.DELETE || !(change.values().get("needCategories") instanceof List<?>
                    needs) || needs.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO EMP_YOUTH_NEED (YOUTH_ID, CATEGORY) VALUES (?, ?)")) {
                for (Object need : needs) {
                    ps.setLong(1, change.id());
                    ps.setString(2, String.valueOf(need));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
