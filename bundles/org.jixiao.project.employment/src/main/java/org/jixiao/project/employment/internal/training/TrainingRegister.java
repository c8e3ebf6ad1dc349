package org.jixiao.project.employment.internal.training;

import java.math.BigDecimal;
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
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.api.store.Store;
import org.jixiao.project.employment.internal.gathering.Gathering;
import org.jixiao.project.employment.internal.rules.LiveKeys;

/**
 * Work item 4: classified training (附件2 第4项). A county's annual plan (one live plan per county and year), the
 * sessions it holds with their feedback (a rating and a text, fields of the session), and the registered youth of
 * the county who attended each, a child of the session with a follow-up note.
 *
 * <p>Two indicators per county and year: the sessions held with at least one attendee recorded (a session nobody is
 * recorded at proves no training), and the trainees, counted as distinct youth: the policy counts people trained, so
 * a youth at three sessions is one trainee. Both are read from the attendances, which carry their session's day.
 */
public final class TrainingRegister {

    public static final String ID = "training";
    public static final String PLANS = "training-plans";
    public static final String ATTENDEES = "training-attendees";
    public static final String INDICATOR_SESSIONS = "training.sessions";
    public static final String INDICATOR_TRAINEES = "training.trainees";
    public static final String CLAUSE = "附件2 第4项";
    /** The engine's refusal of a second record with the same key, for the save that raced past its check. */
    static final String DUPLICATE = "register.error.duplicate";

    public static final List<IndicatorDefinition> INDICATORS = List.of(
            new IndicatorDefinition(INDICATOR_SESSIONS, "indicator.training.sessions", "unit.session",
                    Comparison.AT_LEAST, BigDecimal.valueOf(3), CLAUSE),
            new IndicatorDefinition(INDICATOR_TRAINEES, "indicator.training.trainees", "unit.person",
                    Comparison.AT_LEAST, BigDecimal.valueOf(400), CLAUSE));

    static final Gathering GATHERING = new Gathering("EMP_TRAINING_SESSION", "EMP_TRAINING_ATTENDEE", "youth",
            "YOUTH_ID", ID);

    /** A county's year at a glance: its plan (null when none) and its two indicators on the day. */
    public record Summary(long countyId, Long planId, Integer plannedSessions, Integer plannedTrainees,
            long sessions, long trainees) {
    }

    private TrainingRegister() {
    }

    /** The sessions, the plans, then the attendees (children of the session, in its county). */
    public static List<RegisterDefinition> definitions() {
        RegisterDefinition sessions = GATHERING.gatherings(ID, "topic")
                .field(Field.choice("category", TrainingCategory.class).required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.text("partner", 100).with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.text("place", 100).with(Field.Flag.SEARCHABLE))
                .field(Field.integer("satisfaction").withRange(1, 5).with(Field.Flag.LISTED, Field.Flag.HELP))
                .field(Field.longText("feedback", 1000))
                .page("training/summary", "training.summary.link").build();
        RegisterDefinition plans = RegisterDefinition.builder(PLANS, "EMP_TRAINING_PLAN").messages(ID + ".plan")
                .unitColumn("COUNTY_ID")
                .field(Field.integer("planYear").withRange(2000, 9999).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.FILTER))
                .field(Field.integer("plannedSessions").withRange(0, 1000).required().with(Field.Flag.LISTED))
                .field(Field.integer("plannedTrainees").withRange(0, 100_000).required().with(Field.Flag.LISTED))
                .field(Field.longText("content", 2000).required().with(Field.Flag.SEARCHABLE))
                .field(Field.date("plannedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.TODAY_IF_BLANK))
                .key("planYear").day("plannedOn").hooks(new PlanRules()).build();
        RegisterDefinition attendees = GATHERING.attendances(ATTENDEES, ID, "attendee", "youth")
                .field(Field.longText("followUp", 500).with(Field.Flag.LISTED)).build();
        return List.of(sessions, plans, attendees);
    }

    /** Per unit (its own county only), on min(asOf, 31 December): sessions with attendees, and distinct trainees. */
    public static Map<Long, Map<String, BigDecimal>> actualsAsOf(Store store, Collection<Long> orgUnitIds, int year,
            LocalDate asOf) {
        Map<Long, BigDecimal> sessions = GATHERING.distinct(store, "PARENT_ID", orgUnitIds, year, asOf);
        Map<Long, BigDecimal> trainees = GATHERING.distinct(store, "YOUTH_ID", orgUnitIds, year, asOf);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        sessions.forEach((unit, n) -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_SESSIONS, n);
            values.put(INDICATOR_TRAINEES, trainees.get(unit));
            out.put(unit, values);
        });
        return out;
    }

    /** Each county of {@code counties}: its live plan for the year and its indicators on min(today, 31 December). */
    public static List<Summary> summary(Store store, List<Long> counties, int year, LocalDate today) {
        if (counties.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> plans = store.read(c -> {
            Map<Long, Object[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID, ID, PLANNED_SESSIONS, PLANNED_TRAINEES "
                    + "FROM EMP_TRAINING_PLAN WHERE DELETED_AT IS NULL AND PLAN_YEAR = ? AND COUNTY_ID IN ("
                    + String.join(", ", Collections.nCopies(counties.size(), "?")) + ")")) {
                ps.setInt(1, year);
                for (int i = 0; i < counties.size(); i++) {
                    ps.setLong(i + 2, counties.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getInt(3), rs.getInt(4)});
                    }
                }
            }
            return out;
        });
        Map<Long, Map<String, BigDecimal>> actuals = actualsAsOf(store, counties, year, today);
        List<Summary> out = new ArrayList<>();
        for (Long county : counties) {
            Object[] p = plans.get(county);
            Map<String, BigDecimal> v = actuals.get(county);
            out.add(new Summary(county, p == null ? null : (Long) p[0], p == null ? null : (Integer) p[1],
                    p == null ? null : (Integer) p[2], v.get(INDICATOR_SESSIONS).longValue(),
                    v.get(INDICATOR_TRAINEES).longValue()));
        }
        return out;
    }

    /**
     * The plan is made in its year. One live plan per county and year: the engine's key checks it, and LIVE_KEY
     * (unique while the plan is live) stops the second of two saves that raced past that check.
     */
    static final class PlanRules implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) {
            if (change.values().get("plannedOn") instanceof LocalDate on
                    && change.values().get("planYear") instanceof Long year && on.getYear() != year
                    && !errors.has("plannedOn")) {
                errors.add("plannedOn", "training.plan.plannedOn.outsideYear");
            }
        }

        @Override
        public void afterWrite(RecordChange change) throws SQLException {
            boolean live = change.kind() != RecordChange.Kind.DELETE;
            try (PreparedStatement ps = change.connection().prepareStatement(
                    "UPDATE EMP_TRAINING_PLAN SET LIVE_KEY = ? WHERE ID = ?")) {
                if (live) {
                    ps.setString(1, change.unitId() + ":" + change.values().get("planYear"));
                } else {
                    ps.setNull(1, java.sql.Types.VARCHAR);
                }
                ps.setLong(2, change.id());
                LiveKeys.write(ps, "planYear", DUPLICATE);
            }
        }
    }
}
