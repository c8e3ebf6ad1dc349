package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.jixiao.api.Role;
import org.jixiao.api.assessment.Bonus;
import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.EvaluationResult;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.ScorePart;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.performance.TargetTable;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.testing.FixedOrgUnits;
import org.junit.jupiter.api.Test;

/**
 * Printed documents: the red header from the city's settings (the root unit's name by default), a document number
 * checked as digits, the evaluation results report in both languages with hostile names escaped, and the print
 * stylesheet numbering A4 pages in the reader's words.
 */
class DocumentsTest {

    private static final String EVIL = TemplateChecks.EVIL;
    private static final LocalDate DAY = LocalDate.of(2031, 12, 20);

    private static EvaluationRun run() {
        List<UnitInput> units = List.of(
                new UnitInput(2, EVIL, List.of(), 0, 0, true, null, null, null, BigDecimal.ONE),
                new UnitInput(3, "西区", List.of(), 0, 0, false, null, null, null, BigDecimal.ZERO));
        List<ScorePart> parts = List.of(new ScorePart("indicators", new BigDecimal("60"), new BigDecimal("80.5"),
                new BigDecimal("48.3"), EVIL), new ScorePart("bonus", BigDecimal.ZERO, null, BigDecimal.ONE, null));
        return new EvaluationRun(7, 2031, "standard", "1.2.0", "ab12", Instant.EPOCH, "assessor", true, null,
                new EvaluationInput(2031, units), new EvaluationResult(List.of(
                        new UnitScore(2, new BigDecimal("88.80"), parts), new UnitScore(3, new BigDecimal("90"),
                                parts))));
    }

    private static Map<String, Object> report(Locale locale, DocumentHeader header, String number) {
        Actor actor = new Actor(1, "admin", Set.of(Role.ADMIN), TemplateChecks.CITY, locale);
        Map<String, Object> m = TemplateChecks.model(actor, "/perf/2031/evaluation/runs/7/report");
        Documents.header(m, header, new Messages(locale), 2031, number, DAY);
        m.put("py", new PerformanceYear(2031, Step.PUBLISHED, List.of()));
        m.put("run", run());
        m.put("rows", EvaluationPages.rows(run()));
        m.put("bonuses", List.of(new Bonus(1, 2031, 2, EVIL, BigDecimal.ONE, EVIL, Instant.EPOCH, "staff",
                Instant.parse("2031-12-01T02:00:00Z"), "secretary", true)));
        return m;
    }

    @Test
    void theReportCarriesTheRedHeaderTheNumberTheRankingTheBonusesAndTheModule() throws Exception {
        DocumentHeader configured = new DocumentHeader(new FixedOrgUnits(), "共青团某市委员会", "团某发");
        for (Locale locale : TemplateChecks.LOCALES) {
            String html = TemplateChecks.render("perf-report", report(locale, configured, "12"), locale);
            String rest = html.replace("<script src=\"/static/print.js\" defer></script>", "");
            TemplateChecks.check(rest, "report " + locale, "report|document|evaluation", true);
            assertTrue(html.contains("class=\"red-issuer\""), html);
            assertTrue(html.contains("共青团某市委员会"));
            assertTrue(html.contains("团某发") && html.contains("2031") && html.contains("12"), html);
            assertTrue(html.indexOf("西区") < html.indexOf("&lt;script&gt;"), "the higher total first");
            assertTrue(html.contains("secretary"), "the bonus names who approved it");
            assertTrue(html.contains("ab12") && html.contains("1.2.0"), "the module that scored it");
            assertTrue(html.contains("/static/print-" + Http.lang(locale) + ".css"), "the numbered pages");
            assertFalse(html.contains("<h1>"), "the document's own title replaces the page heading");
        }
    }

    @Test
    void theCommitteeDefaultsToTheRootUnitAndTheNumberIsDigitsOnly() throws Exception {
        DocumentHeader defaults = new DocumentHeader(new FixedOrgUnits(), " ", "");
        Map<String, Object> m = report(Messages.ZH_CN, defaults, "");
        assertEquals(FixedOrgUnits.CITY.name(), m.get("committee"));
        assertEquals(new Messages(Messages.ZH_CN).get("document.numberPrefix"), m.get("docPrefix"));
        assertEquals("2031年12月20日", m.get("docDate"));
        Map<String, Object> bad = report(Messages.ZH_CN, defaults, "12; DROP");
        assertEquals("", bad.get("docNumber"));
        assertEquals(Map.of("number", "document.number.invalid"), bad.get("errors"));
        String html = TemplateChecks.render("perf-report", bad, Messages.ZH_CN);
        assertTrue(html.contains(new Messages(Messages.ZH_CN).get("document.number.invalid")), html);
    }

    @Test
    void theTargetDocumentListsTargetsAndNodesWithSignatureLinesForBothParties() throws Exception {
        DocumentHeader header = new DocumentHeader(new FixedOrgUnits(), "", "");
        TargetRule rule = new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST, new BigDecimal("200"));
        TargetTable table = new TargetTable(2031, 4, EVIL, List.of(new Target(2031, 4,
                IndicatorRef.parse("employment:jobs"), EVIL, "人", "附件2 第1项", rule, rule, true, null,
                Instant.EPOCH, "setter")), null, null);
        Milestone node = new Milestone(2031, 4, "employment", EVIL, "march", EVIL, "附件2 第1项",
                LocalDate.of(2031, 3, 31), LocalDate.of(2031, 3, 31), null, null, null, null, null, null,
                Milestone.State.PENDING);
        for (Locale locale : TemplateChecks.LOCALES) {
            Actor actor = new Actor(1, "admin", Set.of(Role.ADMIN), TemplateChecks.CITY, locale);
            Map<String, Object> m = TemplateChecks.model(actor, "/perf/2031/targets/4/document");
            Documents.header(m, header, new Messages(locale), 2031, "3", DAY);
            m.put("py", new PerformanceYear(2031, Step.TARGET_SETTING, List.of()));
            m.put("table", table);
            m.put("milestones", List.of(node));
            String html = TemplateChecks.render("perf-target-document", m, locale);
            TemplateChecks.check(html.replace("<script src=\"/static/print.js\" defer></script>", ""),
                    "target document " + locale, "targetDoc|document|indicator|milestones", true);
            Messages messages = new Messages(locale);
            assertTrue(html.contains("≥ 200"), html);
            assertTrue(html.contains("2031-03-31"));
            assertTrue(html.contains("<p class=\"notice noprint\">"), "not approved yet: a draft");
            assertEquals(2, html.split(java.util.regex.Pattern.quote(messages.get("targetDoc.signature")), -1).length
                    - 1, "a signature line for each party");
        }
    }

    @Test
    void printedPagesAreA4AndNumberedInTheReadersWords() {
        String zh = StaticServlet.printStylesheet(Messages.ZH_CN);
        assertTrue(zh.contains("size: A4"), zh);
        assertTrue(zh.contains("content: \"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""), zh);
        String en = StaticServlet.printStylesheet(Locale.ENGLISH);
        assertTrue(en.contains("content: \"Page \" counter(page) \" of \" counter(pages)"), en);
    }
}
