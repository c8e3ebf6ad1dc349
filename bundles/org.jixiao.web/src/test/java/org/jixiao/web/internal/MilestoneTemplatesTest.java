package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.Milestone.State;
import org.jixiao.api.performance.MilestoneMark;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.project.ProjectRegistry.ProjectIndicators;
import org.junit.jupiter.api.Test;

/**
 * The time-node page and the home page's overdue section render in both languages with hostile text where users
 * type, escape it, carry the CSRF token in every form and find every message they name.
 */
class MilestoneTemplatesTest {

    static final String EVIL = TemplateChecks.EVIL;
        private static final OrgUnit CITY = new OrgUnit(1, null, "city", "团市委", OrgLevel.CITY, "/1/");
    private static final OrgUnit COUNTY = new OrgUnit(4, 1L, "c1", EVIL, OrgLevel.COUNTY, "/1/4/");
    private static final PerformanceYear PY = new PerformanceYear(2013, Step.EXECUTION, List.of());

    private static Map<String, Object> base(Actor actor, String path) {
        Map<String, Object> model = new HashMap<>();
        model.put("actor", actor);
        model.put("csrfToken", TemplateChecks.TOKEN);
        model.put("path", path);
        model.put("errors", new HashMap<String, String>());
        model.put("isAdmin", actor.has(Role.ADMIN));
        model.put("base", "");
        return model;
    }

    private static Milestone node(String id, LocalDate due, LocalDate defaultDue, LocalDate doneOn, String evidence,
            State state) {
        boolean moved = !due.equals(defaultDue);
        return new Milestone(2013, COUNTY.id(), "employment", EVIL, id, EVIL, EVIL, due, defaultDue,
                moved ? EVIL : null, moved ? Instant.parse("2013-04-01T02:00:00Z") : null,
                doneOn, evidence, doneOn == null ? null : EVIL,
                doneOn == null ? null : Instant.parse("2013-06-01T02:00:00Z"), state);
    }

    private static List<Milestone> nodes() {
        return List.of(
                node("youth.refresh.march", LocalDate.of(2013, 3, 31), LocalDate.of(2013, 3, 31), null, null,
                        State.OVERDUE),
                node("youth.database.built", LocalDate.of(2013, 6, 30), LocalDate.of(2013, 5, 31),
                        LocalDate.of(2013, 5, 30), "https://example.org/" + EVIL, State.DONE),
                node("youth.refresh.september", LocalDate.of(2013, 9, 30), LocalDate.of(2013, 9, 30),
                        LocalDate.of(2013, 10, 2), EVIL, State.DONE_LATE),
                node("other", LocalDate.of(2013, 12, 31), LocalDate.of(2013, 12, 31), null, null, State.PENDING));
    }



    @Test
    void theUnitsPageRendersForTheCityAndForAReader() throws Exception {
        for (Locale locale : List.of(Messages.ZH_CN, Locale.ENGLISH)) {
            for (boolean city : List.of(true, false)) {
                Actor actor = city ? new Actor(1, "admin", Set.of(Role.ADMIN, Role.STAFF), CITY, locale)
                        : new Actor(2, "viewer", Set.of(Role.VIEWER), COUNTY, locale);
                Map<String, Object> m = base(actor, "/perf/2013/milestones/4");
                m.put("py", PY);
                m.put("unit", COUNTY);
                m.put("milestones", nodes());
                m.put("today", "2013-10-10");
                m.put("canMark", city);
                m.put("canAdjust", city);
                m.put("doneMin", "2013-01-01");
                m.put("doneMax", "2013-10-10");
                m.put("dueMin", "2013-01-01");
                m.put("dueMax", "2013-12-31");
                m.put("saved", true);
                m.put("errors", Map.of("evidence", "milestone.evidence.required", "doneOn", "common.date.invalid"));
                m.put("failedKey", "employment:youth.refresh.march");
                m.put("failedAction", "done");
                m.put("submittedDoneOn", "x\"<");
                m.put("submittedEvidence", EVIL);
                m.put("historyOf", nodes().get(1));
                m.put("history", List.of(new MilestoneMark(LocalDate.of(2013, 5, 30), EVIL, EVIL,
                        Instant.parse("2013-06-01T02:00:00Z"))));
                String html = TemplateChecks.render("perf-milestones", m, locale);
                TemplateChecks.check(html, "perf-milestones city=" + city + " " + locale, "milestones?|home", true);
                assertEquals(city, html.contains("name=\"action\" value=\"done\""), "mark-done forms");
                assertEquals(city, html.contains("name=\"action\" value=\"due\""), "due-date forms");
                assertTrue(html.contains("href=\"https://example.org/&lt;script&gt;"), "a link is a link, escaped");
                assertTrue(html.contains("?history=employment%3Ayouth.database.built"));
                assertTrue(html.contains(new Messages(locale).get("milestone.state.OVERDUE")));
                assertTrue(html.contains(new Messages(locale).get("milestone.evidence.required")));
            }
        }
    }

    @Test
    void theHomePageListsOverdueNodesAndNothingWhenThereAreNone() throws Exception {
        for (Locale locale : List.of(Messages.ZH_CN, Locale.ENGLISH)) {
            Actor actor = new Actor(1, "admin", Set.of(Role.ADMIN), CITY, locale);
            Map<String, Object> m = base(actor, "/home");
            m.put("year", 2013);
            m.put("indicators", List.<ProjectIndicators>of());
            m.put("projects", List.of());
            m.put("changed", false);
            m.put("overdue", List.of(nodes().get(0)));
            m.put("overdueUnits", Map.of("4", EVIL));
            String html = TemplateChecks.render("home", m, locale);
            TemplateChecks.check(html, "home " + locale, "milestones?|home", true);
            String heading = new Messages(locale).get("home.overdue");
            assertTrue(html.contains(heading));
            assertTrue(html.contains("href=\"/perf/2013/milestones/4\""));
            assertTrue(html.contains("2013-03-31"));

            m.put("overdue", List.of());
            assertFalse(TemplateChecks.render("home", m, locale).contains(heading), "nothing when none");
            m.remove("overdue");
            m.remove("overdueUnits");
            assertFalse(TemplateChecks.render("home", m, locale).contains(heading), "nothing without the section's model");
        }
    }

    @Test
    void milestoneKeysSplitAtTheFirstColon() {
        assertArrayEquals(new String[] {"employment", "youth.database.built"},
                MilestonePages.split("employment:youth.database.built"));
        assertArrayEquals(new String[] {"p", "a:b"}, MilestonePages.split("p:a:b"));
        for (String bad : new String[] {null, "", "x", ":x", "x:"}) {
            assertArrayEquals(new String[2], MilestonePages.split(bad), bad);
        }
    }

    @Test
    void everyLiteralKeyExistsInBothLanguages() {
        Properties zh = BundleKeysTest.load("i18n/web.properties");
        Properties en = BundleKeysTest.load("i18n/web_en.properties");
        Set<String> missing = new TreeSet<>();
        for (State s : State.values()) {
            if (!zh.containsKey("milestone.state." + s) || !en.containsKey("milestone.state." + s)) {
                missing.add("milestone.state." + s);
            }
        }
        for (String k : List.of("milestone.unknown", "milestone.due.required", "milestone.due.range",
                "milestone.doneOn.required", "milestone.doneOn.future", "milestone.doneOn.range",
                "milestone.evidence.required", "milestone.evidence.tooLong")) {
            if (!zh.containsKey(k) || !en.containsKey(k)) {
                missing.add(k);
            }
        }
        assertTrue(missing.isEmpty(), "missing: " + missing);
    }
}
