package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.employment.internal.internship.InternshipRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Internship positions and placements (work item 5) on the register engine: their own rules (dates in the year and
 * the period, the base, one youth once per position and never in two internships at once, the places), the links
 * between them, the indicators as of any day and the per-county figures. What every register does is the engine's
 * tests'.
 */
class InternshipRegisterTest extends EmploymentTestBase {

    private static final LocalDate BIRTH = LocalDate.of(1990, 5, 17);

    private static Map<String, Object> position(String county, boolean gm, int places, String starts, String ends,
            Long base) {
        return form("unit", county, "employer", "青创电子厂", "post", gm ? "总经理助理" : "文员", "gmAssistant", String.valueOf(gm),
                "places", String.valueOf(places), "year", starts.substring(0, 4), "startsOn", starts, "endsOn", ends,
                "base", base == null ? null : String.valueOf(base));
    }

    private static Map<String, Object> placement(long position, long youth, String starts, String ends,
            String outcome, String employer, String convertedOn) {
        return form("parent", String.valueOf(position), "youth", String.valueOf(youth), "startsOn", starts,
                "endsOn", ends, "outcome", outcome, "convertedEmployer", employer, "convertedOn", convertedOn);
    }

    private long create(Actor actor, Map<String, Object> position) {
        return engine.create(actor, project, InternshipRegister.ID, position);
    }

    private long place(Actor actor, Map<String, Object> placement) {
        return engine.create(actor, project, InternshipRegister.PLACEMENTS, placement);
    }

    private long youth(String name, int seq, String county) {
        return service.create(CITY_ADMIN, person(name, BIRTH, seq, "JOB_SEEKING",
                county.equals(A) ? FixedOrgUnits.COUNTY_A : FixedOrgUnits.COUNTY_B, "2013-01-05"));
    }

    @Test
    void aPositionsDatesLieInItsYearInOrderAndItsBaseIsOfItsCountyAndOpenOnItsStart() {
        Map<String, Object> bad = position(A, true, 2, "2013-07-01", "2014-01-01", null);
        assertEquals(Map.of("endsOn", "internship.date.outsideYear"),
                refused(() -> create(A_STAFF, bad), "EMP_INTERNSHIP_POSITION"));
        Map<String, Object> backwards = position(A, true, 2, "2013-07-01", "2013-06-30", null);
        assertEquals(Map.of("endsOn", "internship.endsOn.beforeStart"),
                refused(() -> create(A_STAFF, backwards), "EMP_INTERNSHIP_POSITION"));
        Map<String, Object> farAhead = position(A, true, 2, "2015-01-01", "2015-02-01", null);
        assertEquals("internship.year.invalid", refused(() -> create(A_STAFF, farAhead), "EMP_INTERNSHIP_POSITION")
                .get("year"));
        assertTrue(create(A_STAFF, position(A, true, 2, "2014-01-01", "2014-02-01", null)) > 0, "next year is fine");

        long baseB = bases.create(CITY_ADMIN, InternshipBaseFixture.base("乙基地", B, "2013-01-05", null, null));
        long closing = bases.create(A_STAFF, InternshipBaseFixture.base("关闭基地", A, "2013-01-05", null,
                "2013-06-01"));
        assertEquals(Map.of("base", "register.error.otherUnit"), refused(() -> create(CITY_ADMIN,
                position(A, false, 1, "2013-05-01", "2013-12-31", baseB)), "EMP_INTERNSHIP_POSITION"));
        assertEquals(Map.of("base", "internship.base.closed"), refused(() -> create(A_STAFF,
                position(A, false, 1, "2013-06-01", "2013-12-31", closing)), "EMP_INTERNSHIP_POSITION"));
        long open = create(A_STAFF, position(A, false, 1, "2013-05-31", "2013-12-31", closing));
        // The base a position names is closed, not deleted, and stays in its county.
        assertEquals(Map.of("internships", "internship.linked"), refused(() -> bases.delete(A_STAFF, closing)));
        assertEquals(Map.of("internships", "internship.linked"), refused(() -> bases.update(CITY_ADMIN, closing,
                InternshipBaseFixture.base("关闭基地", B, "2013-01-05", null, "2013-06-01"))));
        assertEquals(closing, engine.get(A_STAFF, project, InternshipRegister.ID, open).value("base"));
    }

    @Test
    void aPlacementLiesInItsPositionsPeriodForAYouthOfItsCountyOnceAndNeverTwoAtOnce() {
        long li = youth("Li", 31, A);
        long han = youth("Han", 32, B);
        long p = create(A_STAFF, position(A, true, 2, "2013-03-01", "2013-08-31", null));
        long other = create(A_STAFF, position(A, false, 5, "2013-01-01", "2013-12-31", null));
        String[] t = {"EMP_INTERNSHIP_PLACEMENT"};
        assertEquals(Map.of("startsOn", "internship.placement.outsidePeriod", "endsOn",
                "internship.placement.outsidePeriod"), refused(() -> place(A_STAFF,
                placement(p, li, "2013-02-28", "2013-09-01", "IN_PROGRESS", null, null)), t));
        assertEquals(Map.of("youth", "register.error.otherUnit"), refused(() -> place(CITY_ADMIN,
                placement(p, han, "2013-03-01", null, "IN_PROGRESS", null, null)), t));
        long first = place(A_STAFF, placement(p, li, "2013-03-01", "2013-04-30", "IN_PROGRESS", null, null));
        assertEquals(FixedOrgUnits.COUNTY_A.id(), engine.get(A_STAFF, project, InternshipRegister.PLACEMENTS, first)
                .unitId(), "a placement is its position's county's");
        assertEquals(Map.of("youth", "internship.youth.alreadyPlaced"), refused(() -> place(A_STAFF,
                placement(p, li, "2013-06-01", null, "IN_PROGRESS", null, null)), t));
        assertEquals(Map.of("youth", "internship.youth.overlapping"), refused(() -> place(A_STAFF,
                placement(other, li, "2013-04-30", null, "IN_PROGRESS", null, null)), t));
        long second = place(A_STAFF, placement(other, li, "2013-05-01", null, "IN_PROGRESS", null, null));
        // An edit that moves one onto the other overlaps too; a placement without an end runs to its position's.
        assertEquals(Map.of("startsOn", "internship.youth.overlapping"), refused(() -> engine.update(A_STAFF, project,
                InternshipRegister.PLACEMENTS, first, placement(p, li, "2013-03-01", "2013-05-01", "IN_PROGRESS",
                        null, null), -1), t));
        engine.update(A_STAFF, project, InternshipRegister.PLACEMENTS, second, placement(other, li, "2013-05-01",
                null, "IN_PROGRESS", null, null), -1);

        // Two places: the third youth finds the position full.
        long wang = youth("Wang", 33, A);
        long zhao = youth("Zhao", 34, A);
        place(A_STAFF, placement(p, wang, "2013-03-01", null, "IN_PROGRESS", null, null));
        assertEquals(Map.of("youth", "internship.position.full"), refused(() -> place(A_STAFF,
                placement(p, zhao, "2013-03-01", null, "IN_PROGRESS", null, null)), t));
    }

    @Test
    void anEndedPlacementHasItsEndAndOnlyAConversionItsEmployerAndDay() {
        long li = youth("Li", 31, A);
        long p = create(A_STAFF, position(A, true, 2, "2013-03-01", "2013-08-31", null));
        String[] t = {"EMP_INTERNSHIP_PLACEMENT"};
        assertEquals(Map.of("endsOn", "internship.endsOn.required"), refused(() -> place(A_STAFF,
                placement(p, li, "2013-03-01", null, "COMPLETED", null, null)), t));
        assertEquals(Map.of("endsOn", "internship.date.future"), refused(() -> place(A_STAFF,
                placement(p, li, "2013-03-01", "2013-06-16", "LEFT", null, null)), t));
        assertEquals(Map.of("convertedEmployer", "internship.convertedEmployer.required", "convertedOn",
                "internship.convertedOn.required"), refused(() -> place(A_STAFF,
                placement(p, li, "2013-03-01", null, "CONVERTED", null, null)), t));
        assertEquals(Map.of("convertedOn", "internship.convertedOn.beforeStart"), refused(() -> place(A_STAFF,
                placement(p, li, "2013-03-01", null, "CONVERTED", "甲厂", "2013-02-28")), t));
        assertEquals(Map.of("convertedEmployer", "internship.conversion.onlyConverted", "convertedOn",
                "internship.conversion.onlyConverted"), refused(() -> place(A_STAFF,
                placement(p, li, "2013-03-01", null, "IN_PROGRESS", "甲厂", "2013-04-01")), t));
        assertTrue(place(A_STAFF, placement(p, li, "2013-03-01", "2013-06-15", "CONVERTED", "甲厂", "2013-06-15"))
                > 0, "a conversion may come on the last day");
    }

    @Test
    void aPositionWithInternsKeepsItsYearItsCountyAndEnoughPlacesAndTheirYouthStay() {
        long li = youth("Li", 31, A);
        long wang = youth("Wang", 33, A);
        long p = create(A_STAFF, position(A, true, 3, "2013-03-01", "2013-08-31", null));
        long one = place(A_STAFF, placement(p, li, "2013-03-01", null, "IN_PROGRESS", null, null));
        place(A_STAFF, placement(p, wang, "2013-03-01", null, "IN_PROGRESS", null, null));
        String[] t = {"EMP_INTERNSHIP_POSITION"};
        assertEquals(Map.of("places", "internship.places.belowPlaced"), refused(() -> engine.update(A_STAFF, project,
                InternshipRegister.ID, p, position(A, true, 1, "2013-03-01", "2013-08-31", null), -1), t));
        assertEquals(Map.of("year", "internship.year.linked"), refused(() -> engine.update(A_STAFF, project,
                InternshipRegister.ID, p, position(A, true, 3, "2014-03-01", "2014-08-31", null), -1), t));
        assertEquals(Map.of("internship-placements", "placement.linked"), refused(() -> engine.update(
                CITY_ADMIN, project, InternshipRegister.ID, p, position(B, true, 3, "2013-03-01", "2013-08-31", null),
                -1), t));
        assertEquals(Map.of("internship-placements", "placement.linked"),
                refused(() -> engine.delete(A_STAFF, project, InternshipRegister.ID, p, "重复"), t));
        assertEquals(Map.of("internship-placements", "placement.linked"),
                refused(() -> service.delete(A_STAFF, li), "EMP_YOUTH"));
        engine.update(A_STAFF, project, InternshipRegister.ID, p, position(A, true, 2, "2013-03-01", "2013-08-31",
                null), -1);
        engine.delete(A_STAFF, project, InternshipRegister.PLACEMENTS, one, "录错");
        service.delete(A_STAFF, li);
    }

    @Test
    void theIndicatorsFollowThePolicy() {
        Map<String, IndicatorDefinition> all = new HashMap<>();
        project.indicators().forEach(d -> all.put(d.id(), d));
        IndicatorDefinition interns = all.get(InternshipRegister.INDICATOR_INTERNS);
        assertEquals(List.of(Comparison.AT_LEAST, new BigDecimal(600), TargetKind.ABSOLUTE, "附件2 第5项"),
                List.of(interns.comparison(), interns.defaultTarget(), interns.kind(), interns.clause()));
        IndicatorDefinition gm = all.get(InternshipRegister.INDICATOR_GM_SHARE);
        assertEquals(List.of(Comparison.MORE_THAN, new BigDecimal(50), TargetKind.SHARE),
                List.of(gm.comparison(), gm.defaultTarget(), gm.kind()));
        IndicatorDefinition conversion = all.get(InternshipRegister.INDICATOR_CONVERSION);
        assertEquals(List.of(Comparison.AT_LEAST, new BigDecimal(10), TargetKind.RATE),
                List.of(conversion.comparison(), conversion.defaultTarget(), conversion.kind()));
    }

    /**
     * County A in 2013: Li placed twice (a GM post from March, converted in May; a clerk's post from June), Wang in a
     * clerk's post from July, Zhao placed and then the placement deleted. Han in county B, in 2012.
     */
    @Test
    void theIndicatorsCountInternsOnceByTheDayTheirPlacementStarts() {
        long li = youth("Li", 31, A);
        long wang = youth("Wang", 33, A);
        long zhao = youth("Zhao", 34, A);
        long han = youth("Han", 32, B);
        long gmPost = create(A_STAFF, position(A, true, 5, "2013-03-01", "2013-05-31", null));
        long clerk = create(A_STAFF, position(A, false, 5, "2013-06-01", "2013-12-31", null));
        long old = create(CITY_ADMIN, position(B, true, 5, "2012-03-01", "2012-12-31", null));
        place(A_STAFF, placement(gmPost, li, "2013-03-01", "2013-05-10", "CONVERTED", "甲厂", "2013-05-10"));
        place(A_STAFF, placement(clerk, li, "2013-06-01", null, "IN_PROGRESS", null, null));
        place(A_STAFF, placement(clerk, wang, "2013-07-01", null, "IN_PROGRESS", null, null));
        long gone = place(A_STAFF, placement(gmPost, zhao, "2013-03-01", null, "IN_PROGRESS", null, null));
        engine.delete(A_STAFF, project, InternshipRegister.PLACEMENTS, gone, "录错");
        place(CITY_ADMIN, placement(old, han, "2012-03-01", null, "IN_PROGRESS", null, null));

        long a = FixedOrgUnits.COUNTY_A.id();
        long b = FixedOrgUnits.COUNTY_B.id();
        assertEquals(figures(1, "100.00", "0.00"), figures(project.actualsAsOf(List.of(a), 2013,
                LocalDate.of(2013, 4, 30)).get(a)), "Li from March; not yet converted");
        assertEquals(figures(1, "100.00", "100.00"), figures(project.actualsAsOf(List.of(a), 2013,
                LocalDate.of(2013, 6, 30)).get(a)), "Li's second placement adds no intern");
        assertEquals(figures(2, "50.00", "50.00"), figures(project.actuals(List.of(a), 2013).get(a)),
                "Wang in July");
        assertEquals(figures(0, "0.00", "0.00"), figures(project.actuals(List.of(b), 2013).get(b)), "Han was 2012's");
        assertEquals(figures(1, "100.00", "0.00"), figures(project.actuals(List.of(b), 2012).get(b)));

        // Turning the GM post into a clerk's takes Li's share along.
        engine.update(A_STAFF, project, InternshipRegister.ID, gmPost, position(A, false, 5, "2013-03-01",
                "2013-05-31", null), -1);
        assertEquals(figures(2, "0.00", "50.00"), figures(project.actuals(List.of(a), 2013).get(a)));

        Map<String, Object> json = body(project.web().handle(FakeWebRequest.api("GET", "/internships/figures", A_STAFF)
                .param("year", "2013")));
        assertEquals(2013, json.get("year"));
        assertEquals(List.of(Map.of("county", a, "countyName", FixedOrgUnits.COUNTY_A.name(), "interns", 1L,
                "gmAssistant", 0L, "converted", 1L, "gmShare", "0.00", "conversion", "100.00")), json.get("items"),
                "as of today: Wang starts in July");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theFiguresPageRendersAndTheListLinksToIt(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        String page = PageRender.render(project, project.web().handle(FakeWebRequest.html("GET",
                "/internships/figures", CITY_ADMIN).param("year", "2012")), CITY_ADMIN, locale);
        assertTrue(page.contains(java.text.MessageFormat.format(PageRender.msg(locale, "internship.figures.title"),
                "2012")));
        WebResult list = project.web().handle(FakeWebRequest.html("GET", "/internships", CITY_ADMIN));
        assertTrue(String.valueOf(list.model()).contains("internships/figures"));
    }

    private static Map<String, BigDecimal> figures(long interns, String gmShare, String conversion) {
        return Map.of(InternshipRegister.INDICATOR_INTERNS, BigDecimal.valueOf(interns),
                InternshipRegister.INDICATOR_GM_SHARE, new BigDecimal(gmShare),
                InternshipRegister.INDICATOR_CONVERSION, new BigDecimal(conversion));
    }

    private static Map<String, BigDecimal> figures(Map<String, BigDecimal> all) {
        Map<String, BigDecimal> out = new HashMap<>(all);
        out.keySet().retainAll(figures(0, "0", "0").keySet());
        return out;
    }
}
