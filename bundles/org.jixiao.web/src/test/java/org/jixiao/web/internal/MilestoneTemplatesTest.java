package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.Milestone.State;
import org.jixiao.api.performance.MilestoneMark;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.project.ProjectRegistry.ProjectIndicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The time-node page and the home page's overdue section render in both languages with hostile text where users
 * type, escape it, carry the CSRF token in every form and find every message they name.
 */
class MilestoneTemplatesTest {

    static final String EVIL = TemplateChecks.EVIL;
    private static final OrgUnit CITY = TemplateChecks.CITY;
    private static final OrgUnit COUNTY = TemplateChecks.COUNTY;
    private static final PerformanceYear PY = new PerformanceYear(2013, Step.EXECUTION, List.of());

    private static Milestone node(String id, LocalDate due, LocalDate defaultDue, LocalDate doneOn, String evidence,
            State state) {
        boolean moved = !due.equals(defaultDue);
        // The policy's clause as a project names it, which the page translates; hostile text elsewhere.
        String clause = "youth.refresh.march".equals(id) ? "附件2 第1项" : EVIL;
        return new Milestone(2013, COUNTY.id(), "employment", EVIL, id, EVIL, clause, due, defaultDue,
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

    @ParameterizedTest(name = "{0} city={1}")
    @MethodSource("org.jixiao.web.internal.TemplateChecks#localesAndSides")
    void theUnitsPageRendersForTheCityAndForAReader(Locale locale, boolean city) throws Exception {
        Actor actor = TemplateChecks.cityAdminOrCountyViewer(city, locale);
        Map<String, Object> m = TemplateChecks.unitModel(actor, "/perf/2013/milestones/4", PY);
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
        assertTrue(html.contains("<nav class=\"register-nav\"") && html.contains("href=\"/perf/2013/problems\""),
                "the year's pages beside the page");
        assertEquals(!city, html.contains("href=\"/perf/2013/targets/4\""), "a county's own pages in the year's nav");
        assertEquals(city, html.contains("name=\"action\" value=\"done\""), "mark-done forms");
        assertEquals(city, html.contains("name=\"action\" value=\"due\""), "due-date forms");
        assertTrue(html.contains("href=\"https://example.org/&lt;script&gt;"), "a link is a link, escaped");
        assertTrue(html.contains("?history=employment%3Ayouth.database.built"));
        assertTrue(html.contains(new Messages(locale).get("milestone.state.OVERDUE")));
        assertTrue(html.contains(new Messages(locale).get("milestone.evidence.required")));
        assertTrue(html.contains(Messages.ZH_CN.equals(locale) ? "<td>附件2 第1项</td>" : "<td>Annex 2, item 1</td>"),
                "the policy clause in the page's language");
    }

    @Test
    void theHomePageListsOverdueNodesAndNothingWhenThereAreNone() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Actor actor = new Actor(1, "admin", Set.of(Role.ADMIN), CITY, locale);
            Map<String, Object> m = TemplateChecks.model(actor, "/home");
            m.put("year", 2013);
            m.put("indicators", List.<ProjectIndicators>of());
            m.put("projects", List.of());
            m.put("changed", false);
            m.put("overdue", Map.of("total", 3, "byUnit", List.of(Map.of("unitId", "4", "unit", EVIL, "count", 3,
                    "names", List.of(EVIL, EVIL, EVIL))), "byNode", List.of()));
            String html = TemplateChecks.render("home", m, locale);
            TemplateChecks.check(html, "home " + locale, "milestones?|home|dashboard", true);
            String heading = new Messages(locale).get("home.overdue");
            assertTrue(html.contains(heading));
            assertTrue(html.contains("href=\"/perf/2013/milestones/4\""));
            assertTrue(html.contains("<td class=\"num\">3</td>"), html);

            m.put("overdue", Map.of("total", 0, "byUnit", List.of(), "byNode", List.of()));
            assertFalse(TemplateChecks.render("home", m, locale).contains(heading), "nothing when none");
            m.remove("overdue");
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
        List<String> keys = new ArrayList<>(BundleKeysTest.enumKeys("milestone.state.", State.values()));
        keys.addAll(List.of("milestone.unknown", "milestone.due.required", "milestone.due.range",
                "milestone.doneOn.required", "milestone.doneOn.future", "milestone.doneOn.range",
                "milestone.evidence.required", "milestone.evidence.tooLong"));
        BundleKeysTest.assertTranslated(keys);
    }
}
