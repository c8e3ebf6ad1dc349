package org.jixiao.project.employment.internal.internship;

import static org.jixiao.project.employment.internal.rules.Programme.EARLIEST;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.project.employment.internal.internshipbase.InternshipBaseRegister;
import org.jixiao.project.employment.internal.rules.WriteRules;

/**
 * Work item 5, the internship "double thousand" plan (附件2 第5项): positions collected from employers of a county
 * for a year, and youth of that county placed into them (a position's child records), each with its outcome.
 *
 * <p>The interns of a year are a running total (distinct youth by the day their placement starts). The share of
 * them in general-manager-assistant posts and the rate converted to employment count youth, not placements, and
 * the conversion by the day it happened: they are computed from the placements' table ({@link #figures}).
 */
public final class InternshipRegister {

    public static final String ID = "internships";
    public static final String PLACEMENTS = "internship-placements";
    public static final String INDICATOR_INTERNS = "internship.interns";
    public static final String INDICATOR_GM_SHARE = "internship.gmShare";
    public static final String INDICATOR_CONVERSION = "internship.conversion";
    public static final String CLAUSE = "附件2 第5项";

    // The policy's 600 interns is a city-wide figure in its table yet reads per county in work item 5; it is each
    // county's default here, and the target setter sets each unit's own figure.
    public static final IndicatorDefinition INTERNS = new IndicatorDefinition(INDICATOR_INTERNS,
            "indicator.internship.interns", "unit.person", Comparison.AT_LEAST, BigDecimal.valueOf(600), CLAUSE);
    public static final IndicatorDefinition GM_SHARE = new IndicatorDefinition(INDICATOR_GM_SHARE,
            "indicator.internship.gmShare", "unit.percent", Comparison.MORE_THAN, BigDecimal.valueOf(50), CLAUSE,
            TargetKind.SHARE);
    public static final IndicatorDefinition CONVERSION = new IndicatorDefinition(INDICATOR_CONVERSION,
            "indicator.internship.conversion", "unit.percent", Comparison.AT_LEAST, BigDecimal.valueOf(10), CLAUSE,
            TargetKind.RATE);

    /** How a placement ended, or that it runs. */
    public enum Outcome {
        IN_PROGRESS,
        COMPLETED,
        /** Taken on as an employee: counts towards the conversion rate. */
        CONVERTED,
        LEFT
    }

    /** One county's figures for a year, as the indicators compute them. */
    public record Figures(long interns, long gm, long converted, BigDecimal gmShare, BigDecimal conversion) {
    }

    private InternshipRegister() {
    }

    public static RegisterDefinition positions() {
        return RegisterDefinition.builder(ID, "EMP_INTERNSHIP_POSITION").messages("internship").unitColumn("COUNTY_ID")
                .field(Field.text("employer", 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE))
                .field(Field.text("post", 100).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.bool("gmAssistant").required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.reference("base", InternshipBaseRegister.ID).withColumn("BASE_ID"))
                // More places in one post than a county's employers offer in a year is a typing error.
                .field(Field.integer("places").withRange(1, 10_000).required().with(Field.Flag.LISTED))
                .field(Field.integer("year").withColumn("PLAN_YEAR").withRange(EARLIEST.getYear(), 9999).required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER, Field.Flag.SORTABLE))
                .field(Field.date("startsOn", Field.DateRule.FUTURE_ALLOWED).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE))
                .field(Field.date("endsOn", Field.DateRule.FUTURE_ALLOWED).required().with(Field.Flag.LISTED))
                .day("startsOn").page(ID + "/figures", "internship.figures.link")
                .hooks(new PositionRules()).build();
    }

    public static RegisterDefinition placements() {
        return RegisterDefinition.builder(PLACEMENTS, "EMP_INTERNSHIP_PLACEMENT").messages("placement")
                .unitColumn("COUNTY_ID").parent(ID)
                .field(Field.reference("youth", "youth").withColumn("YOUTH_ID").required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED))
                .field(Field.date("startsOn", Field.DateRule.FUTURE_ALLOWED).required().with(Field.Flag.LISTED))
                .field(Field.date("endsOn", Field.DateRule.FUTURE_ALLOWED).with(Field.Flag.LISTED))
                .field(Field.choice("outcome", Outcome.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.text("convertedEmployer", 100).with(Field.Flag.HELP))
                .field(Field.date("convertedOn", Field.DateRule.NOT_FUTURE))
                .day("startsOn")
                // A youth placed twice in a year is one intern, counted from the first start.
                .aggregate(Aggregate.distinct(INTERNS, "youth", null, "startsOn", Aggregate.Period.YEAR))
                .hooks(new PlacementRules()).build();
    }

    /**
     * A position's dates lie in its year (from 2000 to next year: positions are collected ahead) in order; its base
     * is one of its county still open on its first day. Placements carry the position's year and fill its places:
     * a position with interns keeps its year and never offers fewer places than taken.
     */
    static final class PositionRules extends WriteRules {
        @Override
        protected void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors)
                throws SQLException {
            Long year = v.get("year") instanceof Long y ? y : null;
            if (year != null && year > change.today().getYear() + 1) {
                errors.add("year", "internship.year.invalid");
                year = null;
            }
            LocalDate starts = inYear(v.get("startsOn"), year, "startsOn", errors);
            LocalDate ends = inYear(v.get("endsOn"), year, "endsOn", errors);
            if (starts != null && ends != null && ends.isBefore(starts)) {
                errors.add("endsOn", "internship.endsOn.beforeStart");
            }
            Connection c = change.connection();
            if (v.get("base") instanceof Long base && !errors.has("base")) {
                checkBase(c, base, change.unitId(), starts, errors);
            }
            if (change.kind() != RecordChange.Kind.UPDATE) {
                return;
            }
            long placed = count(c, "SELECT COUNT(*) FROM EMP_INTERNSHIP_PLACEMENT WHERE PARENT_ID = ? "
                    + "AND DELETED_AT IS NULL", change.id());
            if (placed > 0 && year != null && !year.equals(change.before().orElseThrow().value("year"))) {
                errors.add("year", "internship.year.linked");
            }
            if (v.get("places") instanceof Long places && places < placed) {
                errors.add("places", "internship.places.belowPlaced");
            }
        }

        /** The placements carry the post's kind, so the figures read the placements alone. */
        @Override
        public void afterWrite(RecordChange change) throws SQLException {
            if (change.kind() != RecordChange.Kind.UPDATE) {
                return;
            }
            try (PreparedStatement ps = change.connection().prepareStatement(
                    "UPDATE EMP_INTERNSHIP_PLACEMENT SET GM_ASSISTANT = ? WHERE PARENT_ID = ?")) {
                ps.setInt(1, Boolean.TRUE.equals(change.values().get("gmAssistant")) ? 1 : 0);
                ps.setLong(2, change.id());
                ps.executeUpdate();
            }
        }

        /** A base still open on the position's first day. */
        private static void checkBase(Connection c, long base, long unit, LocalDate starts,
                ValidationException.Collector errors) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNTY_ID, CLOSED_ON FROM EMP_INTERNSHIP_BASE WHERE ID = ? AND DELETED_AT IS NULL")) {
                ps.setLong(1, base);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    // Another county's base is the engine's refusal already.
                    Date closed = rs.getDate(2);
                    if (rs.getLong(1) == unit && closed != null && starts != null
                            && !closed.toLocalDate().isAfter(starts)) {
                        // Closed on or before the first day, it offers no post then.
                        errors.add("base", "internship.base.closed");
                    }
                }
            }
        }

        private static LocalDate inYear(Object value, Long year, String field, ValidationException.Collector errors) {
            if (!(value instanceof LocalDate d)) {
                return null;
            }
            if (year != null && d.getYear() != year) {
                errors.add(field, "internship.date.outsideYear");
                return null;
            }
            return d;
        }
    }

    /**
     * What a placement's own fields say: dates in order; an ended placement (completed or left) has an end that has
     * come; a conversion has an employer and a day from the start on, and only a conversion has them.
     *
     * <p>What it says with its position (in the position's period, a youth placed there once, no
     * two placements of one youth at once, a free place) is checked after the write, inside its transaction: a
     * hook is not told a new child's parent before (see the report), and a refusal there still writes nothing.
     */
    static final class PlacementRules extends WriteRules {
        @Override
        protected void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors) {
            LocalDate starts = v.get("startsOn") instanceof LocalDate d ? d : null;
            LocalDate ends = v.get("endsOn") instanceof LocalDate d ? d : null;
            if (starts != null && ends != null && ends.isBefore(starts)) {
                errors.add("endsOn", "internship.endsOn.beforeStart");
            }
            Object outcome = v.get("outcome");
            boolean ended = Outcome.COMPLETED.name().equals(outcome) || Outcome.LEFT.name().equals(outcome);
            if (ended && !errors.has("endsOn")) {
                if (ends == null) {
                    errors.add("endsOn", "internship.endsOn.required");
                } else if (ends.isAfter(change.today())) {
                    errors.add("endsOn", "internship.date.future");
                }
            }
            if (Outcome.CONVERTED.name().equals(outcome)) {
                if (v.get("convertedEmployer") == null) {
                    errors.add("convertedEmployer", "internship.convertedEmployer.required");
                }
                if (v.get("convertedOn") == null && !errors.has("convertedOn")) {
                    errors.add("convertedOn", "internship.convertedOn.required");
                } else if (v.get("convertedOn") instanceof LocalDate on && starts != null && on.isBefore(starts)) {
                    errors.add("convertedOn", "internship.convertedOn.beforeStart");
                }
            } else if (outcome != null) {
                for (String f : List.of("convertedEmployer", "convertedOn")) {
                    if (v.get(f) != null) {
                        errors.add(f, "internship.conversion.onlyConverted");
                    }
                }
            }
        }

        @Override
        public void afterWrite(RecordChange change) throws SQLException {
            if (change.kind() == RecordChange.Kind.DELETE) {
                return;
            }
            Connection c = change.connection();
            long positionId = count(c, "SELECT PARENT_ID FROM EMP_INTERNSHIP_PLACEMENT WHERE ID = ?", change.id());
            // Taking the position's row lock first makes two clerks filling the last place wait for each other.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE EMP_INTERNSHIP_POSITION SET PLACES = PLACES WHERE ID = ?")) {
                ps.setLong(1, positionId);
                ps.executeUpdate();
            }
            LocalDate positionStarts;
            LocalDate positionEnds;
            int places;
            try (PreparedStatement ps = c.prepareStatement("SELECT STARTS_ON, ENDS_ON, PLACES, PLAN_YEAR, GM_ASSISTANT "
                    + "FROM EMP_INTERNSHIP_POSITION WHERE ID = ?")) {
                ps.setLong(1, positionId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    positionStarts = rs.getDate(1).toLocalDate();
                    positionEnds = rs.getDate(2).toLocalDate();
                    places = rs.getInt(3);
                    try (PreparedStatement copy = c.prepareStatement("UPDATE EMP_INTERNSHIP_PLACEMENT SET "
                            + "PLAN_YEAR = ?, GM_ASSISTANT = ? WHERE ID = ?")) {
                        copy.setInt(1, rs.getInt(4));
                        copy.setInt(2, rs.getInt(5));
                        copy.setLong(3, change.id());
                        copy.executeUpdate();
                    }
                }
            }
            ValidationException.Collector errors = new ValidationException.Collector();
            Map<String, Object> v = change.values();
            LocalDate starts = (LocalDate) v.get("startsOn");
            LocalDate ends = v.get("endsOn") instanceof LocalDate d ? d : null;
            for (String f : List.of("startsOn", "endsOn")) {
                if (v.get(f) instanceof LocalDate d && (d.isBefore(positionStarts) || d.isAfter(positionEnds))) {
                    errors.add(f, "internship.placement.outsidePeriod");
                }
            }
            long youth = (Long) v.get("youth");
            // A youth of another county is the engine's refusal already: a reference stays within the unit.
            if (count(c, "SELECT COUNT(*) FROM EMP_INTERNSHIP_PLACEMENT WHERE PARENT_ID = " + positionId
                    + " AND DELETED_AT IS NULL AND YOUTH_ID = ?", youth) > 1) {
                errors.add("youth", "internship.youth.alreadyPlaced");
            } else if (!errors.has("startsOn") && !errors.has("endsOn")
                    && overlapping(c, youth, change.id(), starts, ends == null ? positionEnds : ends)) {
                errors.add(change.kind() == RecordChange.Kind.CREATE ? "youth" : "startsOn",
                        "internship.youth.overlapping");
            }
            if (count(c, "SELECT COUNT(*) FROM EMP_INTERNSHIP_PLACEMENT WHERE DELETED_AT IS NULL AND PARENT_ID = ?",
                    positionId) > places) {
                errors.add("youth", "internship.position.full");
            }
            errors.throwIfAny();
        }

        /** Another live placement of the youth sharing a day; one without an end runs to its position's end. */
        private static boolean overlapping(Connection c, long youth, long except, LocalDate starts, LocalDate ends)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM EMP_INTERNSHIP_PLACEMENT L "
                    + "JOIN EMP_INTERNSHIP_POSITION P ON P.ID = L.PARENT_ID WHERE L.YOUTH_ID = ? AND L.ID <> ? "
                    + "AND L.DELETED_AT IS NULL AND L.STARTS_ON <= ? AND COALESCE(L.ENDS_ON, P.ENDS_ON) >= ?")) {
                ps.setMaxRows(1);
                ps.setLong(1, youth);
                ps.setLong(2, except);
                ps.setDate(3, Date.valueOf(ends));
                ps.setDate(4, Date.valueOf(starts));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }
    }

    /** The first column of the first row as a number, 0 without a row. */
    private static long count(Connection c, String sql, long arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * Per county of {@code units}, on {@code day} (in {@code year}): the distinct youth with a live placement of the
     * year starting by the day; of them those placed in a general-manager-assistant post; of them those converted
     * to employment by the day. Percentages are exact, rounded down to two decimals, so 50.00% never passes "more
     * than 50%" by rounding; with no intern both are 0.
     */
    public static Map<Long, Figures> figures(Connection c, Collection<Long> units, int year, LocalDate day)
            throws SQLException {
        Map<Long, long[]> counts = new HashMap<>();
        if (!units.isEmpty()) {
            // One row per intern first (a youth placed twice is one intern), then per county; answered from
            // EMP_INTERNSHIP_PLACEMENT_ACTUALS_IX alone (V8).
            String sql = "SELECT COUNTY_ID, COUNT(*), SUM(G), SUM(V) FROM (SELECT COUNTY_ID, YOUTH_ID, "
                    + "MAX(GM_ASSISTANT) AS G, MAX(CASE WHEN OUTCOME = 'CONVERTED' AND CONVERTED_ON <= ? THEN 1 "
                    + "ELSE 0 END) AS V FROM EMP_INTERNSHIP_PLACEMENT WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                    + String.join(", ", Collections.nCopies(units.size(), "?")) + ") AND PLAN_YEAR = ? "
                    + "AND STARTS_ON <= ? GROUP BY COUNTY_ID, YOUTH_ID) T GROUP BY COUNTY_ID";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setDate(i++, Date.valueOf(day));
                for (Long unit : units) {
                    ps.setLong(i++, unit);
                }
                ps.setInt(i++, year);
                ps.setDate(i, Date.valueOf(day));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    }
                }
            }
        }
        Map<Long, Figures> out = new LinkedHashMap<>();
        for (Long unit : units) {
            long[] n = counts.getOrDefault(unit, new long[3]);
            out.put(unit, new Figures(n[0], n[1], n[2], percent(n[1], n[0]), percent(n[2], n[0])));
        }
        return out;
    }

    /** The share and the conversion per unit; the interns are the engine's running total. */
    public static Map<Long, Map<String, BigDecimal>> actuals(Connection c, Collection<Long> units, int year,
            LocalDate day) throws SQLException {
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        figures(c, new ArrayList<>(units), year, day).forEach((unit, f) -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_GM_SHARE, f.gmShare());
            values.put(INDICATOR_CONVERSION, f.conversion());
            out.put(unit, values);
        });
        return out;
    }

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.DOWN);
    }
}
