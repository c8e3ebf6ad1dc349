package org.jixiao.project.employment.internal.hometown;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
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

/**
 * Work item 12: "a thousand students see their hometown" (附件2 第12项). The local university students of a county
 * (no ID number: a name, a university and an optional phone tell them apart; optionally the same person's youth
 * record), the mid-August events the county holds, and the students taking part in each, a child of the event.
 * The indicator counts distinct students across the county's events of the year: a student at two events is one.
 */
public final class HometownRegister {

    public static final String ID = "hometown";
    public static final String STUDENTS = "hometown-students";
    public static final String PARTICIPANTS = "hometown-participants";
    public static final String INDICATOR_STUDENTS = "hometown.students";
    public static final String CLAUSE = "附件2 第12项";
    /** The events' message prefix; the students' and participants' extend it. */
    static final String PREFIX = "hometown";

    public static final List<IndicatorDefinition> INDICATORS = List.of(
            new IndicatorDefinition(INDICATOR_STUDENTS, "indicator.hometown.students", "unit.person",
                    Comparison.AT_LEAST, BigDecimal.valueOf(200), CLAUSE));

    static final Gathering GATHERING = new Gathering("EMP_HOMETOWN_EVENT", "EMP_HOMETOWN_PARTICIPANT", "student",
            "STUDENT_ID", PREFIX);

    private HometownRegister() {
    }

    /** The events, the students, then the participants (children of the event, in its county). */
    public static List<RegisterDefinition> definitions() {
        RegisterDefinition events = GATHERING.gatherings(ID, "title")
                .field(Field.text("place", 100).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.text("organiser", 100).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.longText("notes", 1000)).build();
        RegisterDefinition students = RegisterDefinition.builder(STUDENTS, "EMP_HOMETOWN_STUDENT")
                .messages(PREFIX + ".student").unitColumn("COUNTY_ID")
                .field(Field.text("name", 50).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE, Field.Flag.SORTABLE))
                .field(Field.text("university", 100).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.text("major", 100).with(Field.Flag.LISTED))
                .field(Field.phone("phone"))
                .field(Field.reference("youth", "youth").withColumn("YOUTH_ID").with(Field.Flag.HELP))
                .hooks(new SameStudent()).build();
        RegisterDefinition participants = GATHERING.attendances(PARTICIPANTS, ID, "participant", STUDENTS).build();
        return List.of(events, students, participants);
    }

    /** Distinct students per county taking part in its events held from 1 January to min(asOf, 31 December). */
    public static Map<Long, Map<String, BigDecimal>> actualsAsOf(Store store, Collection<Long> orgUnitIds, int year,
            LocalDate asOf) {
        Map<Long, Map<String, BigDecimal>> out = new java.util.LinkedHashMap<>();
        GATHERING.distinct(store, "STUDENT_ID", orgUnitIds, year, asOf)
                .forEach((unit, n) -> out.put(unit, new java.util.LinkedHashMap<>(Map.of(INDICATOR_STUDENTS, n))));
        return out;
    }

    /**
     * The same name, university and phone (or none) twice in a county would count one person twice. The engine's
     * key skips a record whose phone is blank, so the rule is a hook.
     */
    static final class SameStudent implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            Map<String, Object> v = change.values();
            if (change.kind() == RecordChange.Kind.DELETE || errors.has("name") || errors.has("university")
                    || errors.has("phone")) {
                return;
            }
            Object phone = v.get("phone");
            try (PreparedStatement ps = change.connection().prepareStatement("SELECT COUNT(*) FROM "
                    + "EMP_HOMETOWN_STUDENT WHERE COUNTY_ID = ? AND DELETED_AT IS NULL AND NAME = ? AND UNIVERSITY = ? "
                    + "AND ID <> ? AND " + (phone == null ? "PHONE IS NULL" : "PHONE = ?"))) {
                ps.setLong(1, change.unitId());
                ps.setString(2, (String) v.get("name"));
                ps.setString(3, (String) v.get("university"));
                ps.setLong(4, change.id());
                if (phone != null) {
                    ps.setString(5, phone.toString());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        errors.add("name", "hometown.student.exists");
                    }
                }
            }
        }
    }
}
