package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Employment outcomes: the youth link, once a year per youth, dates in the year, scope, audit and the indicator. */
class OutcomeServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    private OutcomeService outcomes;
    private long youthA;
    private long youthA2;
    private long youthB;

    @BeforeEach
    void youth() {
        outcomes = project.outcomes();
        youthA = service.create(CITY_ADMIN, person("求职甲", LocalDate.of(1990, 2, 3), 11, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        youthA2 = service.create(CITY_ADMIN, person("求职丙", LocalDate.of(1990, 2, 4), 15, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        youthB = service.create(CITY_ADMIN, person("求职乙", LocalDate.of(1991, 4, 5), 13, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_B, "2012-01-05"));
    }

    private static OutcomeInput outcome(long youth, String county, String year, String on) {
        return new OutcomeInput(String.valueOf(youth), county, "县电子厂", "操作工", year, on, "TRAINING", null);
    }

    private static OutcomeInput with(OutcomeInput in, String field, String value) {
        Map<String, Object> m = new java.util.HashMap<>(in.toForm());
        m.put(field, value);
        return new OutcomeInput((String) m.get("youth"), (String) m.get("county"), (String) m.get("employer"),
                (String) m.get("post"), (String) m.get("year"), (String) m.get("employedOn"),
                (String) m.get("channel"), (String) m.get("note"));
    }

    private void refused(Map<String, String> expected, Executable call) {
        long before = rows("EMP_OUTCOME");
        int audited = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rows("EMP_OUTCOME"), "nothing written");
        assertEquals(audited, audit.entries.size(), "nothing audited");
    }

    @Test
    void recordedOutcomeIsReadBackListedAndAudited() {
        long id = outcomes.create(A_STAFF, new OutcomeInput(String.valueOf(youthA), null, " 县电子厂 ", null, null,
                "2013-03-01", "internship", "  "));
        Outcome o = outcomes.get(A_STAFF, id);
        assertEquals("县电子厂", o.employer());
        assertEquals(null, o.post());
        assertEquals(null, o.note());
        assertEquals(2013, o.year(), "the year of the date when left blank");
        assertEquals(OutcomeChannel.INTERNSHIP, o.channel());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), o.countyId(), "a county user's own county when left blank");
        assertEquals("求职甲", o.youthName());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "outcome.create", "outcome:" + id,
                "county=" + A + " youth=" + youthA + " year=2013 channel=INTERNSHIP")), audit.withAction("outcome.create"));

        assertEquals(1, outcomes.list(A_STAFF, new OutcomeRepository.Filter("电子", null, null, null), 1).total());
        assertEquals(1, outcomes.list(A_STAFF, new OutcomeRepository.Filter("求职甲", null, 2013, null), 1).total());
        assertEquals(0, outcomes.list(A_STAFF, new OutcomeRepository.Filter("%", null, null, null), 1).total());
        assertEquals(0, outcomes.list(A_STAFF, new OutcomeRepository.Filter(null, OutcomeChannel.FAIR, null, null), 1)
                .total());
        assertEquals(0, outcomes.list(A_STAFF, new OutcomeRepository.Filter(null, null, 2012, null), 1).total());

        outcomes.update(A_STAFF, id, outcome(youthA, A, "2013", "2013-04-01"));
        assertEquals(LocalDate.of(2013, 4, 1), outcomes.get(A_STAFF, id).employedOn());
        assertEquals(1, audit.withAction("outcome.update").size());
        outcomes.delete(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> outcomes.get(A_STAFF, id));
        assertEquals(1, audit.withAction("outcome.delete").size());
        assertEquals(1, rows("EMP_OUTCOME"), "soft delete keeps the row");
    }

    @Test
    void everyFieldRuleRefusesAndWritesNothing() {
        OutcomeInput ok = outcome(youthA, A, "2013", "2013-03-01");
        refused(Map.of("youth", OutcomeService.YOUTH_REQUIRED), () -> outcomes.create(A_STAFF, with(ok, "youth", " ")));
        refused(Map.of("youth", OutcomeService.YOUTH_UNKNOWN), () -> outcomes.create(A_STAFF, with(ok, "youth", "-3")));
        refused(Map.of("youth", OutcomeService.YOUTH_UNKNOWN), () -> outcomes.create(A_STAFF, with(ok, "youth", "99999")));
        refused(Map.of("employer", OutcomeService.EMPLOYER_REQUIRED), () -> outcomes.create(A_STAFF,
                with(ok, "employer", null)));
        refused(Map.of("employer", OutcomeService.EMPLOYER_TOO_LONG), () -> outcomes.create(A_STAFF,
                with(ok, "employer", "厂".repeat(101))));
        outcomes.create(A_STAFF, with(with(ok, "employer", "厂".repeat(100)), "post", "岗".repeat(50)));
        refused(Map.of("post", OutcomeService.POST_TOO_LONG), () -> outcomes.create(A_STAFF,
                with(with(ok, "youth", String.valueOf(youthA2)), "post", "岗".repeat(51))));
        refused(Map.of("year", OutcomeService.YEAR_INVALID), () -> outcomes.create(A_STAFF, with(ok, "year", "2014")));
        refused(Map.of("year", OutcomeService.YEAR_INVALID), () -> outcomes.create(A_STAFF, with(ok, "year", "13")));
        refused(Map.of("year", OutcomeService.YEAR_INVALID), () -> outcomes.create(A_STAFF, with(ok, "year", "1999")));
        refused(Map.of("employedOn", OutcomeService.DATE_INVALID), () -> outcomes.create(A_STAFF,
                with(ok, "employedOn", null)));
        refused(Map.of("employedOn", OutcomeService.DATE_INVALID), () -> outcomes.create(A_STAFF,
                with(ok, "employedOn", "2013-02-30")));
        refused(Map.of("employedOn", OutcomeService.DATE_FUTURE), () -> outcomes.create(A_STAFF,
                with(ok, "employedOn", "2013-06-16")));
        refused(Map.of("employedOn", OutcomeService.DATE_OUTSIDE_YEAR), () -> outcomes.create(A_STAFF,
                with(ok, "employedOn", "2012-12-31")));
        refused(Map.of("channel", OutcomeService.CHANNEL_REQUIRED), () -> outcomes.create(A_STAFF,
                with(ok, "channel", null)));
        refused(Map.of("channel", OutcomeService.CHANNEL_INVALID), () -> outcomes.create(A_STAFF,
                with(ok, "channel", "LOTTERY")));
        refused(Map.of("note", OutcomeService.NOTE_TOO_LONG), () -> outcomes.create(A_STAFF,
                with(ok, "note", "x".repeat(501))));
        refused(Map.of("county", OutcomeService.COUNTY_REQUIRED), () -> outcomes.create(CITY_ADMIN,
                with(ok, "county", null)));
        refused(Map.of("county", OutcomeService.COUNTY_INVALID), () -> outcomes.create(A_STAFF, with(ok, "county", B)));
        refused(Map.of("county", OutcomeService.COUNTY_INVALID), () -> outcomes.create(CITY_ADMIN,
                with(ok, "county", String.valueOf(TreeOrgUnits.DEPARTMENT.id()))));
        // Several wrong fields at once are all reported.
        refused(Map.of("employer", OutcomeService.EMPLOYER_REQUIRED, "channel", OutcomeService.CHANNEL_INVALID,
                "employedOn", OutcomeService.DATE_FUTURE), () -> outcomes.create(A_STAFF,
                        with(with(with(ok, "employer", ""), "channel", "x"), "employedOn", "2014-01-01")));
    }

    @Test
    void theYouthIsALiveYouthOfTheCountyCountedOnceAYear() {
        // B's youth does not exist for A: unknown, never "other county".
        refused(Map.of("youth", OutcomeService.YOUTH_UNKNOWN), () -> outcomes.create(A_STAFF,
                outcome(youthB, A, "2013", "2013-03-01")));
        refused(Map.of("youth", OutcomeService.YOUTH_OTHER_COUNTY), () -> outcomes.create(CITY_ADMIN,
                outcome(youthB, A, "2013", "2013-03-01")));
        long first = outcomes.create(A_STAFF, outcome(youthA, A, "2013", "2013-03-01"));
        refused(Map.of("youth", OutcomeService.YOUTH_COUNTED), () -> outcomes.create(A_STAFF,
                outcome(youthA, A, "2013", "2013-05-01")));
        // Another year counts again (a blank year is the date's); editing the outcome itself is no second count.
        long earlier = outcomes.create(A_STAFF, outcome(youthA, A, null, "2012-08-01"));
        assertEquals(2012, outcomes.get(A_STAFF, earlier).year());
        outcomes.update(A_STAFF, first, outcome(youthA, A, "2013", "2013-02-01"));
        refused(Map.of("youth", OutcomeService.YOUTH_COUNTED), () -> outcomes.update(A_STAFF, first,
                outcome(youthA, A, "2012", "2012-02-01")));
        // Once the outcome is deleted the youth may be counted again that year.
        outcomes.delete(A_STAFF, first);
        outcomes.create(A_STAFF, outcome(youthA, A, "2013", "2013-05-01"));
        // A deleted youth is unknown.
        service.delete(CITY_ADMIN, youthA2);
        refused(Map.of("youth", OutcomeService.YOUTH_UNKNOWN), () -> outcomes.create(A_STAFF,
                outcome(youthA2, A, "2013", "2013-03-01")));
    }

    @Test
    void aCountyUserSeesAndTouchesOnlyItsOwnCounty() {
        long a = outcomes.create(A_STAFF, outcome(youthA, A, "2013", "2013-03-01"));
        long b = outcomes.create(B_STAFF, outcome(youthB, null, "2013", "2013-03-01"));
        assertThrows(NotFoundException.class, () -> outcomes.get(B_STAFF, a));
        assertThrows(NotFoundException.class, () -> outcomes.update(B_STAFF, a, outcome(youthB, B, "2013", "2013-03-02")));
        assertThrows(NotFoundException.class, () -> outcomes.delete(B_STAFF, a));
        assertEquals(List.of(b), outcomes.list(B_STAFF, new OutcomeRepository.Filter(null, null, null, null), 1)
                .items().stream().map(Outcome::id).toList());
        assertEquals(0, outcomes.list(B_STAFF, new OutcomeRepository.Filter(null, null, null,
                TreeOrgUnits.COUNTY_A.id()), 1).total(), "asking for another county gives nothing");
        assertEquals(2, outcomes.list(CITY_ADMIN, new OutcomeRepository.Filter(null, null, null, null), 1).total());
        assertEquals(a, outcomes.get(A_VIEWER, a).id());
        assertThrows(AccessDeniedException.class, () -> outcomes.create(A_VIEWER, outcome(youthA2, A, "2013",
                "2013-03-01")));
        assertThrows(AccessDeniedException.class, () -> outcomes.delete(A_VIEWER, a));
        assertThrows(AccessDeniedException.class, () -> outcomes.get(NO_ROLE, a));
        assertThrows(NotFoundException.class, () -> outcomes.get(A_STAFF, 987654));
    }

    @Test
    void theIndicatorCountsOutcomesOfTheYearByTheDay() {
        outcomes.create(A_STAFF, outcome(youthA, A, "2013", "2013-01-31"));
        outcomes.create(A_STAFF, outcome(youthA2, A, "2013", "2013-03-15"));
        outcomes.create(A_STAFF, outcome(youthA, A, "2012", "2012-12-31"));
        long deleted = outcomes.create(B_STAFF, outcome(youthB, B, "2012", "2012-05-01"));
        outcomes.create(B_STAFF, outcome(youthB, B, "2013", "2013-02-01"));
        outcomes.delete(B_STAFF, deleted);

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        String id = OutcomeService.INDICATOR_OUTCOMES;
        Map<Long, Map<String, BigDecimal>> jan = outcomes.actualsAsOf(List.of(a, b, a), 2013, LocalDate.of(2013, 1, 31));
        assertEquals(List.of(a, b), List.copyOf(jan.keySet()));
        assertEquals(Map.of(id, BigDecimal.ONE), jan.get(a));
        assertEquals(Map.of(id, BigDecimal.ZERO), jan.get(b));
        assertEquals(BigDecimal.valueOf(2), outcomes.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 6, 15)).get(a)
                .get(id));
        assertEquals(BigDecimal.ONE, outcomes.actualsAsOf(List.of(a), 2012, LocalDate.of(2013, 6, 15)).get(a).get(id),
                "2012 ends on its 31 December");
        assertEquals(BigDecimal.ZERO, outcomes.actualsAsOf(List.of(b), 2012, null).get(b).get(id), "deleted");
        assertEquals(BigDecimal.ONE, project.actuals(List.of(b), 2013).get(b).get(id), "through the project");
        assertTrue(outcomes.actualsAsOf(List.of(), 2013, TODAY).isEmpty());
    }

    @Test
    void theIndicatorDefaultsTo200PerUnitAndEveryChannelHasAName() {
        IndicatorDefinition d = project.indicators().stream()
                .filter(x -> x.id().equals(OutcomeService.INDICATOR_OUTCOMES)).findFirst().orElseThrow();
        assertEquals(Comparison.AT_LEAST, d.comparison());
        assertEquals(0, BigDecimal.valueOf(200).compareTo(d.defaultTarget()));
        assertEquals(TargetKind.ABSOLUTE, d.kind());
        assertEquals("附件2 一、绩效管理目标", d.clause());
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (OutcomeChannel c : OutcomeChannel.values()) {
                assertTrue(PageRender.keys(locale).contains("outcome.channel." + c.name()), c + " in " + locale);
            }
        }
    }
}
