package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.MonthlyProgress;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.ProcedureNote;
import org.jixiao.api.performance.Problem;
import org.jixiao.api.performance.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tracking pages render in both languages with hostile text where users type, escape it, carry the CSRF token in
 * every form, offer the forms only to who may use them and find every message they name.
 */
class TrackingTemplatesTest {

    static final String EVIL = TemplateChecks.EVIL;
    private static final OrgUnit CITY = TemplateChecks.CITY;
    private static final OrgUnit COUNTY = TemplateChecks.COUNTY;
    private static final PerformanceYear PY = new PerformanceYear(2013, Step.TRACKING, List.of());
    private static final LocalDate TODAY = LocalDate.of(2013, 5, 10);

    private static Problem problem(long id, Problem.State state, LocalDate due) {
        Instant at = Instant.parse("2013-03-01T02:00:00Z");
        boolean closed = state == Problem.State.CLOSED;
        return new Problem(id, 2013, COUNTY.id(), EVIL, id % 2 == 0 ? null : "employment", EVIL + id, EVIL, EVIL,
                EVIL, EVIL, due, state, state.pending() ? null : EVIL, EVIL, at, EVIL, at, closed ? EVIL : null,
                closed ? at : null, id == 3 ? EVIL : null);
    }

    private static List<Problem> problems() {
        return List.of(problem(1, Problem.State.OPEN, LocalDate.of(2013, 4, 30)),
                problem(2, Problem.State.RECTIFYING, null),
                problem(3, Problem.State.RECTIFIED, LocalDate.of(2013, 4, 1)),
                problem(4, Problem.State.CLOSED, LocalDate.of(2013, 4, 1)));
    }

    private static MonthlyProgress progress() {
        BigDecimal[] months = new BigDecimal[12];
        BigDecimal[] completion = new BigDecimal[12];
        months[0] = new BigDecimal("50");
        completion[0] = new BigDecimal("25.00");
        months[4] = new BigDecimal("250");
        completion[4] = new BigDecimal("100.00");
        return new MonthlyProgress(new IndicatorRef("employment", "youth.jobseekers"), EVIL, EVIL,
                new BigDecimal("200"), Arrays.asList(months), Arrays.asList(completion));
    }

    @ParameterizedTest(name = "{0} city={1}")
    @MethodSource("org.jixiao.web.internal.TemplateChecks#localesAndSides")
    void theUnitsTrackingPageRendersForTheCityAndForAReader(Locale locale, boolean city) throws Exception {
        Actor actor = TemplateChecks.cityAdminOrCountyViewer(city, locale);
        Map<String, Object> m = TemplateChecks.unitModel(actor, "/perf/2013/tracking/4", PY);
        m.put("progress", List.of(progress()));
        m.put("months", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        m.put("problems", problems());
        m.put("overdueIds", TrackingPages.overdueIds(problems(), TODAY));
        m.put("projectIds", List.of("employment"));
        m.put("today", TODAY.toString());
        m.put("canWrite", city);
        m.put("canDecide", city);
        m.put("dueMin", "2013-01-01");
        m.put("dueMax", "2014-12-31");
        m.put("saved", true);
        m.put("errors", Map.of("title", "problem.title.required", "dueOn", "common.date.invalid"));
        m.put("failedAction", "record");
        m.put("failedProblem", "");
        m.put("submitted", Map.of("title", EVIL, "description", EVIL));
        m.put("milestones", List.of(new Milestone(2013, 4, "employment", EVIL, "n", EVIL, EVIL,
                LocalDate.of(2013, 3, 31), LocalDate.of(2013, 3, 31), null, null, null, null, null, null,
                Milestone.State.OVERDUE)));
        m.put("milestoneCounts", List.of(Map.of("state", "OVERDUE", "count", 1),
                Map.of("state", "DONE", "count", 0)));
        String html = TemplateChecks.render("perf-tracking", m, locale);
        TemplateChecks.check(html, "perf-tracking city=" + city + " " + locale,
                "tracking|problems?|procedure", true);
        Messages msg = new Messages(locale);
        assertEquals(city, html.contains("value=\"record\""), "record form");
        assertEquals(city, html.contains("value=\"update\""), "update forms");
        assertEquals(city, html.contains("value=\"rectified\""), "rectified forms");
        assertEquals(city, html.contains("value=\"close\""), "close form for the rectified problem");
        assertEquals(city, html.contains("value=\"reopen\""), "reopen forms");
        assertTrue(html.contains(msg.get("problem.overdue")), "problem 1 is overdue");
        assertTrue(html.contains(msg.get("tracking.month.12")));
        assertTrue(html.contains("25%") && html.contains("100%"), "completion shown per month");
        assertTrue(html.contains(msg.get("problem.state.RECTIFIED")));
        assertTrue(html.contains(msg.get("milestone.state.OVERDUE")));
        assertTrue(html.contains("href=\"/perf/procedure/employment\""));
        assertTrue(html.contains(msg.get("problem.title.required")), "the error shows");
    }

    @Test
    void theCitysListFlagsOverdueProblems() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Actor actor = new Actor(1, "assessor", Set.of(Role.ASSESSOR), CITY, locale);
            Map<String, Object> m = TemplateChecks.model(actor, "/perf/2013/problems");
            m.put("py", PY);
            m.put("problems", problems());
            m.put("overdueIds", TrackingPages.overdueIds(problems(), TODAY));
            m.put("overdueCount", 1);
            m.put("pendingCount", 2);
            m.put("today", TODAY.toString());
            String html = TemplateChecks.render("perf-problems", m, locale);
            TemplateChecks.check(html, "perf-problems " + locale, "tracking|problems?|procedure", true);
            assertEquals(1, html.split(">" + new Messages(locale).get("problem.overdue") + "<", -1).length - 1,
                    "only the open problem past its day");
            assertTrue(html.contains("href=\"/perf/2013/tracking/4#problem-3\""));
            m.put("problems", List.of());
            m.put("overdueIds", List.of());
            assertTrue(TemplateChecks.render("perf-problems", m, locale).contains(new Messages(locale).get("problem.none")));
        }
    }

    @Test
    void theProcedurePageShowsVersionsAndTheFormOnlyToWhoMayRevise() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            for (boolean city : List.of(true, false)) {
                Actor actor = city ? new Actor(1, "setter", Set.of(Role.TARGET_SETTER), CITY, locale)
                        : new Actor(2, "staff", Set.of(Role.STAFF), COUNTY, locale);
                Map<String, Object> m = TemplateChecks.model(actor, "/perf/procedure/employment");
                Instant at = Instant.parse("2013-04-01T02:00:00Z");
                List<ProcedureNote> versions = List.of(new ProcedureNote("employment", 2, EVIL, EVIL, 7L, EVIL, at),
                        new ProcedureNote("employment", 1, EVIL, EVIL, null, EVIL, at));
                m.put("projectId", "employment");
                m.put("versions", versions);
                m.put("current", versions.get(0));
                m.put("canRevise", city);
                m.put("saved", false);
                m.put("errors", Map.of("reason", "procedure.reason.required"));
                m.put("submittedReason", EVIL);
                String html = TemplateChecks.render("perf-procedure", m, locale);
                TemplateChecks.check(html, "perf-procedure city=" + city + " " + locale,
                        "tracking|problems?|procedure", true);
                assertEquals(city, html.contains("name=\"text\""), "the revise form");
                assertTrue(html.contains(new Messages(locale).get("procedure.version", "2")));
                assertTrue(html.contains(new Messages(locale).get("procedure.fromProblem", "7")));
            }
        }
    }

    @Test
    void everyLiteralKeyExistsInBothLanguages() {
        List<String> keys = new java.util.ArrayList<>(List.of("problem.project.unknown", "problem.title.required",
                "problem.title.tooLong", "problem.description.required", "problem.text.tooLong",
                "problem.owner.tooLong", "problem.dueOn.range", "problem.evidence.required",
                "problem.reason.required", "problem.reason.tooLong", "problem.state.notPending",
                "problem.state.notRectified", "problem.state.pending", "problem.state.stale",
                "procedure.project.unknown", "procedure.text.required", "procedure.text.tooLong",
                "procedure.reason.required", "procedure.reason.tooLong", "procedure.problem.unknown",
                "procedure.version.stale"));
        keys.addAll(BundleKeysTest.enumKeys("problem.state.", Problem.State.values()));
        for (int month = 1; month <= 12; month++) {
            keys.add("tracking.month." + month);
        }
        BundleKeysTest.assertTranslated(keys);
    }

    @Test
    void whoMayUseWhichForm() {
        Actor cityTargetSetter = new Actor(1, "s", Set.of(Role.TARGET_SETTER), CITY, Locale.ROOT);
        Actor cityViewer = new Actor(2, "v", Set.of(Role.VIEWER), CITY, Locale.ROOT);
        Actor countyAdmin = new Actor(3, "a", Set.of(Role.ADMIN, Role.ASSESSOR), COUNTY, Locale.ROOT);
        assertTrue(TrackingPages.canWrite(cityTargetSetter));
        assertFalse(TrackingPages.canWrite(cityViewer));
        assertTrue(TrackingPages.canWrite(countyAdmin));
        assertFalse(TrackingPages.canDecide(countyAdmin), "a county is not the city");
        assertFalse(TrackingPages.canDecide(cityTargetSetter));
        assertTrue(TrackingPages.canRevise(cityTargetSetter));
        assertFalse(TrackingPages.canRevise(countyAdmin));
    }
}
