package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.performance.EvidenceFile;
import org.jixiao.api.performance.ManualAnswer;
import org.jixiao.api.performance.ManualIndicator;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.project.Comparison;
import org.junit.jupiter.api.Test;

/**
 * The manual-indicator pages render in both languages with hostile text where users type, escape it, carry the CSRF
 * token in every form (the upload form too), offer the forms only to who may use them and find every message.
 */
class ManualTemplatesTest {

    static final String EVIL = TemplateChecks.EVIL;
    private static final OrgUnit CITY = TemplateChecks.CITY;
    private static final OrgUnit COUNTY = TemplateChecks.COUNTY;
    private static final PerformanceYear PY = new PerformanceYear(2013, Step.TRACKING, List.of());
    private static final Instant AT = Instant.parse("2013-03-01T02:00:00Z");
    private static final TargetRule FOUR = new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST, BigDecimal.valueOf(4));

    private static ManualIndicator indicator(long id, boolean local, boolean withdrawn) {
        return new ManualIndicator(id, 2013, local ? COUNTY.id() : CITY.id(), local, EVIL + id, EVIL, EVIL, EVIL,
                EVIL, null, local ? null : EVIL, FOUR, AT, EVIL, withdrawn ? AT : null);
    }

    @Test
    void theCitysListOffersTheDefinitionFormToTargetSettersOnly() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            for (boolean setter : List.of(true, false)) {
                Actor actor = new Actor(1, "u", setter ? Set.of(Role.TARGET_SETTER) : Set.of(Role.VIEWER), CITY,
                        locale);
                Map<String, Object> m = TemplateChecks.model(actor, "/perf/2013/manual");
                m.put("py", PY);
                m.put("indicators", List.of(indicator(1, false, false), indicator(2, false, true)));
                m.put("units", List.of(COUNTY));
                m.put("canDefine", setter);
                m.put("kinds", List.of("ABSOLUTE", "SHARE", "RATE", "BASELINE_RELATIVE"));
                m.put("comparisons", List.of(Comparison.values()));
                m.put("saved", true);
                m.put("errors", Map.of("nameZh", "manual.name.required", "value", "target.value.invalid"));
                m.put("submitted", Map.of("nameZh", EVIL, "clause", EVIL));
                String html = TemplateChecks.render("perf-manual", m, locale);
                TemplateChecks.check(html, "perf-manual setter=" + setter + " " + locale, "manual|target", true);
                assertEquals(setter, html.contains("value=\"define\""), "definition form");
                // Only the one that is not withdrawn can be withdrawn.
                assertEquals(setter ? 1 : 0, html.split("value=\"withdraw\"", -1).length - 1);
                assertTrue(html.contains("href=\"/perf/2013/manual/4\""));
            }
        }
    }

    @Test
    void theUnitsPageOffersAnswersUploadsAndLocalIndicatorsToWhoMayUseThem() throws Exception {
        EvidenceFile file = new EvidenceFile(9, EVIL + ".pdf", "application/pdf", 2048, "a".repeat(64), AT, EVIL);
        for (Locale locale : TemplateChecks.LOCALES) {
            for (boolean staff : List.of(true, false)) {
                Actor actor = staff ? new Actor(1, "c1.admin", Set.of(Role.ADMIN, Role.STAFF), COUNTY, locale)
                        : new Actor(2, "c1.viewer", Set.of(Role.VIEWER), COUNTY, locale);
                Map<String, Object> m = TemplateChecks.unitModel(actor, "/perf/2013/manual/4", PY);
                m.put("city", List.of(indicator(1, false, false), indicator(3, false, false)));
                m.put("local", List.of(indicator(2, true, false), indicator(5, true, true)));
                m.put("answers", Map.of("1", new ManualAnswer(1, 4, new BigDecimal("5"), EVIL, AT, EVIL, List.of(file)),
                        "2", new ManualAnswer(2, 4, null, null, null, null, List.of())));
                TargetRule six = new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST, BigDecimal.valueOf(6));
                m.put("cityTargets", Map.of("1", new Target(2013, 4, indicator(1, false, false).ref(), EVIL, EVIL, EVIL,
                        FOUR, six, true, null, AT, EVIL)));
                m.put("canWrite", staff);
                m.put("canDefine", staff);
                m.put("fileTypes", "pdf, png");
                m.put("fileAccept", ".pdf,.png");
                m.put("fileMaxMb", 20L);
                m.put("kinds", List.of("ABSOLUTE", "SHARE", "RATE"));
                m.put("comparisons", List.of(Comparison.values()));
                m.put("saved", false);
                m.put("errors", Map.of("value", "target.value.invalid"));
                m.put("failedAction", "answer");
                m.put("failedIndicator", "1");
                m.put("submitted", Map.of("value", EVIL, "note", EVIL));
                String html = TemplateChecks.render("perf-manual-unit", m, locale);
                TemplateChecks.check(html, "perf-manual-unit staff=" + staff + " " + locale, "manual|target", true);
                // Three indicators open for answers (two city, one local that is not withdrawn).
                assertEquals(staff ? 3 : 0, html.split("value=\"answer\"", -1).length - 1, "answer forms");
                assertEquals(staff ? 3 : 0, html.split("enctype=\"multipart/form-data\"", -1).length - 1, "uploads");
                assertEquals(staff, html.contains("value=\"remove\""), "remove the file");
                assertEquals(staff, html.contains("value=\"define\""), "define a local indicator");
                assertEquals(staff ? 1 : 0, html.split("value=\"change\"", -1).length - 1, "change the local one");
                assertTrue(html.contains("href=\"/perf/2013/evidence/9\""), "the file downloads");
                assertTrue(html.contains("≥ 6"), "the unit's own target of a city indicator");
                assertFalse(html.contains("?_csrf="), "the token never travels in a URL");
                assertTrue(html.contains(new Messages(locale).get("manual.local.hint")));
                assertTrue(html.contains(Templates.when(AT)), "times in the node's zone, to the minute");
                assertFalse(html.contains("T02:00:00Z"), "never an ISO instant");
            }
        }
    }

    @Test
    void downloadsAreAttachmentsWithBothFileNames() {
        assertEquals("attachment; filename=\"____.pdf\"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81.pdf",
                Http.attachment("会议纪要.pdf"));
        assertEquals("attachment; filename=\"a_b c.txt\"; filename*=UTF-8''a%22b%20c.txt",
                Http.attachment("a\"b c.txt"));
    }
}
