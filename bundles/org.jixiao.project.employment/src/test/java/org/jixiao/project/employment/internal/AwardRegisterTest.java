package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.project.employment.internal.award.AwardRegister;
import org.junit.jupiter.api.Test;

/**
 * Work item 13 on the register engine: the award's own rules (Other is named, the year), its entrants (a youth or a
 * project of the award's county, once each; a winner's prize), the links that keep entrants' youth, projects and
 * awards in place, and the yearly summary per county. Scope, roles, audit and field rules are the engine's tests'.
 */
class AwardRegisterTest extends ApplicantsTestBase {

    private static final String[] TABLES = {"EMP_AWARD", "EMP_AWARD_ENTRANT"};

    private static Map<String, Object> award(String kind, String name, String year, String county) {
        return form("kind", kind, "name", name, "year", year, "level", "CITY", "unit", county);
    }

    private long award(Actor actor, String county, String year) {
        return engine.create(actor, project, AwardRegister.ID, award("GOLDEN_SEED", null, year, county));
    }

    private long enter(Actor actor, long award, Long youth, Long project, String result, String prize) {
        Map<String, Object> m = new HashMap<>();
        m.put("parent", award);
        m.put("youth", youth == null ? null : String.valueOf(youth));
        m.put("project", project == null ? null : String.valueOf(project));
        m.put("result", result);
        m.put("prize", prize);
        return engine.create(actor, this.project, AwardRegister.ENTRANTS, m);
    }

    private Map<String, String> refused(Runnable write) {
        return refused(write, TABLES);
    }

    @Test
    void anOtherAwardIsNamedAndItsYearIsFrom2000ToThisOne() {
        long named = engine.create(A_STAFF, project, AwardRegister.ID, award("TEN_OUTSTANDING_YOUTH", null, "2013",
                null));
        assertEquals(FixedOrgUnits.COUNTY_A.id(), engine.get(A_STAFF, project, AwardRegister.ID, named).unitId());
        assertEquals(Map.of("name", "award.name.required"),
                refused(() -> engine.create(A_STAFF, project, AwardRegister.ID, award("OTHER", null, "2013", A))));
        engine.create(A_STAFF, project, AwardRegister.ID, award("OTHER", "县青年创新奖", "2013", A));
        assertEquals(Map.of("year", "award.year.invalid"), refused(() -> engine.create(A_STAFF, project,
                AwardRegister.ID, award("GOLDEN_SEED", null, String.valueOf(TODAY.getYear() + 1), A))));
        assertEquals(Map.of("year", "award.year.invalid"), refused(() -> engine.create(A_STAFF, project,
                AwardRegister.ID, award("GOLDEN_SEED", null, "1999", A))));
    }

    @Test
    void anEntrantIsAYouthOrAProjectOfTheAwardsCountyOnceAndAWinnerNamesThePrize() {
        long a = award(A_STAFF, A, "2013");
        long both = enter(A_STAFF, a, youthA, projectA, "WINNER", "一等奖");
        assertEquals(FixedOrgUnits.COUNTY_A.id(), engine.get(A_STAFF, project, AwardRegister.ENTRANTS, both).unitId());
        assertEquals(Map.of("youth", "award.entrant.required"), refused(() -> enter(A_STAFF, a, null, null,
                "ENTERED", null)));
        assertEquals(Map.of("prize", "award.prize.required"), refused(() -> enter(A_STAFF, a, founderA, null,
                "WINNER", null)));
        assertEquals(Map.of("prize", "award.prize.notWinner"), refused(() -> enter(A_STAFF, a, founderA, null,
                "SHORTLISTED", "二等奖")));
        assertEquals(Map.of("youth", "award.youth.already", "project", "award.project.already"),
                refused(() -> enter(A_STAFF, a, youthA, projectA, "ENTERED", null)));
        assertEquals(Map.of("project", "award.project.already"),
                refused(() -> enter(A_STAFF, a, founderA, projectA, "ENTERED", null)));
        assertEquals(Map.of("youth", "register.error.otherUnit"),
                refused(() -> enter(CITY_ADMIN, a, youthB, null, "ENTERED", null)));

        // Another award takes the same youth; an edit of an entrant is no second entry.
        enter(A_STAFF, award(A_STAFF, A, "2013"), youthA, null, "ENTERED", null);
        Map<String, Object> edit = new HashMap<>(Map.of("youth", String.valueOf(youthA), "project",
                String.valueOf(projectA), "result", "WINNER", "prize", "特等奖"));
        engine.update(A_STAFF, project, AwardRegister.ENTRANTS, both, edit, -1);
        assertEquals("特等奖", engine.get(A_STAFF, project, AwardRegister.ENTRANTS, both).value("prize"));
        engine.delete(A_STAFF, project, AwardRegister.ENTRANTS, both, "录入错误");
        enter(A_STAFF, a, youthA, null, "ENTERED", null);
    }

    @Test
    void entrantsKeepTheirYouthProjectAndAwardInPlace() {
        long a = award(A_STAFF, A, "2013");
        long byYouth = enter(A_STAFF, a, youthA, null, "ENTERED", null);
        long byProject = enter(A_STAFF, a, null, projectA, "ENTERED", null);
        Map<String, String> linked = Map.of("award-entrants", "award.entrant.linked");
        assertEquals(linked, refused(() -> service.delete(CITY_ADMIN, youthA)));
        assertEquals(linked, refused(() -> projects.delete(CITY_ADMIN, projectA)));
        assertEquals(linked, refused(() -> engine.delete(A_STAFF, project, AwardRegister.ID, a, "重复录入")));
        assertEquals(linked, refused(() -> engine.update(CITY_ADMIN, project, AwardRegister.ID, a,
                award("GOLDEN_SEED", null, "2013", B), -1)));
        engine.delete(A_STAFF, project, AwardRegister.ENTRANTS, byYouth, "录入错误");
        engine.delete(A_STAFF, project, AwardRegister.ENTRANTS, byProject, "录入错误");
        service.delete(CITY_ADMIN, youthA);
        projects.delete(CITY_ADMIN, projectA);
        engine.update(CITY_ADMIN, project, AwardRegister.ID, a, award("GOLDEN_SEED", null, "2013", B), -1);
        assertEquals(FixedOrgUnits.COUNTY_B.id(), engine.get(CITY_ADMIN, project, AwardRegister.ID, a).unitId());
    }

    @Test
    void theYearsSummaryCountsAwardsEntrantsAndWinnersPerCounty() {
        long a1 = award(A_STAFF, A, "2013");
        long gone = enter(A_STAFF, a1, youthA, null, "ENTERED", null);
        engine.delete(A_STAFF, project, AwardRegister.ENTRANTS, gone, "录入错误");
        enter(A_STAFF, a1, youthA, null, "WINNER", "一等奖");
        enter(A_STAFF, a1, founderA, projectA, "SHORTLISTED", null);
        award(A_STAFF, A, "2013");
        enter(A_STAFF, award(A_STAFF, A, "2012"), youthA, null, "WINNER", "二等奖");
        long deleted = award(A_STAFF, A, "2013");
        engine.delete(A_STAFF, project, AwardRegister.ID, deleted, "重复录入");
        enter(B_STAFF, award(B_STAFF, B, "2013"), youthB, null, "ENTERED", null);

        assertEquals(List.of(row(A, 2, 2, 1), row(B, 1, 1, 0)), summary(CITY_ADMIN, "2013", null));
        assertEquals(List.of(row(A, 2, 2, 1)), summary(A_STAFF, "2013", null));
        assertEquals(List.of(row(A, 1, 1, 1)), summary(CITY_ADMIN, "2012", A));
        assertEquals(List.of(), summary(B_STAFF, "2012", null), "a county without any");
        assertEquals(List.of(), summary(B_STAFF, "2013", A), "another county is not shown");
        assertThrows(AccessDeniedException.class, () -> summary(NO_ROLE, "2013", null));
        assertTrue(project.indicators().stream().noneMatch(d -> d.id().startsWith("award")),
                "qualitative: no indicator");
    }

    private static Map<String, Object> row(String county, long awards, long entrants, long winners) {
        return Map.of("county", Long.valueOf(county), "countyName", county.equals(A) ? FixedOrgUnits.COUNTY_A.name()
                : FixedOrgUnits.COUNTY_B.name(), "awards", awards, "entrants", entrants, "winners", winners);
    }

    private List<Map<String, Object>> summary(Actor actor, String year, String county) {
        return items("/awards/summary", actor, year, county);
    }

    @Test
    void theSummaryPageRendersInBothLanguages() throws Exception {
        enter(A_STAFF, award(A_STAFF, A, "2013"), youthA, null, "WINNER", "一等奖");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String html = PageRender.render(project, project.web().handle(FakeWebRequest.html("GET", "/awards/summary",
                    CITY_ADMIN)), CITY_ADMIN, locale);
            assertTrue(html.contains(FixedOrgUnits.COUNTY_A.name()), html);
            String none = PageRender.render(project, project.web().handle(FakeWebRequest.html("GET", "/awards/summary",
                    B_STAFF)), B_STAFF, locale);
            assertTrue(none.contains(PageRender.msg(locale, "award.summary.empty")), none);
        }
    }

    @Test
    void everyMessageTheEngineShowsForTheRegistersExistsInBothLanguages() {
        RegisterMessages.assertPresent(project, AwardRegister.ID, "award.name.required", "award.year.invalid");
        RegisterMessages.assertPresent(project, AwardRegister.ENTRANTS, "award.entrant.linked",
                "award.entrant.required", "award.youth.already", "award.project.already", "award.prize.required",
                "award.prize.notWinner");
    }
}
