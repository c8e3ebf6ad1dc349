package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.Lock;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.SelfAssessment;
import org.jixiao.api.performance.SelfAssessment.State;
import org.jixiao.api.performance.SelfAssessmentClaim;
import org.jixiao.api.performance.SelfAssessmentStatus;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.StepWindow;
import org.junit.jupiter.api.Test;

/**
 * The self-assessment templates render in both languages with hostile text everywhere the user types, escape
 * it, carry the CSRF token in every form and find every message they name.
 */
class SelfAssessmentTemplatesTest {

    static final String EVIL = TemplateChecks.EVIL;
    private static final OrgUnit CITY = TemplateChecks.CITY;
    private static final PerformanceYear PY = new PerformanceYear(2013, Step.SELF_ASSESSMENT,
            List.of(new StepWindow(Step.SELF_ASSESSMENT, LocalDate.of(2013, 12, 1), LocalDate.of(2013, 12, 31))));

    private static Map<String, Object> base(Actor actor) {
        Map<String, Object> model = TemplateChecks.model(actor, "/perf/2013/self-assessment");
        model.put("py", PY);
        return model;
    }

    private static SelfAssessment report(State state) {
        IndicatorRef a = new IndicatorRef("employment", "youth.trained");
        IndicatorRef b = new IndicatorRef("employment", "loans.count");
        return new SelfAssessment(2013, 4, EVIL, state, List.of(
                new SelfAssessmentClaim(a, EVIL, "人", new BigDecimal("400"), new BigDecimal("410"), EVIL,
                        new BigDecimal("400"), true),
                new SelfAssessmentClaim(b, "贷款", "笔", null, null, null, null, false)),
                EVIL, EVIL, EVIL, Instant.parse("2013-12-10T02:00:00Z"), EVIL, Instant.parse("2013-12-11T02:00:00Z"),
                EVIL);
    }

    @Test
    void theReportPrintsAsADocumentWithItsMismatchFlags() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Map<String, Object> m = base(new Actor(1, "admin", Set.of(Role.ADMIN), CITY, locale));
            Documents.header(m, new DocumentHeader(new org.jixiao.api.testing.FixedOrgUnits(), "", ""),
                    new Messages(locale), 2013, "", java.time.LocalDate.of(2013, 12, 20));
            m.put("report", report(State.SUBMITTED));
            String html = TemplateChecks.render("perf-self-assessment-document", m, locale);
            TemplateChecks.check(html.replace("<script src=\"/static/print.js\" defer></script>", ""),
                    "self-assessment document " + locale, "saDoc|selfAssessment|indicator|targetDoc", true);
            Messages messages = new Messages(locale);
            assertTrue(html.contains("<strong>" + messages.get("selfAssessment.mismatch") + "</strong>"), html);
            assertTrue(html.contains("410") && html.contains("400"), "the claim beside the figure the records give");
            assertTrue(html.contains(messages.get("targetDoc.signature")), "the unit signs what it submitted");
        }
    }

    @Test
    void theReportFormRendersForTheUnitAndForTheCity() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            for (State state : State.values()) {
                for (boolean edit : List.of(true, false)) {
                    Map<String, Object> m = base(new Actor(1, "admin", Set.of(Role.ADMIN, Role.STAFF), CITY, locale));
                    m.put("report", report(state));
                    m.put("canEdit", edit);
                    m.put("canDecide", state == State.SUBMITTED);
                    m.put("lock", edit && state == State.RETURNED
                            ? new Lock("lock.windowClosed", List.of("2013-12-01", "2013-12-31"), "lock.unlock.cityAdmin")
                            : null);
                    m.put("claimed", Map.of("employment:youth.trained", EVIL));
                    m.put("explanation", Map.of("employment:youth.trained", EVIL));
                    m.put("problems", EVIL);
                    m.put("rectification", EVIL);
                    m.put("comment", EVIL);
                    m.put("saved", true);
                    m.put("submitted", true);
                    m.put("decided", true);
                    m.put("errors", Map.of("claimed.employment:youth.trained", "selfAssessment.claimed.invalid",
                            "claims", "selfAssessment.claims.incomplete", "year", "lock.windowClosed",
                            "comment", "selfAssessment.comment.required"));
                    String html = TemplateChecks.render("perf-self-assessment", m, locale);
                    TemplateChecks.check(html, "perf-self-assessment " + state + " edit=" + edit + " " + locale,
                            "selfAssessment", false);
                    assertTrue(html.contains("&lt;script&gt;"));
                    assertTrue(html.contains(edit ? "name=\"claimed.employment:youth.trained\"" : "410"));
                }
            }
        }
    }

    @Test
    void theOverviewRenders() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Map<String, Object> m = base(new Actor(1, "admin", Set.of(Role.ADMIN), CITY, locale));
            m.put("window", PY.window(Step.SELF_ASSESSMENT).orElseThrow());
            m.put("units", List.of(
                    new SelfAssessmentStatus(2013, 4, EVIL, OrgLevel.COUNTY, State.SUBMITTED,
                            Instant.parse("2013-12-10T02:00:00Z"), Instant.parse("2013-12-10T02:00:00Z"), EVIL, null,
                            null),
                    new SelfAssessmentStatus(2013, 5, "开发区", OrgLevel.ZONE, State.DRAFT, null, null, null, null,
                            null)));
            m.put("counts", List.of(Map.of("state", "DRAFT", "count", 1), Map.of("state", "SUBMITTED", "count", 1),
                    Map.of("state", "RETURNED", "count", 0), Map.of("state", "ACCEPTED", "count", 0)));
            m.put("canDecide", true);
            String html = TemplateChecks.render("perf-self-assessments", m, locale);
            TemplateChecks.check(html, "perf-self-assessments " + locale, "selfAssessment", false);
            assertTrue(html.contains("/perf/2013/self-assessment/4"));
        }
    }

    /** A lock names the step the year stands at by its name, and a year as its digits, never an enum or "2,031". */
    @Test
    void aLockSaysWhyInWordsOfThePage() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Messages messages = new Messages(locale);
            for (Lock lock : List.of(new Lock("lock.otherStep", List.of("COMPREHENSIVE_EVALUATION"),
                    "lock.unlock.cityAdmin"), new Lock("lock.yearNotOpen", List.of(2031), "lock.unlock.cityAdmin"))) {
                Map<String, Object> m = base(new Actor(2, "staff", Set.of(Role.STAFF), TemplateChecks.COUNTY, locale));
                m.put("report", report(State.DRAFT));
                m.put("canEdit", true);
                m.put("canDecide", false);
                m.put("lock", lock);
                m.put("claimed", Map.of());
                m.put("explanation", Map.of());
                m.put("problems", "");
                m.put("rectification", "");
                m.put("comment", "");
                m.put("saved", false);
                m.put("submitted", false);
                m.put("decided", false);
                String html = TemplateChecks.render("perf-self-assessment", m, locale);
                assertFalse(html.contains("COMPREHENSIVE_EVALUATION"), html);
                assertFalse(html.contains("2,031"), html);
                String reason = "lock.otherStep".equals(lock.reasonKey())
                        ? messages.get("lock.otherStep", messages.get("step.COMPREHENSIVE_EVALUATION"))
                        : messages.get("lock.yearNotOpen", "2031");
                assertTrue(html.contains(reason.replace("\"", "&quot;")), html);
            }
        }
    }

    @Test
    void everyLiteralKeyExistsInBothLanguages() {
        BundleKeysTest.assertTranslated(BundleKeysTest.enumKeys("selfAssessment.state.", State.values()));
    }
}
