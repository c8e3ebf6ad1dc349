package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Work item 13, awards and competitions: award and entrant rules, scope, audit and the per-county summary. */
class AwardServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    private AwardService awards;
    private long youthA;
    private long youthA2;
    private long youthB;
    private long projectA;
    private long projectB;

    @BeforeEach
    void records() {
        awards = project.awards();
        youthA = service.create(CITY_ADMIN, person("青年甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        youthA2 = service.create(CITY_ADMIN, person("青年丙", LocalDate.of(1990, 2, 4), 15, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        youthB = service.create(CITY_ADMIN, person("青年乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_B, "2012-01-05"));
        projectA = projects.create(CITY_ADMIN, new ProjectInput("农场", String.valueOf(youthA), "AGRICULTURE",
                "OPERATING", null, A, "2012-02-01"));
        projectB = projects.create(CITY_ADMIN, new ProjectInput("茶馆", String.valueOf(youthB), "SERVICES",
                "OPERATING", null, B, "2012-02-01"));
    }

    private static AwardInput.Award award(String kind, String name, String year, String county) {
        return new AwardInput.Award(kind, name, year, "CITY", county);
    }

    private static AwardInput.Entrant entrant(Long youth, Long project, String result, String prize) {
        return new AwardInput.Entrant(youth == null ? null : String.valueOf(youth),
                project == null ? null : String.valueOf(project), result, prize);
    }

    private void refused(Map<String, String> expected, Executable call) {
        long before = rows("EMP_AWARD", "EMP_AWARD_ENTRANT");
        int audited = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rows("EMP_AWARD", "EMP_AWARD_ENTRANT"), "nothing written");
        assertEquals(audited, audit.entries.size(), "nothing audited");
    }

    @Test
    void anAwardIsReadBackListedAuditedAndItsFieldsChecked() {
        long id = awards.create(A_STAFF, new AwardInput.Award("golden_seed", " ", null, "province", null));
        Award a = awards.get(A_STAFF, id);
        assertEquals(AwardKind.GOLDEN_SEED, a.kind());
        assertEquals(null, a.name(), "a named kind needs no name");
        assertEquals(2013, a.year());
        assertEquals(AwardLevel.PROVINCE, a.level());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), a.countyId());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "award.create", "award:" + id,
                "county=" + A + " kind=GOLDEN_SEED year=2013 level=PROVINCE")), audit.withAction("award.create"));

        refused(Map.of("name", AwardService.NAME_REQUIRED), () -> awards.create(A_STAFF, award("OTHER", null, "2013",
                A)));
        refused(Map.of("name", AwardService.NAME_TOO_LONG), () -> awards.create(A_STAFF, award("OTHER",
                "名".repeat(101), "2013", A)));
        refused(Map.of("kind", AwardService.KIND_REQUIRED), () -> awards.create(A_STAFF, award(null, null, "2013", A)));
        refused(Map.of("kind", AwardService.KIND_INVALID), () -> awards.create(A_STAFF, award("NOBEL", null, "2013",
                A)));
        refused(Map.of("level", AwardService.LEVEL_REQUIRED), () -> awards.create(A_STAFF,
                new AwardInput.Award("GOLDEN_SEED", null, "2013", null, A)));
        refused(Map.of("level", AwardService.LEVEL_INVALID), () -> awards.create(A_STAFF,
                new AwardInput.Award("GOLDEN_SEED", null, "2013", "WORLD", A)));
        refused(Map.of("year", AwardService.YEAR_INVALID), () -> awards.create(A_STAFF, award("GOLDEN_SEED", null,
                "2014", A)));
        refused(Map.of("county", AwardService.COUNTY_INVALID), () -> awards.create(A_STAFF, award("GOLDEN_SEED", null,
                "2013", B)));
        long other = awards.create(A_STAFF, award("OTHER", "五四青年奖章", "2012", A));
        assertEquals("五四青年奖章", awards.get(A_STAFF, other).name());

        assertEquals(1, awards.list(A_STAFF, new AwardRepository.Filter("奖章", null, null, null), 1).total());
        assertEquals(1, awards.list(A_STAFF, new AwardRepository.Filter(null, AwardKind.GOLDEN_SEED, 2013, null), 1)
                .total());
        assertEquals(0, awards.list(A_STAFF, new AwardRepository.Filter(null, AwardKind.GOLDEN_SEED, 2012, null), 1)
                .total());
        awards.update(A_STAFF, id, award("TEN_OUTSTANDING_YOUTH", "第五届", "2013", A));
        assertEquals("第五届", awards.get(A_STAFF, id).name());
        awards.delete(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> awards.get(A_STAFF, id));
        assertEquals(1, audit.withAction("award.update").size());
        assertEquals(1, audit.withAction("award.delete").size());
    }

    @Test
    void entrantsAreYouthOrProjectsOfTheCountyWithTheirResult() {
        long id = awards.create(A_STAFF, award("ENTREPRENEURSHIP_CONTEST", null, "2013", A));
        long e1 = awards.addEntrant(A_STAFF, id, entrant(youthA, projectA, "ENTERED", null));
        assertEquals(List.of(new ListAudit.Entry("a-staff", "award.entrant.add", "award:" + id,
                "entrant=" + e1 + " youth=" + youthA + " project=" + projectA + " result=ENTERED")),
                audit.withAction("award.entrant.add"));
        refused(Map.of("youth", AwardService.ENTRANT_REQUIRED), () -> awards.addEntrant(A_STAFF, id,
                entrant(null, null, "ENTERED", null)));
        refused(Map.of("youth", AwardService.YOUTH_ALREADY), () -> awards.addEntrant(A_STAFF, id,
                entrant(youthA, null, "ENTERED", null)));
        refused(Map.of("project", AwardService.PROJECT_ALREADY), () -> awards.addEntrant(A_STAFF, id,
                entrant(null, projectA, "ENTERED", null)));
        refused(Map.of("youth", AwardService.YOUTH_UNKNOWN, "project", AwardService.PROJECT_UNKNOWN),
                () -> awards.addEntrant(A_STAFF, id, entrant(youthB, projectB, "ENTERED", null)));
        refused(Map.of("youth", AwardService.YOUTH_OTHER_COUNTY, "project", AwardService.PROJECT_OTHER_COUNTY),
                () -> awards.addEntrant(CITY_ADMIN, id, entrant(youthB, projectB, "ENTERED", null)));
        refused(Map.of("youth", AwardService.YOUTH_UNKNOWN), () -> awards.addEntrant(A_STAFF, id,
                new AwardInput.Entrant("x1", null, "ENTERED", null)));
        refused(Map.of("result", AwardService.RESULT_REQUIRED), () -> awards.addEntrant(A_STAFF, id,
                entrant(youthA2, null, null, null)));
        refused(Map.of("result", AwardService.RESULT_INVALID), () -> awards.addEntrant(A_STAFF, id,
                entrant(youthA2, null, "LOST", null)));
        refused(Map.of("prize", AwardService.PRIZE_REQUIRED), () -> awards.addEntrant(A_STAFF, id,
                entrant(youthA2, null, "WINNER", " ")));
        refused(Map.of("prize", AwardService.PRIZE_NOT_WINNER), () -> awards.addEntrant(A_STAFF, id,
                entrant(youthA2, null, "SHORTLISTED", "一等奖")));
        refused(Map.of("prize", AwardService.PRIZE_TOO_LONG), () -> awards.addEntrant(A_STAFF, id,
                entrant(youthA2, null, "WINNER", "奖".repeat(101))));

        long e2 = awards.addEntrant(A_STAFF, id, entrant(youthA2, null, "SHORTLISTED", null));
        awards.updateEntrant(A_STAFF, id, e2, entrant(youthA2, null, "WINNER", "一等奖"));
        awards.updateEntrant(A_STAFF, id, e1, entrant(youthA, projectA, "WINNER", "优秀奖"));
        refused(Map.of("youth", AwardService.YOUTH_ALREADY), () -> awards.updateEntrant(A_STAFF, id, e2,
                entrant(youthA, null, "WINNER", "一等奖")));
        Award.Detail d = awards.detail(A_STAFF, id);
        assertEquals(List.of(e1, e2), d.entrants().stream().map(Award.Entrant::id).toList());
        assertEquals("一等奖", d.entrants().get(1).prize());
        assertEquals("农场", d.entrants().get(0).projectName());
        assertEquals(2, d.award().winners());
        assertEquals(2, audit.withAction("award.entrant.update").size());

        // Entrants tie the award to its county.
        refused(Map.of("county", AwardService.COUNTY_LINKED), () -> awards.update(CITY_ADMIN, id,
                award("ENTREPRENEURSHIP_CONTEST", null, "2013", B)));
        long other = awards.create(A_STAFF, award("GOLDEN_SEED", null, "2013", A));
        assertThrows(NotFoundException.class, () -> awards.deleteEntrant(A_STAFF, other, e1), "an entrant elsewhere");
        awards.deleteEntrant(A_STAFF, id, e1);
        assertEquals(1, awards.detail(A_STAFF, id).entrants().size());
        assertEquals(1, audit.withAction("award.entrant.delete").size());
    }

    @Test
    void theSummaryCountsAwardsEntrantsAndWinnersPerCountyOfTheYear() {
        long a1 = awards.create(A_STAFF, award("GOLDEN_SEED", null, "2013", A));
        long a2 = awards.create(A_STAFF, award("CAREER_PLANNING_CONTEST", null, "2013", A));
        long old = awards.create(A_STAFF, award("GOLDEN_SEED", null, "2012", A));
        long b1 = awards.create(B_STAFF, award("TEN_YOUNG_ENTREPRENEURS", null, "2013", B));
        long gone = awards.create(B_STAFF, award("OTHER", "已删除", "2013", B));
        awards.addEntrant(A_STAFF, a1, entrant(youthA, null, "WINNER", "金奖"));
        awards.addEntrant(A_STAFF, a1, entrant(youthA2, null, "ENTERED", null));
        long removed = awards.addEntrant(A_STAFF, a1, entrant(null, projectA, "WINNER", "银奖"));
        awards.deleteEntrant(A_STAFF, a1, removed);
        awards.addEntrant(A_STAFF, a2, entrant(youthA, null, "SHORTLISTED", null));
        awards.addEntrant(A_STAFF, old, entrant(youthA, null, "WINNER", "金奖"));
        awards.addEntrant(B_STAFF, b1, entrant(youthB, null, "WINNER", "十佳"));
        awards.addEntrant(B_STAFF, gone, entrant(youthB, null, "WINNER", "x"));
        awards.delete(B_STAFF, gone);

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        assertEquals(List.of(new Award.Summary(a, 2, 3, 1), new Award.Summary(b, 1, 1, 1)),
                awards.summary(CITY_ADMIN, 2013, null));
        assertEquals(List.of(new Award.Summary(a, 1, 1, 1)), awards.summary(CITY_ADMIN, 2012, null));
        assertEquals(List.of(new Award.Summary(b, 1, 1, 1)), awards.summary(B_STAFF, 2013, null));
        assertEquals(List.of(), awards.summary(B_STAFF, 2013, a), "another county is none of B's business");
        assertEquals(List.of(), awards.summary(CITY_ADMIN, 2011, null));
        assertTrue(project.indicators().stream().noneMatch(d -> d.id().startsWith("award")), "qualitative");
    }

    @Test
    void aCountyUserSeesAndTouchesOnlyItsOwnCounty() {
        long a = awards.create(A_STAFF, award("GOLDEN_SEED", null, "2013", null));
        long e = awards.addEntrant(A_STAFF, a, entrant(youthA, null, "ENTERED", null));
        long b = awards.create(B_STAFF, award("GOLDEN_SEED", null, "2013", null));
        assertThrows(NotFoundException.class, () -> awards.get(B_STAFF, a));
        assertThrows(NotFoundException.class, () -> awards.update(B_STAFF, a, award("GOLDEN_SEED", null, "2013", B)));
        assertThrows(NotFoundException.class, () -> awards.delete(B_STAFF, a));
        assertThrows(NotFoundException.class, () -> awards.addEntrant(B_STAFF, a, entrant(youthB, null, "ENTERED",
                null)));
        assertThrows(NotFoundException.class, () -> awards.updateEntrant(B_STAFF, a, e, entrant(youthA, null,
                "WINNER", "x")));
        assertThrows(NotFoundException.class, () -> awards.deleteEntrant(B_STAFF, b, e));
        assertEquals(List.of(b), awards.list(B_STAFF, new AwardRepository.Filter(null, null, null, null), 1).items()
                .stream().map(Award::id).toList());
        assertEquals(2, awards.list(CITY_ADMIN, new AwardRepository.Filter(null, null, null, null), 1).total());
        assertEquals(1, awards.detail(A_VIEWER, a).entrants().size());
        assertThrows(AccessDeniedException.class, () -> awards.addEntrant(A_VIEWER, a, entrant(youthA2, null,
                "ENTERED", null)));
        assertThrows(AccessDeniedException.class, () -> awards.summary(NO_ROLE, 2013, null));
    }

    @Test
    void everyKindLevelAndResultHasANameInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Set<String> keys = PageRender.keys(locale);
            for (AwardKind k : AwardKind.values()) {
                assertTrue(keys.contains("award.kind." + k.name()), k + " in " + locale);
            }
            for (AwardLevel l : AwardLevel.values()) {
                assertTrue(keys.contains("award.level." + l.name()), l + " in " + locale);
            }
            for (AwardResult r : AwardResult.values()) {
                assertTrue(keys.contains("award.result." + r.name()), r + " in " + locale);
            }
        }
    }
}
