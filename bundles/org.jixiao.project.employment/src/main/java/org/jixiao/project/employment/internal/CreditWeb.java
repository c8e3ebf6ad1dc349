package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.project.Comparison;
import org.jixiao.project.employment.internal.credit.CreditRegister;

/**
 * The credit demonstration households' year against the policy: per county, the households and credit loans of the
 * year, last year's loans and the amount that grows them by 10%, as the page
 * {@code /p/employment/credit-households/summary} and its JSON. The households themselves are the register engine's,
 * which passes these paths on; {@link YouthWeb} routes here.
 */
final class CreditWeb extends SummaryWeb {

    static final String PATH = "credit-households";
    static final String SUMMARY = "summary";
    static final String SUMMARY_TEMPLATE = "credit-summary";
    /** The policy's growth, as the core applies it to last year's figure. */
    static final TargetRule POLICY_GROWTH = new TargetRule(TargetKind.BASELINE_RELATIVE, Comparison.AT_LEAST,
            BigDecimal.TEN);

    private final Register.Actuals actuals;

    /** @param actuals the register's indicators per unit, as the project computes them */
    CreditWeb(YouthService youth, Register.Actuals actuals) {
        super(SUMMARY, SUMMARY_TEMPLATE, SUMMARY, youth);
        this.actuals = actuals;
    }

    /** Its JSON has always given the year as text, like the page. */
    @Override
    Map<String, Object> json(Query q) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("year", String.valueOf(q.year()));
        json.put("summary", rows(q));
        return json;
    }

    /**
     * Per county shown: the year's households and amount as of today, last year's amount from the live records,
     * and the amount that grows it by the policy's 10% (the target table uses the approved figure once published).
     */
    @Override
    List<Map<String, Object>> rows(Query q) {
        LocalDate today = youth.today();
        List<Long> ids = q.ids();
        Map<Long, Map<String, BigDecimal>> now = actuals.asOf(ids, q.year(), today);
        Map<Long, Map<String, BigDecimal>> last = actuals.asOf(ids, q.year() - 1, today);
        return ids.stream().map(id -> {
            Map<String, BigDecimal> year0 = now.get(id);
            Map<String, BigDecimal> year1 = last.get(id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", id);
            m.put("countyName", q.name(id));
            m.put("households", year0.get(CreditRegister.INDICATOR_HOUSEHOLDS).toPlainString());
            m.put("amountWanyuan", year0.get(CreditRegister.INDICATOR_AMOUNT).toPlainString());
            m.put("lastHouseholds", year1.get(CreditRegister.INDICATOR_HOUSEHOLDS).toPlainString());
            m.put("lastWanyuan", year1.get(CreditRegister.INDICATOR_AMOUNT).toPlainString());
            // Without last year's figure there is no growth to judge: shown as such, never as met.
            growth(m, "householdGrowth", year0.get(CreditRegister.INDICATOR_HOUSEHOLDS),
                    year1.get(CreditRegister.INDICATOR_HOUSEHOLDS));
            growth(m, "growth", year0.get(CreditRegister.INDICATOR_AMOUNT), year1.get(CreditRegister.INDICATOR_AMOUNT));
            return m;
        }).toList();
    }

    /** {@code <name>Target}: last year's figure grown by the policy's 10%, blank when not judged; {@code <name>Met}. */
    private static void growth(Map<String, Object> row, String name, BigDecimal actual, BigDecimal lastYear) {
        BigDecimal target = POLICY_GROWTH.resolve(lastYear);
        row.put(name + "Target", target == null ? "" : target.toPlainString());
        row.put(name + "Judged", target != null);
        row.put(name + "Met", POLICY_GROWTH.met(actual, lastYear));
    }
}
