package org.jixiao.project.employment.internal.internshipbase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;

/**
 * Work item 6: internship bases, employers and organisations that take interns, with the day each was entered into
 * the provincial league's system (附件2 第6项). Internship positions name the base they are offered at.
 *
 * <p>The indicator counts the bases established by the day, not closed by it and entered into the provincial
 * system by it: the province sees and checks only what was entered. A base closed later still counted on the days
 * it was open, which a running total of records dated by one field cannot say, so the count is computed here from
 * the table ({@link #actuals}).
 */
public final class InternshipBaseRegister {

    public static final String ID = "internship-bases";
    public static final String TABLE = "EMP_INTERNSHIP_BASE";
    public static final String INDICATOR_BASES = "internship.bases";
    /** The policy minimum shown beside each county's figures; the evaluated target is set per unit elsewhere. */
    public static final int POLICY_MINIMUM = 80;
    public static final String CLAUSE = "附件2 第6项";

    public static final IndicatorDefinition BASES = new IndicatorDefinition(INDICATOR_BASES,
            "indicator.internship.bases", "unit.base", Comparison.AT_LEAST, BigDecimal.valueOf(POLICY_MINIMUM), CLAUSE);

    /** The codes of the projects' sectors, which the table's check constraint names. */
    public enum Sector { AGRICULTURE, MANUFACTURING, COMMERCE, SERVICES, TECHNOLOGY, CULTURE_TOURISM, OTHER }

    /** The bases of one county on a day: open ones, and of them those entered into the provincial system. */
    public record Counts(long live, long entered) {
        public static final Counts NONE = new Counts(0, 0);
    }

    private InternshipBaseRegister() {
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(ID, TABLE).messages("base").unitColumn("COUNTY_ID")
                .field(Field.text("name", 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE, Field.Flag.SORTABLE))
                .field(Field.choice("sector", Sector.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.text("address", 200).required().with(Field.Flag.SEARCHABLE))
                .field(Field.text("contact", 100).required().with(Field.Flag.SEARCHABLE))
                // More positions a year than any employer of a county offers is a typing error.
                .field(Field.integer("capacity").withRange(1, 100_000).required().with(Field.Flag.LISTED))
                .field(Field.date("establishedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .field(Field.date("enteredOn", Field.DateRule.NOT_FUTURE)
                        .with(Field.Flag.LISTED, Field.Flag.FILTER, Field.Flag.HELP))
                .field(Field.date("closedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.LISTED))
                .day("establishedOn")
                .page(ID + "/summary", "base.summary.link")
                .hooks(new Rules()).build();
    }

    /**
     * Neither entered into the provincial system nor closed before it was established. A base that positions name
     * is neither deleted (it is closed instead) nor moved: the engine refuses both from the positions' reference.
     */
    static final class Rules implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) {
            if (!(change.values().get("establishedOn") instanceof LocalDate established)) {
                return;
            }
            if (change.values().get("enteredOn") instanceof LocalDate entered && entered.isBefore(established)) {
                errors.add("enteredOn", "base.enteredOn.beforeEstablished");
            }
            if (change.values().get("closedOn") instanceof LocalDate closed && closed.isBefore(established)) {
                errors.add("closedOn", "base.closedOn.beforeEstablished");
            }
        }
    }

    /**
     * Per county of {@code units}, on {@code day}: the live bases established by the day and not closed by it, and
     * of them those entered into the provincial system by it. Counties without bases are absent.
     */
    public static Map<Long, Counts> counts(Connection c, Collection<Long> units, LocalDate day) throws SQLException {
        Map<Long, Counts> out = new HashMap<>();
        if (units.isEmpty()) {
            return out;
        }
        // Answered from EMP_INTERNSHIP_BASE_ACTUALS_IX alone (V9).
        String sql = "SELECT COUNTY_ID, COUNT(*), SUM(CASE WHEN ENTERED_ON <= ? THEN 1 ELSE 0 END) "
                + "FROM EMP_INTERNSHIP_BASE WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                + String.join(", ", java.util.Collections.nCopies(units.size(), "?"))
                + ") AND ESTABLISHED_ON <= ? AND (CLOSED_ON IS NULL OR CLOSED_ON > ?) GROUP BY COUNTY_ID";
        Date d = Date.valueOf(day);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setDate(i++, d);
            for (Long unit : units) {
                ps.setLong(i++, unit);
            }
            ps.setDate(i++, d);
            ps.setDate(i, d);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** The indicator per unit on {@code day}: the bases open and entered into the provincial system. */
    public static Map<Long, Map<String, BigDecimal>> actuals(Connection c, Collection<Long> units, LocalDate day)
            throws SQLException {
        Map<Long, Counts> counts = counts(c, units, day);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (Long unit : units) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_BASES, BigDecimal.valueOf(counts.getOrDefault(unit, Counts.NONE).entered()));
            out.put(unit, values);
        }
        return out;
    }
}
