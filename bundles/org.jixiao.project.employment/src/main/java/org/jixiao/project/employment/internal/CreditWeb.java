package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.LoanWeb.year;
import static org.jixiao.project.employment.internal.YouthWeb.countyNames;
import static org.jixiao.project.employment.internal.YouthWeb.countyOptions;
import static org.jixiao.project.employment.internal.YouthWeb.notFound;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.employment.internal.credit.CreditRegister;

/**
 * The credit demonstration households' year against the policy: per county, the households and credit loans of the
 * year, last year's loans and the amount that grows them by 10%, as the page
 * {@code /p/employment/credit-households/summary} and its JSON. The households themselves are the register engine's,
 * which passes these paths on; {@link YouthWeb} routes here.
 */
final class CreditWeb implements Register.Pages {

    static final String PATH = "credit-households";
    static final String SUMMARY = "summary";
    static final String SUMMARY_TEMPLATE = "credit-summary";
    /** The policy's growth, as the core applies it to last year's figure. */
    static final TargetRule POLICY_GROWTH = new TargetRule(TargetKind.BASELINE_RELATIVE, Comparison.AT_LEAST,
            BigDecimal.TEN);

    private final CountyScope scope;
    private final Clock clock;
    private final Register.Actuals actuals;

    /** @param actuals the register's indicators per unit, as the project computes them */
    CreditWeb(OrgUnitService orgUnits, YouthService youth, Clock clock, Register.Actuals actuals) {
        this.scope = new CountyScope(orgUnits, youth, "credit");
        this.clock = clock;
        this.actuals = actuals;
    }

    @Override
    public WebResult html(WebRequest r, String method, List<String> path) {
        if (path.size() == 2 && path.get(1).equals(SUMMARY) && method.equals("GET")) {
            Map<String, Object> model = new HashMap<>(summary(r));
            model.put("counties", countyOptions(scope.counties(r.actor())));
            Long county = ProjectValidator.positiveId(r.param("county"));
            model.put("county", county == null ? "" : String.valueOf(county));
            return WebResult.page(SUMMARY_TEMPLATE, model);
        }
        throw notFound(r);
    }

    @Override
    public WebResult api(WebRequest r, String method, List<String> path) {
        if (path.size() == 2 && path.get(1).equals(SUMMARY) && method.equals("GET")) {
            return WebResult.json(summary(r));
        }
        throw notFound(r);
    }

    /**
     * Per county in scope: the year's households and amount as of today, last year's amount from the live records,
     * and the amount that grows it by the policy's 10% (the target table uses the approved figure once published).
     */
    private Map<String, Object> summary(WebRequest r) {
        Actor actor = r.actor();
        scope.requireReader(actor);
        LocalDate today = LocalDate.now(clock);
        int year = year(r, today);
        Long countyId = ProjectValidator.positiveId(r.param("county"));
        List<OrgUnit> counties = scope.counties(actor);
        Map<Long, String> names = countyNames(counties);
        List<Long> ids = counties.stream().map(OrgUnit::id).filter(id -> countyId == null || id.equals(countyId))
                .toList();
        Map<Long, Map<String, BigDecimal>> now = actuals.asOf(ids, year, today);
        Map<Long, Map<String, BigDecimal>> last = actuals.asOf(ids, year - 1, today);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Long id : ids) {
            Map<String, BigDecimal> year0 = now.get(id);
            Map<String, BigDecimal> year1 = last.get(id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", id);
            m.put("countyName", names.getOrDefault(id, ""));
            m.put("households", year0.get(CreditRegister.INDICATOR_HOUSEHOLDS).toPlainString());
            m.put("amountWanyuan", year0.get(CreditRegister.INDICATOR_AMOUNT).toPlainString());
            m.put("lastHouseholds", year1.get(CreditRegister.INDICATOR_HOUSEHOLDS).toPlainString());
            m.put("lastWanyuan", year1.get(CreditRegister.INDICATOR_AMOUNT).toPlainString());
            // Without last year's figure there is no growth to judge: shown as such, never as met.
            growth(m, "householdGrowth", year0.get(CreditRegister.INDICATOR_HOUSEHOLDS),
                    year1.get(CreditRegister.INDICATOR_HOUSEHOLDS));
            growth(m, "growth", year0.get(CreditRegister.INDICATOR_AMOUNT), year1.get(CreditRegister.INDICATOR_AMOUNT));
            rows.add(m);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("year", String.valueOf(year));
        model.put("summary", rows);
        return model;
    }

    /** {@code <name>Target}: last year's figure grown by the policy's 10%, blank when not judged; {@code <name>Met}. */
    private static void growth(Map<String, Object> row, String name, BigDecimal actual, BigDecimal lastYear) {
        BigDecimal target = POLICY_GROWTH.resolve(lastYear);
        row.put(name + "Target", target == null ? "" : target.toPlainString());
        row.put(name + "Judged", target != null);
        row.put(name + "Met", POLICY_GROWTH.met(actual, lastYear));
    }
}
