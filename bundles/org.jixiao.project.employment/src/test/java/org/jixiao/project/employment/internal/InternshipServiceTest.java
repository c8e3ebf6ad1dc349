package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work item 5, the internship plan: position and placement rules, scope, audit, and the three indicators on
 * hand-made records, including "more than 50%" at exactly 50% and the 10% conversion.
 */
class InternshipServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    private long youthA;
    private long youthA2;
    private long youthB;

    @BeforeEach
    void youth() {
        youthA = service.create(CITY_ADMIN, person("见习甲", LocalDate.of(1990, 2, 3), 11, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        youthA2 = service.create(CITY_ADMIN, person("见习丙", LocalDate.of(1990, 2, 4), 15, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2012-01-05"));
        youthB = service.create(CITY_ADMIN, person("见习乙", LocalDate.of(1991, 4, 5), 13, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_B, "2012-01-05"));
    }

    private InternshipService internships() {
        return project.internships();
    }

    /** Offered the whole year, so a placement may start on any day of it. */
    static InternshipInput.Position position(String county, boolean gm, int places, String year) {
        return new InternshipInput.Position(county, "青创电子厂", gm ? "总经理助理" : "生产线技术员", gm ? "yes" : "no",
                null, String.valueOf(places), year, year + "-01-01", year + "-12-31");
    }

    /** A line post offered from {@code starts} to {@code ends}, at {@code base} when not null. */
    static InternshipInput.Position period(String county, int places, String starts, String ends, Long base) {
        return new InternshipInput.Position(county, "青创电子厂", "生产线技术员", "no",
                base == null ? null : String.valueOf(base), String.valueOf(places), starts.substring(0, 4), starts,
                ends);
    }

    static InternshipInput.Placement placement(long youth, String starts) {
        return new InternshipInput.Placement(String.valueOf(youth), starts, null, null, null, null);
    }

    static InternshipInput.Placement outcome(String starts, String ends, String outcome, String employer,
            String on) {
        return new InternshipInput.Placement(null, starts, ends, outcome, employer, on);
    }

    private void refused(Actor who, InternshipInput.Position in, Map<String, String> expected) {
        long before = rows("EMP_INTERNSHIP_POSITION");
        int audits = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, () -> internships().create(who, in));
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rows("EMP_INTERNSHIP_POSITION"), "nothing written");
        assertEquals(audits, audit.entries.size(), "nothing audited");
    }

    private void placeRefused(Actor who, long position, InternshipInput.Placement in, Map<String, String> expected) {
        long before = rows("EMP_INTERNSHIP_PLACEMENT");
        int audits = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, () -> internships().place(who, position, in));
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rows("EMP_INTERNSHIP_PLACEMENT"), "nothing written");
        assertEquals(audits, audit.entries.size(), "nothing audited");
    }

    /** A refused placement change leaves the placement as it was and audits nothing. */
    private void updateRefused(long position, long id, InternshipInput.Placement in, Map<String, String> expected) {
        InternshipPlacement before = internships().placement(A_STAFF, position, id);
        int audits = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class,
                () -> internships().updatePlacement(A_STAFF, position, id, in));
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, internships().placement(A_STAFF, position, id), "nothing written");
        assertEquals(audits, audit.entries.size(), "nothing audited");
    }

    // ---------------------------------------------------------------- positions

    @Test
    void aPositionIsReadBackListedAndAudited() {
        long base = bases.create(A_STAFF, InternshipBaseFixture.base("青创基地", A, "2013-01-05",
                "2013-01-06", null));
        long id = internships().create(A_STAFF, new InternshipInput.Position(null, " 青创电子厂 ", "总经理助理",
                "true", String.valueOf(base), "3", null, "2013-07-01", "2013-09-30"));
        InternshipPosition p = internships().get(A_STAFF, id);
        assertEquals("青创电子厂", p.employer());
        assertTrue(p.gmAssistant());
        assertEquals(base, p.baseId());
        assertEquals("青创基地", p.baseName());
        assertEquals(3, p.places());
        assertEquals(2013, p.year(), "this year when left blank");
        assertEquals(0, p.placed());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), p.countyId());
        assertEquals(1, internships().list(A_STAFF, new InternshipService.Filter("助理", 2013, true, null), 1)
                .total());
        assertEquals(0, internships().list(A_STAFF, new InternshipService.Filter(null, 2013, false, null), 1)
                .total());
        assertEquals(0, internships().list(A_STAFF, new InternshipService.Filter(null, 2012, null, null), 1).total());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "internship.create", "internship:" + id, "county=" + A
                + " year=2013 places=3 gm=true base=" + base)), audit.withAction("internship.create"));
        internships().delete(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> internships().get(A_STAFF, id));
        assertEquals(1, audit.withAction("internship.delete").size());
    }

    @Test
    void badPositionInputWritesNothing() {
        refused(A_STAFF, new InternshipInput.Position(null, " ", null, null, null, null, null, null, null),
                Map.of("employer", InternshipService.EMPLOYER_REQUIRED, "post", InternshipService.POST_REQUIRED,
                        "gmAssistant", InternshipService.GM_REQUIRED, "places", InternshipService.PLACES_REQUIRED,
                        "startsOn", InternshipService.DATE_REQUIRED, "endsOn", InternshipService.DATE_REQUIRED));
        refused(CITY_ADMIN, new InternshipInput.Position(null, "单".repeat(101), "岗".repeat(101), "maybe", "x",
                "0", "2015", "2013-07-01", "2013/12/31"), Map.of("county", InternshipService.COUNTY_REQUIRED,
                        "employer", InternshipService.EMPLOYER_TOO_LONG, "post", InternshipService.POST_TOO_LONG,
                        "gmAssistant", InternshipService.GM_INVALID, "base", InternshipService.BASE_UNKNOWN,
                        "places", InternshipService.PLACES_INVALID, "year", InternshipService.YEAR_INVALID,
                        "endsOn", InternshipService.DATE_INVALID));
        refused(A_STAFF, new InternshipInput.Position(B, "x", "y", "no", null, "10001", "1999", "1999-07-01",
                "1999-08-01"), Map.of("county", InternshipService.COUNTY_INVALID, "places",
                        InternshipService.PLACES_INVALID, "year", InternshipService.YEAR_INVALID));
        refused(A_STAFF, new InternshipInput.Position(A, "x", "y", "no", null, "1", "2013", "2012-12-31",
                "2014-01-01"), Map.of("startsOn", InternshipService.DATE_OUTSIDE_YEAR, "endsOn",
                        InternshipService.DATE_OUTSIDE_YEAR));
        refused(A_STAFF, new InternshipInput.Position(A, "x", "y", "no", null, "1", "2013", "2013-08-01",
                "2013-07-31"), Map.of("endsOn", InternshipService.ENDS_BEFORE_STARTS));

        // Next year's positions are collected ahead; the year after is a typing error.
        assertTrue(internships().create(A_STAFF, position(A, false, 1, "2014")) > 0);
    }

    @Test
    void theBaseIsALiveBaseOfTheSameCountyTheUserSees() {
        long baseA = bases.create(CITY_ADMIN, InternshipBaseFixture.base("甲基地", A, null, null, null));
        long baseB = bases.create(CITY_ADMIN, InternshipBaseFixture.base("乙基地", B, null, null, null));
        long gone = bases.create(CITY_ADMIN, InternshipBaseFixture.base("撤", A, null, null, null));
        bases.delete(CITY_ADMIN, gone);
        refused(A_STAFF, new InternshipInput.Position(A, "x", "y", "no", String.valueOf(baseB), "1", "2013",
                "2013-07-01", "2013-07-31"), Map.of("base", InternshipService.BASE_UNKNOWN));
        refused(CITY_ADMIN, new InternshipInput.Position(A, "x", "y", "no", String.valueOf(baseB), "1", "2013",
                "2013-07-01", "2013-07-31"), Map.of("base", InternshipService.BASE_OTHER_COUNTY));
        refused(A_STAFF, new InternshipInput.Position(A, "x", "y", "no", String.valueOf(gone), "1", "2013",
                "2013-07-01", "2013-07-31"), Map.of("base", InternshipService.BASE_UNKNOWN));
        refused(A_STAFF, new InternshipInput.Position(A, "x", "y", "no", "999999", "1", "2013",
                "2013-07-01", "2013-07-31"), Map.of("base", InternshipService.BASE_UNKNOWN));
        assertTrue(internships().create(A_STAFF, new InternshipInput.Position(A, "x", "y", "no",
                String.valueOf(baseA), "1", "2013", "2013-07-01", "2013-07-31")) > 0);
    }

    /** The base must still be open on the day the position starts; closing during the period is no matter. */
    @Test
    void theBaseIsOpenOnThePositionsStart() {
        long closing = bases.create(A_STAFF, InternshipBaseFixture.base("关闭基地", A, "2013-01-05",
                null, "2013-06-01"));
        refused(A_STAFF, period(A, 1, "2013-06-01", "2013-12-31", closing),
                Map.of("base", InternshipService.BASE_CLOSED));
        refused(A_STAFF, period(A, 1, "2013-07-01", "2013-12-31", closing),
                Map.of("base", InternshipService.BASE_CLOSED));
        long open = internships().create(A_STAFF, period(A, 1, "2013-05-31", "2013-12-31", closing));
        assertEquals(closing, internships().get(A_STAFF, open).baseId());

        // On update too: moving the start to the closing day, or naming the base on a later position.
        long later = internships().create(A_STAFF, period(A, 1, "2013-07-01", "2013-12-31", null));
        int audits = audit.entries.size();
        for (Object[] c : List.of(
                new Object[] {open, period(A, 1, "2013-06-01", "2013-12-31", closing)},
                new Object[] {later, period(A, 1, "2013-07-01", "2013-12-31", closing)})) {
            long id = (Long) c[0];
            InternshipPosition before = internships().get(A_STAFF, id);
            ValidationException e = assertThrows(ValidationException.class,
                    () -> internships().update(A_STAFF, id, (InternshipInput.Position) c[1]));
            assertEquals(Map.of("base", InternshipService.BASE_CLOSED), e.fieldErrors());
            assertEquals(before, internships().get(A_STAFF, id), "nothing written");
        }
        assertEquals(audits, audit.entries.size(), "nothing audited");
        internships().update(A_STAFF, open, period(A, 2, "2013-05-31", "2013-12-31", closing));
        assertEquals(2, internships().get(A_STAFF, open).places());
    }

    // ---------------------------------------------------------------- placements

    /** Start and end lie in the position's period, both ends included; a conversion may come after it. */
    @Test
    void aPlacementFallsWithinItsPositionsPeriod() {
        long p = internships().create(A_STAFF, period(A, 5, "2013-03-01", "2013-05-31", null));
        placeRefused(A_STAFF, p, placement(youthA, "2013-02-28"), Map.of("startsOn", InternshipService.OUTSIDE_PERIOD));
        placeRefused(A_STAFF, p, placement(youthA, "2013-06-01"), Map.of("startsOn", InternshipService.OUTSIDE_PERIOD));
        placeRefused(A_STAFF, p, new InternshipInput.Placement(String.valueOf(youthA), "2013-03-01", "2013-06-01",
                "COMPLETED", null, null), Map.of("endsOn", InternshipService.OUTSIDE_PERIOD));

        long id = internships().place(A_STAFF, p, new InternshipInput.Placement(String.valueOf(youthA), "2013-03-01",
                "2013-05-31", "COMPLETED", null, null));
        updateRefused(p, id, outcome("2013-01-02", "2013-05-31", "COMPLETED", null, null),
                Map.of("startsOn", InternshipService.OUTSIDE_PERIOD));
        updateRefused(p, id, outcome("2013-03-01", "2013-06-10", "COMPLETED", null, null),
                Map.of("endsOn", InternshipService.OUTSIDE_PERIOD));
        // A start outside the period is the error to fix; the conversion is not compared with it.
        updateRefused(p, id, outcome("2013-02-01", null, "CONVERTED", "青创电子厂", "2013-01-15"),
                Map.of("startsOn", InternshipService.OUTSIDE_PERIOD));

        internships().updatePlacement(A_STAFF, p, id, outcome("2013-03-01", "2013-05-31", "CONVERTED", "青创电子厂",
                "2013-06-10"));
        assertEquals(LocalDate.of(2013, 6, 10), internships().placement(A_STAFF, p, id).convertedOn(),
                "employed ten days after the period");
    }

    /**
     * One youth, one internship at a time, in any position: periods sharing a day are refused, on placing and on
     * changing the dates; a placement without an end runs to its position's end; deleted ones do not count.
     */
    @Test
    void aYouthHoldsNoTwoPlacementsAtOnce() {
        long spring = internships().create(A_STAFF, position(A, false, 5, "2013"));
        long summer = internships().create(A_STAFF, position(A, true, 5, "2013"));
        long autumn = internships().create(A_STAFF, position(A, false, 5, "2013"));
        long january = internships().create(A_STAFF, period(A, 5, "2013-01-01", "2013-02-28", null));
        long first = internships().place(A_STAFF, spring, new InternshipInput.Placement(String.valueOf(youthA),
                "2013-03-01", "2013-04-30", "LEFT", null, null));

        placeRefused(A_STAFF, summer, placement(youthA, "2013-04-30"),
                Map.of("youth", InternshipService.YOUTH_OVERLAPPING));
        placeRefused(A_STAFF, summer, new InternshipInput.Placement(String.valueOf(youthA), "2013-01-15",
                "2013-03-01", null, null, null), Map.of("youth", InternshipService.YOUTH_OVERLAPPING));
        long second = internships().place(A_STAFF, summer, placement(youthA, "2013-05-01"));
        // The open placement runs to 31 December, the end of its position.
        placeRefused(A_STAFF, autumn, placement(youthA, "2013-11-01"),
                Map.of("youth", InternshipService.YOUTH_OVERLAPPING));
        // This one has no end either, but its position ends before spring starts.
        internships().place(A_STAFF, january, placement(youthA, "2013-01-01"));
        // Another youth is free.
        internships().place(A_STAFF, autumn, placement(youthA2, "2013-11-01"));

        // Changing the dates: into the summer placement is refused, the placement's own dates are not an overlap.
        updateRefused(spring, first, outcome("2013-03-01", "2013-05-01", "LEFT", null, null),
                Map.of("startsOn", InternshipService.YOUTH_OVERLAPPING));
        internships().updatePlacement(A_STAFF, spring, first, outcome("2013-03-01", "2013-04-30", "COMPLETED", null,
                null));
        assertEquals(InternshipOutcome.COMPLETED, internships().placement(A_STAFF, spring, first).outcome());

        // A deleted placement does not hold the youth.
        internships().deletePlacement(A_STAFF, summer, second);
        assertTrue(internships().place(A_STAFF, autumn, placement(youthA, "2013-11-01")) > 0);
        assertEquals(5, audit.withAction("internship.place").size());
    }

    @Test
    void aYouthIsPlacedOnceIntoAPositionWithAFreePlace() {
        long p = internships().create(A_STAFF, position(A, true, 1, "2013"));
        placeRefused(A_STAFF, p, placement(999999, "2013-07-01"), Map.of("youth", InternshipService.YOUTH_UNKNOWN));
        placeRefused(A_STAFF, p, new InternshipInput.Placement("-1", "2013-07-01", null, null, null, null),
                Map.of("youth", InternshipService.YOUTH_UNKNOWN));
        placeRefused(A_STAFF, p, new InternshipInput.Placement(null, "2013-07-01", null, null, null, null),
                Map.of("youth", InternshipService.YOUTH_REQUIRED));
        placeRefused(A_STAFF, p, placement(youthB, "2013-07-01"), Map.of("youth", InternshipService.YOUTH_UNKNOWN));
        placeRefused(CITY_ADMIN, p, placement(youthB, "2013-07-01"),
                Map.of("youth", InternshipService.YOUTH_OTHER_COUNTY));
        placeRefused(A_STAFF, p, placement(youthA, "2012-12-31"),
                Map.of("startsOn", InternshipService.OUTSIDE_PERIOD));
        placeRefused(A_STAFF, p, new InternshipInput.Placement(String.valueOf(youthA), "2013-07-01", "2014-01-01",
                "bogus", null, null), Map.of("endsOn", InternshipService.OUTSIDE_PERIOD, "outcome",
                        InternshipService.OUTCOME_INVALID));

        long placed = internships().place(A_STAFF, p, placement(youthA, "2013-07-01"));
        InternshipPlacement pl = internships().placement(A_STAFF, p, placed);
        assertEquals(InternshipOutcome.IN_PROGRESS, pl.outcome(), "in progress when no outcome is given");
        assertEquals("见习甲", pl.youthName());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "internship.place", "internship:" + p, "youth=" + youthA
                + " placement=" + placed + " outcome=IN_PROGRESS")), audit.withAction("internship.place"));
        assertTrue(internships().get(A_STAFF, p).full());

        // The single place is taken: a second youth is refused.
        placeRefused(A_STAFF, p, placement(youthA2, "2013-07-01"), Map.of("youth", InternshipService.POSITION_FULL));

        // A deleted placement frees its place (and youthA's time, for the next position).
        internships().deletePlacement(A_STAFF, p, placed);
        assertFalse(internships().get(A_STAFF, p).full());
        assertEquals(List.of(), internships().placements(A_STAFF, p));
        assertThrows(NotFoundException.class, () -> internships().deletePlacement(A_STAFF, p, placed));

        // The same youth twice in one position says so; a deleted youth cannot be placed.
        long bigger = internships().create(A_STAFF, position(A, true, 5, "2013"));
        internships().place(A_STAFF, bigger, placement(youthA, "2013-07-01"));
        placeRefused(A_STAFF, bigger, placement(youthA, "2013-08-01"),
                Map.of("youth", InternshipService.YOUTH_ALREADY_PLACED));
        service.delete(A_STAFF, youthA2);
        placeRefused(A_STAFF, p, placement(youthA2, "2013-07-01"), Map.of("youth", InternshipService.YOUTH_UNKNOWN));
    }

    @Test
    void outcomesNeedTheirDates() {
        long p = internships().create(A_STAFF, position(A, false, 2, "2013"));
        long id = internships().place(A_STAFF, p, placement(youthA, "2013-03-01"));
        long before = rows("EMP_INTERNSHIP_PLACEMENT");
        for (Object[] c : List.of(
                new Object[] {outcome("2013-03-01", null, "COMPLETED", null, null),
                    Map.of("endsOn", InternshipService.ENDS_REQUIRED)},
                new Object[] {outcome("2013-03-01", "2013-06-16", "LEFT", null, null),
                    Map.of("endsOn", InternshipService.DATE_FUTURE)},
                new Object[] {outcome("2013-03-01", null, "CONVERTED", " ", null),
                    Map.of("convertedEmployer", InternshipService.CONVERTED_EMPLOYER_REQUIRED, "convertedOn",
                        InternshipService.CONVERTED_ON_REQUIRED)},
                new Object[] {outcome("2013-03-01", null, "CONVERTED", "单".repeat(101), "2013-06-16"),
                    Map.of("convertedEmployer", InternshipService.CONVERTED_EMPLOYER_TOO_LONG, "convertedOn",
                        InternshipService.DATE_FUTURE)},
                new Object[] {outcome("2013-03-01", null, "CONVERTED", "青创电子厂", "2013-02-28"),
                    Map.of("convertedOn", InternshipService.CONVERTED_BEFORE_START)},
                new Object[] {outcome("2013-03-01", "2013-05-31", "COMPLETED", "青创电子厂", "2013-06-01"),
                    Map.of("convertedEmployer", InternshipService.CONVERSION_ONLY, "convertedOn",
                        InternshipService.CONVERSION_ONLY)},
                new Object[] {outcome("2013-05-01", "2013-04-30", "IN_PROGRESS", null, null),
                    Map.of("endsOn", InternshipService.ENDS_BEFORE_STARTS)})) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> internships().updatePlacement(A_STAFF, p, id, (InternshipInput.Placement) c[0]));
            assertEquals(c[1], e.fieldErrors());
        }
        assertEquals(before, rows("EMP_INTERNSHIP_PLACEMENT"));
        assertEquals(InternshipOutcome.IN_PROGRESS, internships().placement(A_STAFF, p, id).outcome());
        assertEquals(0, audit.withAction("internship.placement.update").size());

        internships().updatePlacement(A_STAFF, p, id, outcome("2013-03-01", "2013-05-31", "converted", "青创电子厂",
                "2013-06-01"));
        InternshipPlacement pl = internships().placement(A_STAFF, p, id);
        assertEquals(InternshipOutcome.CONVERTED, pl.outcome());
        assertEquals("青创电子厂", pl.convertedEmployer());
        assertEquals(LocalDate.of(2013, 6, 1), pl.convertedOn());
        assertEquals(youthA, pl.youthId());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "internship.placement.update", "internship:" + p,
                "youth=" + youthA + " placement=" + id + " outcome=CONVERTED")),
                audit.withAction("internship.placement.update"));
    }

    @Test
    void aPositionWithInternsKeepsItsCountyYearAndTakenPlaces() {
        long p = internships().create(CITY_ADMIN, position(A, true, 3, "2013"));
        internships().place(CITY_ADMIN, p, placement(youthA, "2013-07-01"));
        internships().place(CITY_ADMIN, p, placement(youthA2, "2013-07-01"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> internships().update(CITY_ADMIN, p, position(B, true, 1, "2013")));
        assertEquals(Map.of("county", InternshipService.COUNTY_LINKED, "places",
                InternshipService.PLACES_BELOW_PLACED), e.fieldErrors());
        e = assertThrows(ValidationException.class, () -> internships().update(CITY_ADMIN, p,
                position(A, true, 3, "2014")));
        assertEquals(Map.of("year", InternshipService.YEAR_LINKED), e.fieldErrors());
        e = assertThrows(ValidationException.class, () -> internships().delete(CITY_ADMIN, p));
        assertEquals(Map.of("delete", InternshipService.DELETE_LINKED), e.fieldErrors());
        assertEquals(0, audit.withAction("internship.update").size() + audit.withAction("internship.delete").size());

        // Two places are as many as are taken; the post kind change reaches the placements' figures at once.
        long a = TreeOrgUnits.COUNTY_A.id();
        assertEquals(new BigDecimal("100.00"), project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 12, 31))
                .get(a).get(InternshipService.INDICATOR_GM_SHARE));
        internships().update(CITY_ADMIN, p, position(A, false, 2, "2013"));
        assertEquals(new BigDecimal("0.00"), project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 12, 31))
                .get(a).get(InternshipService.INDICATOR_GM_SHARE));
        assertEquals(1, audit.withAction("internship.update").size());
    }

    // ---------------------------------------------------------------- scope

    @Test
    void anotherCountyCannotReadOrChangeAPositionOrItsPlacements() {
        long p = internships().create(A_STAFF, position(A, true, 3, "2013"));
        long pl = internships().place(A_STAFF, p, placement(youthA, "2013-07-01"));
        int audits = audit.entries.size();
        assertThrows(NotFoundException.class, () -> internships().get(B_STAFF, p));
        assertThrows(NotFoundException.class, () -> internships().placements(B_STAFF, p));
        assertThrows(NotFoundException.class, () -> internships().placement(B_STAFF, p, pl));
        assertThrows(NotFoundException.class, () -> internships().update(B_STAFF, p, position(B, true, 3, "2013")));
        assertThrows(NotFoundException.class, () -> internships().delete(B_STAFF, p));
        assertThrows(NotFoundException.class, () -> internships().place(B_STAFF, p, placement(youthB,
                "2013-07-01")));
        assertThrows(NotFoundException.class, () -> internships().updatePlacement(B_STAFF, p, pl,
                outcome("2013-07-01", null, null, null, null)));
        assertThrows(NotFoundException.class, () -> internships().deletePlacement(B_STAFF, p, pl));
        assertEquals(0, internships().list(B_STAFF, new InternshipService.Filter(null, 2013, null, null), 1).total());
        assertEquals(0, internships().list(B_STAFF, new InternshipService.Filter(null, 2013, null,
                TreeOrgUnits.COUNTY_A.id()), 1).total());
        assertEquals(List.of(TreeOrgUnits.COUNTY_B.id()),
                List.copyOf(internships().figures(B_STAFF, 2013, null).keySet()));
        refused(B_STAFF, position(A, true, 1, "2013"), Map.of("county", InternshipService.COUNTY_INVALID));
        assertEquals(audits, audit.entries.size());

        // A placement reached through another position is not found either.
        long other = internships().create(A_STAFF, position(A, false, 3, "2013"));
        assertThrows(NotFoundException.class, () -> internships().placement(A_STAFF, other, pl));
        assertThrows(NotFoundException.class, () -> internships().deletePlacement(A_STAFF, other, pl));
        assertEquals(1, internships().placements(A_STAFF, p).size());
    }

    @Test
    void viewersReadButDoNotWrite() {
        long p = internships().create(A_STAFF, position(A, true, 3, "2013"));
        assertEquals(3, internships().get(A_VIEWER, p).places());
        assertThrows(AccessDeniedException.class, () -> internships().create(A_VIEWER, position(A, true, 3, "2013")));
        assertThrows(AccessDeniedException.class, () -> internships().place(A_VIEWER, p, placement(youthA,
                "2013-07-01")));
        assertThrows(AccessDeniedException.class, () -> internships().delete(A_VIEWER, p));
        assertThrows(AccessDeniedException.class, () -> internships().get(NO_ROLE, p));
        assertThrows(AccessDeniedException.class, () -> internships().figures(NO_ROLE, 2013, null));
    }

    // ---------------------------------------------------------------- indicators and time nodes

    @Test
    void indicatorsAndTimeNodesFollowThePolicy() {
        Map<String, IndicatorDefinition> defs = new HashMap<>();
        project.indicators().forEach(d -> defs.put(d.id(), d));
        IndicatorDefinition interns = defs.get(InternshipService.INDICATOR_INTERNS);
        IndicatorDefinition gm = defs.get(InternshipService.INDICATOR_GM_SHARE);
        IndicatorDefinition conversion = defs.get(InternshipService.INDICATOR_CONVERSION);
        assertEquals(List.of(Comparison.AT_LEAST, Comparison.MORE_THAN, Comparison.AT_LEAST),
                List.of(interns.comparison(), gm.comparison(), conversion.comparison()));
        assertEquals(List.of(new BigDecimal(600), new BigDecimal(50), new BigDecimal(10)),
                List.of(interns.defaultTarget(), gm.defaultTarget(), conversion.defaultTarget()));
        assertEquals(List.of(TargetKind.ABSOLUTE, TargetKind.SHARE, TargetKind.RATE),
                List.of(interns.kind(), gm.kind(), conversion.kind()));
        assertEquals(List.of("unit.person", "unit.percent", "unit.percent"),
                List.of(interns.unitKey(), gm.unitKey(), conversion.unitKey()));
        for (IndicatorDefinition d : List.of(interns, gm, conversion)) {
            assertEquals("附件2 第5项", d.clause());
        }

        Map<String, MilestoneDefinition> nodes = new HashMap<>();
        project.milestones().forEach(m -> nodes.put(m.id(), m));
        assertEquals(MonthDay.of(6, 30), nodes.get("internship.positions.collected").due());
        assertEquals(MonthDay.of(7, 31), nodes.get("internship.matching.event").due());
        assertEquals("附件2 第5项", nodes.get("internship.positions.collected").clause());
        assertEquals("附件2 第5项", nodes.get("internship.matching.event").clause());

        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            List<String> keys = new ArrayList<>(List.of(interns.nameKey(), gm.nameKey(), conversion.nameKey(),
                    nodes.get("internship.positions.collected").nameKey(),
                    nodes.get("internship.matching.event").nameKey()));
            for (InternshipOutcome o : InternshipOutcome.values()) {
                keys.add("internship.outcome." + o.name());
            }
            for (String key : keys) {
                assertTrue(PageRender.keys(locale).contains(key), key + " in " + locale);
            }
        }
    }

    /** "More than 50%": exactly half fails, a hair above passes, and rounding never lifts 50.005% to a pass. */
    @Test
    void theShareOfGeneralManagerAssistantsMustExceedHalf() {
        Comparison more = Comparison.MORE_THAN;
        BigDecimal target = new BigDecimal(50);
        assertFalse(more.met(MentorService.percent(5000, 10000), target), "50.00% is not more than 50%");
        assertEquals(new BigDecimal("50.01"), MentorService.percent(5001, 10000));
        assertTrue(more.met(MentorService.percent(5001, 10000), target), "50.01% is");
        assertEquals(new BigDecimal("50.00"), MentorService.percent(10001, 20000), "50.005% rounds down");
        assertFalse(more.met(MentorService.percent(10001, 20000), target));

        // On records: two of four interns in assistant posts is exactly half; a third makes three of five.
        long a = TreeOrgUnits.COUNTY_A.id();
        long gmPost = internships().create(A_STAFF, position(A, true, 10, "2013"));
        long linePost = internships().create(A_STAFF, position(A, false, 10, "2013"));
        List<Long> youth = youth(5);
        internships().place(A_STAFF, gmPost, placement(youth.get(0), "2013-07-01"));
        internships().place(A_STAFF, gmPost, placement(youth.get(1), "2013-07-01"));
        internships().place(A_STAFF, linePost, placement(youth.get(2), "2013-07-01"));
        internships().place(A_STAFF, linePost, placement(youth.get(3), "2013-07-01"));
        BigDecimal half = yearEnd(a).get(InternshipService.INDICATOR_GM_SHARE);
        assertEquals(new BigDecimal("50.00"), half);
        assertFalse(gmDefinition().comparison().met(half, gmDefinition().defaultTarget()));
        internships().place(A_STAFF, gmPost, placement(youth.get(4), "2013-07-01"));
        BigDecimal threeOfFive = yearEnd(a).get(InternshipService.INDICATOR_GM_SHARE);
        assertEquals(new BigDecimal("60.00"), threeOfFive);
        assertTrue(gmDefinition().comparison().met(threeOfFive, gmDefinition().defaultTarget()));
    }

    /** At least 10% converted: one of ten meets it, one of eleven (9.09%) does not. */
    @Test
    void theConversionRateIsAtLeastTenPercent() {
        long a = TreeOrgUnits.COUNTY_A.id();
        long p = internships().create(A_STAFF, position(A, false, 20, "2013"));
        List<Long> youth = youth(11);
        List<Long> placements = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            placements.add(internships().place(A_STAFF, p, placement(youth.get(i), "2013-03-01")));
        }
        assertEquals(new BigDecimal("0.00"), yearEnd(a).get(InternshipService.INDICATOR_CONVERSION));
        internships().updatePlacement(A_STAFF, p, placements.get(0), outcome("2013-03-01", "2013-05-31",
                "CONVERTED", "青创电子厂", "2013-06-01"));
        IndicatorDefinition rate = project.indicators().stream()
                .filter(d -> d.id().equals(InternshipService.INDICATOR_CONVERSION)).findFirst().orElseThrow();
        BigDecimal oneOfTen = yearEnd(a).get(InternshipService.INDICATOR_CONVERSION);
        assertEquals(new BigDecimal("10.00"), oneOfTen);
        assertTrue(rate.comparison().met(oneOfTen, rate.defaultTarget()));
        internships().place(A_STAFF, p, placement(youth.get(10), "2013-03-01"));
        BigDecimal oneOfEleven = yearEnd(a).get(InternshipService.INDICATOR_CONVERSION);
        assertEquals(new BigDecimal("9.09"), oneOfEleven);
        assertFalse(rate.comparison().met(oneOfEleven, rate.defaultTarget()));
        assertEquals(BigDecimal.valueOf(11), yearEnd(a).get(InternshipService.INDICATOR_INTERNS));
        // Before the conversion day it had not happened.
        assertEquals(new BigDecimal("0.00"), project.actualsAsOf(List.of(a), 2013, LocalDate.of(2013, 5, 31)).get(a)
                .get(InternshipService.INDICATOR_CONVERSION));
    }

    /**
     * County A in 2013: y1 in an assistant post and (after leaving) a line post — one intern, in an assistant post;
     * y2 in a line post, converted on 1 June; y3 starts on 1 August; y4's placement was deleted; a 2012 placement of
     * y1 belongs to 2012. County B: one intern. No intern at all gives 0 and 0%.
     */
    @Test
    void actualsCountDistinctInternsOfTheYearByTheDay() {
        List<Long> y = youth(4);
        long gm2013 = internships().create(CITY_ADMIN, position(A, true, 5, "2013"));
        long line2013 = internships().create(CITY_ADMIN, position(A, false, 5, "2013"));
        long line2012 = internships().create(CITY_ADMIN, position(A, false, 5, "2012"));
        long b2013 = internships().create(CITY_ADMIN, position(B, true, 5, "2013"));
        internships().place(CITY_ADMIN, gm2013, new InternshipInput.Placement(String.valueOf(y.get(0)), "2013-02-01",
                "2013-02-28", "LEFT", null, null));
        internships().place(CITY_ADMIN, line2013, placement(y.get(0), "2013-03-01"));
        internships().place(CITY_ADMIN, line2013, new InternshipInput.Placement(String.valueOf(y.get(1)),
                "2013-03-01", "2013-05-31", "CONVERTED", "青创电子厂", "2013-06-01"));
        internships().place(CITY_ADMIN, line2013, placement(y.get(2), "2013-08-01"));
        long gone = internships().place(CITY_ADMIN, gm2013, placement(y.get(3), "2013-03-01"));
        internships().deletePlacement(CITY_ADMIN, gm2013, gone);
        internships().place(CITY_ADMIN, line2012, placement(y.get(0), "2012-09-01"));
        internships().place(CITY_ADMIN, b2013, placement(youthB, "2013-04-01"));

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        long city = TreeOrgUnits.CITY.id();
        assertEquals(values(2, "50.00", "50.00"), internValues(project.actualsAsOf(List.of(a), 2013, TODAY).get(a)),
                "y1 (assistant post) and y2 (converted) by 15 June");
        assertEquals(values(2, "50.00", "0.00"), internValues(project.actualsAsOf(List.of(a), 2013,
                LocalDate.of(2013, 5, 31)).get(a)), "not yet converted on 31 May");
        Map<Long, Map<String, BigDecimal>> end = project.actuals(List.of(a, b, city), 2013);
        assertEquals(values(3, "33.33", "33.33"), internValues(end.get(a)), "y3 started in August");
        assertEquals(values(1, "100.00", "0.00"), internValues(end.get(b)));
        assertEquals(values(0, "0.00", "0.00"), internValues(end.get(city)), "only the unit's own interns");
        assertEquals(values(1, "0.00", "0.00"), internValues(project.actuals(List.of(a), 2012).get(a)));

        InternshipService.Figures f = internships().figures(A_STAFF, 2013, null).get(a);
        assertEquals(new InternshipService.Figures(2, 1, 1, new BigDecimal("50.00"), new BigDecimal("50.00")), f);
    }

    // ---------------------------------------------------------------- helpers

    /** {@code n} distinct live job-seeking youth of county A. */
    private List<Long> youth(int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(service.create(CITY_ADMIN, person("青年" + i, LocalDate.of(1992, 1, 1).plusDays(i), 21 + 2 * i,
                    "JOB_SEEKING", TreeOrgUnits.COUNTY_A, "2012-06-01")));
        }
        return out;
    }

    private Map<String, BigDecimal> yearEnd(long unit) {
        return project.actuals(List.of(unit), 2013).get(unit);
    }

    private IndicatorDefinition gmDefinition() {
        return project.indicators().stream().filter(d -> d.id().equals(InternshipService.INDICATOR_GM_SHARE))
                .findFirst().orElseThrow();
    }

    private static Map<String, BigDecimal> values(long interns, String gm, String conversion) {
        return Map.of(InternshipService.INDICATOR_INTERNS, BigDecimal.valueOf(interns),
                InternshipService.INDICATOR_GM_SHARE, new BigDecimal(gm), InternshipService.INDICATOR_CONVERSION,
                new BigDecimal(conversion));
    }

    private static Map<String, BigDecimal> internValues(Map<String, BigDecimal> all) {
        return Map.of(InternshipService.INDICATOR_INTERNS, all.get(InternshipService.INDICATOR_INTERNS),
                InternshipService.INDICATOR_GM_SHARE, all.get(InternshipService.INDICATOR_GM_SHARE),
                InternshipService.INDICATOR_CONVERSION, all.get(InternshipService.INDICATOR_CONVERSION));
    }
}
