package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work item 8, credit demonstration households: validation, scope, audit, the three indicators, and the 10% growth
 * as the core judges it from this register's actuals of two years.
 */
class CreditServiceTest extends EmploymentTestBase {

    private static final String A = String.valueOf(TreeOrgUnits.COUNTY_A.id());
    private static final String B = String.valueOf(TreeOrgUnits.COUNTY_B.id());

    private CreditService credit;

    @BeforeEach
    void credit() {
        credit = project.credit();
    }

    private static CreditInput household(String county, String ratedOn, String yuan, String loanOn) {
        return new CreditInput(county, "张大山", "青山镇 石桥村", ratedOn, "AA", yuan, loanOn);
    }

    private void refused(Actor who, CreditInput in, Map<String, String> expected) {
        long before = rows("EMP_CREDIT_HOUSEHOLD");
        int audits = audit.entries.size();
        ValidationException e = assertThrows(ValidationException.class, () -> credit.create(who, in));
        assertEquals(expected, e.fieldErrors());
        assertEquals(before, rows("EMP_CREDIT_HOUSEHOLD"), "nothing written");
        assertEquals(audits, audit.entries.size(), "nothing audited");
    }

    @Test
    void householdIsStoredReadBackListedAndAudited() {
        long id = credit.create(A_STAFF, new CreditInput(null, " 张大山 ", "青山镇 石桥村", "2013-03-01", "aaa",
                "50,000.50", "2013-03-15"));
        CreditHousehold h = credit.get(A_STAFF, id);
        assertEquals("张大山", h.headName());
        assertEquals(CreditRating.AAA, h.rating());
        assertEquals(new BigDecimal("50000.50"), h.loanAmount());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), h.countyId());
        assertEquals(List.of(new ListAudit.Entry("a-staff", "credit.create", "credit:" + id,
                "county=" + A + " rated=2013-03-01 loan=50000.50")), audit.withAction("credit.create"));

        long unrated = credit.create(A_STAFF, new CreditInput(A, "李四", "石桥村", "2013-04-01", null, null, null));
        assertNull(credit.get(A_STAFF, unrated).rating());
        assertEquals(new BigDecimal("0.00"), credit.get(A_STAFF, unrated).loanAmount(), "rated before any loan");
        assertEquals(2, credit.list(A_STAFF, new CreditHousehold.Filter("石桥", null, 2013, null), 1).total());
        assertEquals(1, credit.list(A_STAFF, new CreditHousehold.Filter(null, null, 2013, CreditRating.AAA), 1)
                .total());
        assertEquals(0, credit.list(A_STAFF, new CreditHousehold.Filter(null, null, 2012, null), 1).total());

        credit.update(A_STAFF, unrated, new CreditInput(A, "李四", "石桥村", "2013-04-01", "A", "8000", "2013-05-01"));
        assertEquals(new BigDecimal("8000.00"), credit.get(A_STAFF, unrated).loanAmount());
        assertEquals(1, audit.withAction("credit.update").size());
        credit.delete(A_STAFF, unrated);
        assertThrows(NotFoundException.class, () -> credit.get(A_STAFF, unrated));
        assertEquals(1, audit.withAction("credit.delete").size());
        assertEquals(2, rows("EMP_CREDIT_HOUSEHOLD"), "soft delete");
    }

    @Test
    void badInputWritesNothing() {
        refused(CITY_ADMIN, new CreditInput(null, null, " ", null, "B", "-1", null),
                Map.of("county", CreditService.COUNTY_REQUIRED, "headName", CreditService.NAME_REQUIRED, "village",
                        CreditService.VILLAGE_REQUIRED, "ratedOn", CreditService.DATE_INVALID, "rating",
                        CreditService.RATING_INVALID, "loanAmount", Money.NEGATIVE));
        refused(A_STAFF, new CreditInput(B, "名".repeat(51), "村".repeat(101), "2013-06-16", null, "1.005",
                "2013-07-01"), Map.of("county", CreditService.COUNTY_INVALID, "headName", CreditService.NAME_TOO_LONG,
                        "village", CreditService.VILLAGE_TOO_LONG, "ratedOn", CreditService.DATE_FUTURE, "loanAmount",
                        Money.DECIMALS_YUAN, "loanOn", CreditService.DATE_FUTURE));
        refused(A_STAFF, household(A, "2013-03-01", "5000", null), Map.of("loanOn", CreditService.LOAN_ON_REQUIRED));
        refused(A_STAFF, household(A, "2013-03-01", null, "2013-03-02"),
                Map.of("loanAmount", CreditService.AMOUNT_REQUIRED));
        refused(A_STAFF, household(A, "2013-03-01", "0", "2013-03-02"),
                Map.of("loanOn", CreditService.LOAN_ON_WITHOUT_AMOUNT));
        refused(A_STAFF, household(A, "2013-03-01", "5000", "2013-02-28"),
                Map.of("loanOn", CreditService.LOAN_BEFORE_RATING));
        refused(A_STAFF, household(A, "2012-12-01", "5000", "2013-01-05"),
                Map.of("loanOn", CreditService.LOAN_OTHER_YEAR));
        refused(A_STAFF, household(A, "2013-03-01", "10000000.01", "2013-03-02"),
                Map.of("loanAmount", CreditService.AMOUNT_TOO_LARGE));
        refused(A_STAFF, household(A, "1999-12-31", "1e4", null),
                Map.of("ratedOn", CreditService.DATE_TOO_EARLY, "loanAmount", Money.INVALID));
    }

    @Test
    void scopeHidesOtherCounties() {
        long a = credit.create(A_STAFF, household(A, "2013-03-01", "5000", "2013-03-02"));
        long b = credit.create(B_STAFF, household(B, "2013-03-01", "6000", "2013-03-02"));
        assertThrows(NotFoundException.class, () -> credit.get(B_STAFF, a));
        assertThrows(NotFoundException.class, () -> credit.update(B_STAFF, a, household(B, "2013-03-01", null, null)));
        assertThrows(NotFoundException.class, () -> credit.delete(B_STAFF, a));
        assertEquals(List.of(b), credit.list(B_STAFF, new CreditHousehold.Filter(null, null, 2013, null), 1).items()
                .stream().map(CreditHousehold::id).toList());
        assertEquals(2, credit.list(CITY_ADMIN, new CreditHousehold.Filter(null, null, 2013, null), 1).total());
        assertThrows(AccessDeniedException.class, () -> credit.create(A_VIEWER, household(A, "2013-03-01", null,
                null)));
        assertThrows(AccessDeniedException.class, () -> credit.get(NO_ROLE, a));
        assertEquals(a, credit.get(A_VIEWER, a).id());
    }

    @Test
    void indicatorsFollowThePolicyAndTheGrowthOneFitsTheCoresBaseline() {
        Map<String, IndicatorDefinition> defs = new java.util.HashMap<>();
        project.indicators().forEach(d -> defs.put(d.id(), d));
        IndicatorDefinition households = defs.get(CreditService.INDICATOR_HOUSEHOLDS);
        assertEquals(new BigDecimal(200), households.defaultTarget());
        assertEquals(TargetKind.ABSOLUTE, households.kind());
        IndicatorDefinition amount = defs.get(CreditService.INDICATOR_AMOUNT);
        assertEquals(new BigDecimal(500), amount.defaultTarget(), "500 万元 = 5,000,000 元");
        assertEquals(TargetKind.ABSOLUTE, amount.kind());
        IndicatorDefinition growth = defs.get(CreditService.INDICATOR_GROWTH);
        assertEquals(TargetKind.BASELINE_RELATIVE, growth.kind());
        assertEquals(BigDecimal.TEN, growth.defaultTarget(), "10 percent over last year");
        assertEquals("unit.wanyuan", growth.unitKey(), "its actual is an amount, held against the grown baseline");
        for (IndicatorDefinition d : List.of(households, amount, growth)) {
            assertEquals(Comparison.AT_LEAST, d.comparison());
            assertEquals("附件2 第8项", d.clause());
        }
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (String key : List.of(households.nameKey(), amount.nameKey(), growth.nameKey(), "unit.household")) {
                assertTrue(PageRender.keys(locale).contains(key), key + " in " + locale);
            }
        }
    }

    @Test
    void actualsOfEachYearComeFromTheHouseholdsRatedInIt() {
        // 2012: two households of A with 60 万元 and 40 万元; one rated with no loan; one deleted.
        credit.create(CITY_ADMIN, household(A, "2012-02-01", "600000", "2012-02-10"));
        credit.create(CITY_ADMIN, household(A, "2012-12-31", "400000.00", "2012-12-31"));
        credit.create(CITY_ADMIN, household(A, "2012-05-01", null, null));
        long gone = credit.create(CITY_ADMIN, household(A, "2012-06-01", "999999", "2012-06-01"));
        credit.delete(CITY_ADMIN, gone);
        // 2013 so far: 109.999999 万元 in three households, one of whose loans comes after 31 March.
        credit.create(CITY_ADMIN, household(A, "2013-01-01", "500000", "2013-01-02"));
        credit.create(CITY_ADMIN, household(A, "2013-03-01", "0.01", "2013-03-31"));
        credit.create(CITY_ADMIN, household(A, "2013-03-31", "599999.98", "2013-04-01"));
        credit.create(CITY_ADMIN, household(B, "2013-02-01", "12345.67", "2013-02-01"));

        long a = TreeOrgUnits.COUNTY_A.id();
        long b = TreeOrgUnits.COUNTY_B.id();
        long city = TreeOrgUnits.CITY.id();
        Map<Long, Map<String, BigDecimal>> y2012 = project.actuals(List.of(a, b, city), 2012);
        assertEquals(values(3, "100"), creditValues(y2012.get(a)), "rated in 2012; the deleted one does not count");
        assertEquals(values(0, "0"), creditValues(y2012.get(b)));
        assertEquals(values(0, "0"), creditValues(y2012.get(city)), "only the unit's own households");

        Map<Long, Map<String, BigDecimal>> y2013 = project.actualsAsOf(List.of(a, b), 2013, TODAY);
        assertEquals(values(3, "109.999999"), creditValues(y2013.get(a)), "2012's households stay in 2012");
        assertEquals(values(1, "1.234567"), creditValues(y2013.get(b)));
        assertEquals(values(3, "50.000001"), creditValues(project.actualsAsOf(List.of(a), 2013,
                LocalDate.of(2013, 3, 31)).get(a)), "rated by 31 March; the loan of 1 April not yet taken");
        assertEquals(project.actuals(List.of(a, b), 2012), project.actualsAsOf(List.of(a, b), 2012, TODAY));
        assertTrue(credit.actualsAsOf(List.of(), 2013, TODAY).isEmpty());
    }

    /**
     * What the core does with a BASELINE_RELATIVE indicator: last year's actual of the same indicator is the
     * baseline, the target is baseline × (100 + 10) / 100, and this year's actual must reach it.
     */
    @Test
    void growthOfTenPercentIsJudgedFromLastYearsActualOfTheSameIndicator() {
        credit.create(CITY_ADMIN, household(A, "2012-02-01", "600000", "2012-02-10"));
        credit.create(CITY_ADMIN, household(A, "2012-03-01", "400000", "2012-03-10"));
        long grows = credit.create(CITY_ADMIN, household(A, "2013-01-01", "1099999.99", "2013-01-02"));
        long a = TreeOrgUnits.COUNTY_A.id();
        IndicatorDefinition growth = project.indicators().stream()
                .filter(d -> d.id().equals(CreditService.INDICATOR_GROWTH)).findFirst().orElseThrow();
        TargetRule rule = growth.defaultRule();

        BigDecimal baseline = project.actuals(List.of(a), 2012).get(a).get(CreditService.INDICATOR_GROWTH);
        assertEquals(new BigDecimal("100"), baseline);
        assertEquals("110", rule.resolve(baseline).toPlainString(), "100 万元 grown by 10%");
        BigDecimal actual = project.actualsAsOf(List.of(a), 2013, TODAY).get(a).get(CreditService.INDICATOR_GROWTH);
        assertEquals(new BigDecimal("109.999999"), actual, "one fen short of 110 万元");
        assertFalse(rule.met(actual, baseline));
        assertEquals(new BigDecimal("99.99"), rule.completion(actual, baseline));

        credit.update(CITY_ADMIN, grows, household(A, "2013-01-01", "1100000", "2013-01-02"));
        actual = project.actualsAsOf(List.of(a), 2013, TODAY).get(a).get(CreditService.INDICATOR_GROWTH);
        assertTrue(rule.met(actual, baseline), "110 万元 is 10% more than 100 万元");
        assertEquals(actual, project.actualsAsOf(List.of(a), 2013, TODAY).get(a).get(CreditService.INDICATOR_AMOUNT),
                "the growth indicator's actual is the year's amount");
        assertNull(rule.resolve(null), "a county without a baseline cannot be judged");
        assertEquals(CreditWeb.POLICY_GROWTH, rule, "the page shows the policy's rule");
    }

    private static Map<String, BigDecimal> values(long households, String wanyuan) {
        return Map.of(CreditService.INDICATOR_HOUSEHOLDS, BigDecimal.valueOf(households),
                CreditService.INDICATOR_AMOUNT, new BigDecimal(wanyuan), CreditService.INDICATOR_GROWTH,
                new BigDecimal(wanyuan));
    }

    private static Map<String, BigDecimal> creditValues(Map<String, BigDecimal> all) {
        return Map.of(CreditService.INDICATOR_HOUSEHOLDS, all.get(CreditService.INDICATOR_HOUSEHOLDS),
                CreditService.INDICATOR_AMOUNT, all.get(CreditService.INDICATOR_AMOUNT),
                CreditService.INDICATOR_GROWTH, all.get(CreditService.INDICATOR_GROWTH));
    }
}
