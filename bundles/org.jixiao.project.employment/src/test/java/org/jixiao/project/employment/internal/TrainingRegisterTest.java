package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.project.employment.internal.training.TrainingCategory;
import org.jixiao.project.employment.internal.training.TrainingRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Work item 4 on the register engine: one live plan per county and year, made in its year; attendees are youth of
 * the session's county attending once; what keeps sessions and youth from going or moving; the two indicators
 * (sessions with attendees, distinct trainees) and the county summary. Scope, roles, audit and field rules are the
 * engine's tests'.
 */
class TrainingRegisterTest extends EmploymentTestBase {

    private static final String[] TABLES = {"EMP_TRAINING_PLAN", "EMP_TRAINING_SESSION", "EMP_TRAINING_ATTENDEE"};

    private long y1;
    private long y2;
    private long y3;
    private long yb;

    @BeforeEach
    void youth() {
        y1 = youth("甲", LocalDate.of(1990, 2, 3), 11, "JOB_SEEKING", FixedOrgUnits.COUNTY_A);
        y2 = youth("乙", LocalDate.of(1990, 2, 4), 13, "ENTREPRENEUR", FixedOrgUnits.COUNTY_A);
        y3 = youth("丙", LocalDate.of(1990, 2, 5), 15, "JOB_SEEKING", FixedOrgUnits.COUNTY_A);
        yb = youth("丁", LocalDate.of(1991, 4, 5), 17, "JOB_SEEKING", FixedOrgUnits.COUNTY_B);
    }

    private static Map<String, Object> sessionForm(String county, String heldOn, String topic) {
        return form("unit", county, "heldOn", heldOn, "topic", topic, "category", "SKILLS", "partner", "县人社局",
                "place", "县职教中心");
    }

    private long session(String county, String heldOn, String topic) {
        return engine.create(CITY_ADMIN, project, TrainingRegister.ID, sessionForm(county, heldOn, topic));
    }

    private static Map<String, Object> planForm(String county, String year, String plannedOn) {
        return form("unit", county, "planYear", year, "plannedSessions", "4", "plannedTrainees", "450",
                "content", "创业培训两场，技能培训两场", "plannedOn", plannedOn);
    }

    private long plan(Actor actor, String county, String year, String plannedOn) {
        return engine.create(actor, project, TrainingRegister.PLANS, planForm(county, year, plannedOn));
    }

    private long attend(long session, long youth) {
        return engine.create(CITY_ADMIN, project, TrainingRegister.ATTENDEES, Map.of("parent", session, "youth",
                youth));
    }

    private Map<String, String> refused(Runnable write) {
        return refused(write, TABLES);
    }

    // ---------------------------------------------------------------- plans

    @Test
    void aCountyHasOneLivePlanAYearMadeInThatYear() {
        long p = plan(A_STAFF, A, "2013", null);
        assertEquals(TODAY, engine.get(A_STAFF, project, TrainingRegister.PLANS, p).value("plannedOn"),
                "made today when no day is given");
        assertEquals(Map.of("planYear", "register.error.duplicate"),
                refused(() -> plan(A_STAFF, A, "2013", "2013-01-10")));
        assertEquals(Map.of("plannedOn", "training.plan.plannedOn.outsideYear"),
                refused(() -> plan(A_STAFF, A, "2012", "2013-01-10")));
        plan(B_STAFF, B, "2013", "2013-01-10");
        plan(A_STAFF, A, "2012", "2012-01-10");

        engine.delete(A_STAFF, project, TrainingRegister.PLANS, p, "重新制定");
        plan(A_STAFF, A, "2013", "2013-02-01");
    }

    @Test
    void theDatabaseAdmitsOneLivePlanWhateverTheCheckMisses() {
        long p = plan(A_STAFF, A, "2013", "2013-01-10");
        // As a save that raced past the engine's check would find it: the other plan not yet seen as live.
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_TRAINING_PLAN SET DELETED_AT = "
                    + "CURRENT_TIMESTAMP WHERE ID = ?")) {
                ps.setLong(1, p);
                ps.executeUpdate();
            }
            return null;
        });
        assertEquals(Map.of("planYear", "register.error.duplicate"),
                refused(() -> plan(A_STAFF, A, "2013", "2013-02-01")));
    }

    // ---------------------------------------------------------------- sessions and attendees

    @Test
    void anAttendeeIsAYouthOfTheSessionsCountyAttendingOnce() {
        long s = session(A, "2013-03-01", "技能");
        long a = attend(s, y1);
        assertEquals(FixedOrgUnits.COUNTY_A.id(), engine.get(A_STAFF, project, TrainingRegister.ATTENDEES, a)
                .unitId(), "in the session's county");
        assertEquals(Map.of("youth", "register.error.otherUnit"), refused(() -> attend(s, yb)));
        assertEquals(Map.of("youth", "training.youth.duplicate"), refused(() -> attend(s, y1)));
        assertEquals(Map.of("heldOn", "training.heldOn.tooEarly"), refused(() -> session(A, "1999-12-31", "x")));

        engine.update(CITY_ADMIN, project, TrainingRegister.ATTENDEES, a, Map.of("youth", y1, "followUp", "已就业"),
                -1);
        assertEquals("已就业", engine.get(A_STAFF, project, TrainingRegister.ATTENDEES, a).value("followUp"));
        engine.delete(CITY_ADMIN, project, TrainingRegister.ATTENDEES, a, "登记有误");
        attend(s, y1);
    }

    @Test
    void feedbackIsEnteredByEditingTheSession() {
        long s = session(A, "2013-03-01", "技能");
        Map<String, Object> feedback = sessionForm(A, "2013-03-01", "技能");
        feedback.put("satisfaction", "6");
        assertEquals(Map.of("satisfaction", "register.error.tooLarge"), refused(() -> engine.update(CITY_ADMIN, project,
                TrainingRegister.ID, s, feedback, -1)));
        feedback.put("satisfaction", "5");
        feedback.put("feedback", "实用");
        engine.update(CITY_ADMIN, project, TrainingRegister.ID, s, feedback, -1);
        assertEquals(5L, engine.get(A_STAFF, project, TrainingRegister.ID, s).value("satisfaction"));
        assertEquals("实用", engine.get(A_STAFF, project, TrainingRegister.ID, s).value("feedback"));
    }

    @Test
    void aSessionOrYouthWithAttendeesNeitherMovesNorGoes() {
        long s = session(A, "2013-03-01", "技能");
        long a = attend(s, y1);
        Map<String, String> linked = Map.of(TrainingRegister.ATTENDEES, "training.attendee.linked");
        Map<String, Object> moved = sessionForm(B, "2013-03-01", "技能");
        assertEquals(linked, refused(() -> engine.update(CITY_ADMIN, project, TrainingRegister.ID, s, moved, -1)));
        assertEquals(linked, refused(() -> engine.delete(CITY_ADMIN, project, TrainingRegister.ID, s, "取消")));
        ValidationException e = assertThrows(ValidationException.class, () -> service.delete(CITY_ADMIN, y1));
        assertEquals(linked, e.fieldErrors());

        engine.delete(CITY_ADMIN, project, TrainingRegister.ATTENDEES, a, "登记有误");
        engine.update(CITY_ADMIN, project, TrainingRegister.ID, s, moved, -1);
        service.delete(CITY_ADMIN, y1);
    }

    // ---------------------------------------------------------------- indicators and summary

    @Test
    void indicatorsFollowThePolicy() {
        Map<String, IndicatorDefinition> defs = new HashMap<>();
        project.indicators().forEach(d -> defs.put(d.id(), d));
        assertEquals(new BigDecimal(3), defs.get(TrainingRegister.INDICATOR_SESSIONS).defaultTarget());
        assertEquals("unit.session", defs.get(TrainingRegister.INDICATOR_SESSIONS).unitKey());
        assertEquals(new BigDecimal(400), defs.get(TrainingRegister.INDICATOR_TRAINEES).defaultTarget());
        for (String id : List.of(TrainingRegister.INDICATOR_SESSIONS, TrainingRegister.INDICATOR_TRAINEES)) {
            assertEquals(Comparison.AT_LEAST, defs.get(id).comparison());
            assertEquals(TargetKind.ABSOLUTE, defs.get(id).kind());
            assertEquals("附件2 第4项", defs.get(id).clause());
        }
    }

    /**
     * s1, s2 and s6 are held in 2013 with attendees; s3 has none, s4 is deleted, s5 is 2012's, sb county B's; y3's
     * attendance at s6 is removed.
     */
    @Test
    void actualsOnHandMadeRecords() {
        long s1 = session(A, "2013-02-01", "s1");
        long s2 = session(A, "2013-03-01", "s2");
        session(A, "2013-04-01", "s3");
        long s4 = session(A, "2013-05-01", "s4");
        long s5 = session(A, "2012-12-20", "s5");
        long s6 = session(A, "2013-05-10", "s6");
        long sb = session(B, "2013-01-15", "sb");
        attend(s1, y1);
        attend(s1, y2);
        attend(s2, y1);
        attend(s2, y3);
        engine.delete(CITY_ADMIN, project, TrainingRegister.ATTENDEES, attend(s4, y2), "取消");
        engine.delete(CITY_ADMIN, project, TrainingRegister.ID, s4, "取消");
        attend(s5, y1);
        attend(s5, y2);
        attend(s5, y3);
        attend(s6, y1);
        engine.delete(CITY_ADMIN, project, TrainingRegister.ATTENDEES, attend(s6, y3), "登记有误");
        attend(sb, yb);

        long a = FixedOrgUnits.COUNTY_A.id();
        long b = FixedOrgUnits.COUNTY_B.id();
        long city = FixedOrgUnits.CITY.id();
        Map<Long, Map<String, BigDecimal>> now = project.actualsAsOf(List.of(a, b, city), 2013, TODAY);
        assertEquals(values(3, 3), trainingValues(now.get(a)),
                "s1, s2, s6 held with attendees; y1, y2, y3 each counted once");
        assertEquals(values(1, 1), trainingValues(now.get(b)));
        assertEquals(values(0, 0), trainingValues(now.get(city)), "only the unit's own sessions");
        assertEquals(values(1, 2), trainingValues(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 2, 28))
                .get(a)), "by the end of February: s1 only");
        assertEquals(values(0, 0), trainingValues(project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 1, 31))
                .get(a)));
        assertEquals(values(1, 3), trainingValues(project.actuals(List.of(a), 2012).get(a)));
        assertEquals(project.actuals(List.of(a, b), 2013), project.actualsAsOf(List.of(a, b), 2013,
                LocalDate.of(2014, 3, 1)), "after the year: its year-end figure");

        long p = plan(CITY_ADMIN, A, "2013", "2013-01-10");
        List<Map<String, Object>> summary = summary(CITY_ADMIN);
        assertEquals(List.of(A, B), summary.stream().map(r -> r.get("unit")).toList());
        assertEquals(Map.of("unit", A, "unitName", "甲县团委", "hasPlan", true, "planId", String.valueOf(p),
                "plannedSessions", "4", "plannedTrainees", "450", "sessions", 3L, "trainees", 3L), summary.get(0));
        assertEquals(false, summary.get(1).get("hasPlan"));
        assertEquals(List.of(B), summary(B_STAFF).stream().map(r -> r.get("unit")).toList());

        // Moving s2 into 2012 takes its attendances along: y3 was trained in 2012 only from then on.
        engine.update(CITY_ADMIN, project, TrainingRegister.ID, s2, sessionForm(A, "2012-12-01", "s2"), -1);
        assertEquals(values(2, 2), trainingValues(project.actualsAsOf(List.of(a), 2013, TODAY).get(a)));
        assertEquals(values(2, 3), trainingValues(project.actuals(List.of(a), 2012).get(a)));
    }

    private List<Map<String, Object>> summary(Actor actor) {
        return items("/training/summary", actor, "2013", null);
    }

    private static Map<String, BigDecimal> values(long sessions, long trainees) {
        return Map.of(TrainingRegister.INDICATOR_SESSIONS, BigDecimal.valueOf(sessions),
                TrainingRegister.INDICATOR_TRAINEES, BigDecimal.valueOf(trainees));
    }

    private static Map<String, BigDecimal> trainingValues(Map<String, BigDecimal> all) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (String id : List.of(TrainingRegister.INDICATOR_SESSIONS, TrainingRegister.INDICATOR_TRAINEES)) {
            out.put(id, all.get(id));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theSummaryRendersWithEveryMessagePresent(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        for (TrainingCategory c : TrainingCategory.values()) {
            assertTrue(PageRender.keys(locale).contains("training.category." + c.name()), c + " " + locale);
        }
        plan(A_STAFF, A, "2013", "2013-01-10");
        String page = PageRender.render(project, project.web().handle(FakeWebRequest.html("GET", "/training/summary",
                CITY_ADMIN)), CITY_ADMIN, locale);
        assertTrue(page.contains(MessageFormat.format(PageRender.msg(locale, "training.summary.planned"), 4, 450)));
        assertTrue(page.contains(PageRender.msg(locale, "training.summary.noPlan")), "county B has no plan");
        assertTrue(page.contains("/p/employment/training-plans/"));
        assertFalse(page.contains("${"));
    }
}
