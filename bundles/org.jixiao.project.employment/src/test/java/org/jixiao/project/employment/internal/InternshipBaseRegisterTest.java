package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.InternshipBaseFixture.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.employment.internal.internshipbase.InternshipBaseRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Internship bases (work item 6) on the register engine: the rules that are their own (dates in order, a base named
 * by positions kept in its county and closed rather than deleted: see InternshipRegisterTest), the entered-bases indicator as of any day and
 * the per-county summary. What every register does is the engine's tests'.
 */
class InternshipBaseRegisterTest extends EmploymentTestBase {


    @Test
    void aBaseIsNeitherEnteredNorClosedBeforeItWasEstablished() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> bases.create(A_STAFF, base("甲厂", A, "2013-02-01", "2013-01-31", "2013-01-31")));
        assertEquals(Map.of("enteredOn", "base.enteredOn.beforeEstablished", "closedOn",
                "base.closedOn.beforeEstablished"), e.fieldErrors());
        assertEquals(0, rows("EMP_INTERNSHIP_BASE"));
        long id = bases.create(A_STAFF, base("甲厂", A, "2013-02-01", "2013-02-01", "2013-02-01"));
        assertEquals(LocalDate.of(2013, 2, 1), bases.get(A_STAFF, id).value("closedOn"), "the same day is fine");
        // Blank: established today, as the form proposes.
        assertEquals(TODAY, bases.get(A_STAFF, bases.create(A_STAFF, base("乙厂", A, null, null, null)))
                .value("establishedOn"));
    }

    @Test
    void theIndicatorAndTimeNodeFollowThePolicy() {
        IndicatorDefinition d = assertPolicy(InternshipBaseRegister.INDICATOR_BASES, 80, "附件2 第6项");
        assertEquals("unit.base", d.unitKey());
        MilestoneDefinition m = assertTimeNode("internship.bases.built", 12, 31, "附件2 第6项");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (String key : List.of(d.nameKey(), d.unitKey(), m.nameKey())) {
                assertTrue(PageRender.keys(locale).contains(key), key + " in " + locale);
            }
        }
    }

    /**
     * County A: a1 established 2012 and entered 2012; a2 established 2012, entered March 2013; a3 never entered;
     * a4 entered 2012 and closed 31 May 2013; a5 entered and deleted; a6 established and entered in June 2013.
     * County B: one entered base.
     */
    @Test
    void actualsCountOpenBasesEnteredByTheDay() {
        bases.create(CITY_ADMIN, base("a1", A, "2012-03-01", "2012-04-01", null));
        bases.create(CITY_ADMIN, base("a2", A, "2012-05-01", "2013-03-10", null));
        bases.create(CITY_ADMIN, base("a3", A, "2012-05-01", null, null));
        bases.create(CITY_ADMIN, base("a4", A, "2012-02-01", "2012-02-02", "2013-05-31"));
        long a5 = bases.create(CITY_ADMIN, base("a5", A, "2012-02-01", "2012-02-02", null));
        bases.delete(CITY_ADMIN, a5);
        bases.create(CITY_ADMIN, base("a6", A, "2013-06-01", "2013-06-01", null));
        bases.create(CITY_ADMIN, base("b1", B, "2012-01-01", "2012-01-01", null));

        long a = FixedOrgUnits.COUNTY_A.id();
        long b = FixedOrgUnits.COUNTY_B.id();
        long city = FixedOrgUnits.CITY.id();
        String id = InternshipBaseRegister.INDICATOR_BASES;
        Map<Long, Map<String, BigDecimal>> y2012 = project.actuals(List.of(a, b, city), 2012);
        assertEquals(BigDecimal.valueOf(2), y2012.get(a).get(id), "a1 and a4");
        assertEquals(BigDecimal.ONE, y2012.get(b).get(id));
        assertEquals(BigDecimal.ZERO, y2012.get(city).get(id), "own bases only");
        assertEquals(BigDecimal.valueOf(3), project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 5, 30)).get(a)
                .get(id), "a1, a2 (entered in March), a4 (open until 31 May)");
        assertEquals(BigDecimal.valueOf(3), project.actualsAsOf(List.of(a), 2013, TODAY).get(a).get(id),
                "a4 closed, a6 added");
        assertEquals(BigDecimal.ONE, project.actualsAsOf(List.of(a), 2012, LocalDate.of(2012, 3, 31)).get(a).get(id),
                "only a4 by 31 March 2012");

        Map<String, Object> summary = body(project.web().handle(FakeWebRequest.api("GET", "/internship-bases/summary",
                CITY_ADMIN)));
        assertEquals("2013-06-15", summary.get("day"));
        assertEquals(List.of(Map.of("county", a, "countyName", FixedOrgUnits.COUNTY_A.name(), "live", 4L, "entered",
                3L, "met", false), Map.of("county", b, "countyName", FixedOrgUnits.COUNTY_B.name(), "live", 1L,
                "entered", 1L, "met", false)), summary.get("items"), "a3 is open but not entered");
        assertEquals(1, ((List<?>) body(project.web().handle(FakeWebRequest.api("GET", "/internship-bases/summary",
                A_STAFF))).get("items")).size(), "a county sees its own");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theSummaryPageRendersAndTheListLinksToIt(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        bases.create(A_STAFF, base("<b>基地</b>", A, "2013-01-05", "2013-01-06", null));
        String page = PageRender.render(project, project.web().handle(FakeWebRequest.html("GET",
                "/internship-bases/summary", CITY_ADMIN).param("county", A)), CITY_ADMIN, locale);
        assertTrue(page.contains(PageRender.msg(locale, "base.summary.notMet")));
        assertFalse(page.contains(FixedOrgUnits.COUNTY_B.name() + "</td>"), "narrowed to county A");
        // The engine's list (rendered by the web bundle) carries the link to it.
        WebResult list = project.web().handle(FakeWebRequest.html("GET", "/internship-bases", CITY_ADMIN));
        assertTrue(String.valueOf(list.model()).contains("internship-bases/summary"), String.valueOf(list.model()));
    }
}
