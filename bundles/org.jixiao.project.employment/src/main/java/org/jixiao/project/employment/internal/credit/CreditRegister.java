package org.jixiao.project.employment.internal.credit;

import static org.jixiao.project.employment.internal.rules.Programme.EARLIEST;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.api.store.Store;
import org.jixiao.project.employment.internal.loan.Wanyuan;

/**
 * Work item 8: rural youth credit demonstration households (附件2 第8项), at least 200 households and 500 万元 of credit
 * loans per county a year, both growing at least 10% over last year's. A household belongs to the year it was
 * rated in, and its credit loan, if any, is taken in that same year. The year's summary against the growth is a page
 * of its own.
 *
 * <p>The growth itself is judged by the core ({@link TargetKind#BASELINE_RELATIVE}): it takes last year's approved
 * actual of {@link #INDICATOR_GROWTH} (or, before last year is published, this register's live actual of last year)
 * as the baseline and holds this year's actual against baseline × (100 + target) / 100. So the growth indicator's
 * actual is the year's amount in 万元, computed exactly as {@link #INDICATOR_AMOUNT}'s, for any year.
 */
public final class CreditRegister {

    public static final String ID = "credit-households";
    public static final String TABLE = "EMP_CREDIT_HOUSEHOLD";
    public static final String INDICATOR_HOUSEHOLDS = "credit.households";
    public static final String INDICATOR_AMOUNT = "credit.amount";
    public static final String INDICATOR_GROWTH = "credit.growth";
    public static final String INDICATOR_HOUSEHOLD_GROWTH = "credit.householdGrowth";
    public static final String CLAUSE = "附件2 第8项";
    /** A household's credit loan above 1000 万元 (in the 元 the table keeps) is a typing error, not a rural loan. */
    static final BigDecimal AMOUNT_MAX = new BigDecimal("10000000");

    /** The credit rating the rural credit cooperative gave the household, highest first. */
    public enum Rating { AAA, AA, A }

    public static final IndicatorDefinition HOUSEHOLDS = new IndicatorDefinition(INDICATOR_HOUSEHOLDS,
            "indicator.credit.households", "unit.household", Comparison.AT_LEAST, BigDecimal.valueOf(200), CLAUSE);
    public static final IndicatorDefinition AMOUNT = new IndicatorDefinition(INDICATOR_AMOUNT,
            "indicator.credit.amount", "unit.wanyuan", Comparison.AT_LEAST, BigDecimal.valueOf(500), CLAUSE);
    public static final IndicatorDefinition GROWTH = new IndicatorDefinition(INDICATOR_GROWTH,
            "indicator.credit.growth", "unit.wanyuan", Comparison.AT_LEAST, BigDecimal.TEN, CLAUSE,
            TargetKind.BASELINE_RELATIVE);
    /** The policy's growth applies to both figures: the households grow by 10% as well as the money. */
    public static final IndicatorDefinition HOUSEHOLD_GROWTH = new IndicatorDefinition(INDICATOR_HOUSEHOLD_GROWTH,
            "indicator.credit.householdGrowth", "unit.household", Comparison.AT_LEAST, BigDecimal.TEN, CLAUSE,
            TargetKind.BASELINE_RELATIVE);

    private CreditRegister() {
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(ID, TABLE).messages("credit").unitColumn("COUNTY_ID")
                .field(Field.text("headName", 50).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE, Field.Flag.SORTABLE))
                .field(Field.text("village", 100).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.date("ratedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.FILTER))
                .field(Field.choice("rating", Rating.class).with(Field.Flag.LISTED, Field.Flag.FILTER))
                // Blank (or zero) while the rated household has taken no credit loan.
                .field(Field.money("loanAmount", MoneyUnit.YUAN).withColumn("LOAN_YUAN").withRange(0, AMOUNT_MAX)
                        .with(Field.Flag.LISTED, Field.Flag.HELP))
                .field(Field.date("loanOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.LISTED))
                .day("ratedOn").page("credit-households/summary", "credit.summary.link")
                // The live households rated in the year up to the day.
                .aggregate(Aggregate.count(HOUSEHOLDS, Condition.ALL, "ratedOn", Aggregate.Period.YEAR))
                // The same count, judged by the core against last year's: its growth.
                .aggregate(Aggregate.count(HOUSEHOLD_GROWTH, Condition.ALL, "ratedOn", Aggregate.Period.YEAR))
                .hooks(new Rules()).build();
    }

    /**
     * credit.amount and credit.growth: the credit loans taken by the day of the live households rated in the year
     * up to the day, summed in exact 万元.
     */
    public static Map<Long, Map<String, BigDecimal>> actualsAsOf(Store store, Collection<Long> units, int year,
            LocalDate asOf) {
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        Wanyuan.sum(store, TABLE, "LOAN_YUAN", "RATED_ON", units, year, asOf, "LOAN_ON").forEach((unit, amount) -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_AMOUNT, amount);
            values.put(INDICATOR_GROWTH, amount);
            out.put(unit, values);
        });
        return out;
    }

    /** A loan is an amount and a day, never one without the other; a household may be rated before any loan. */
    static final class Rules implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            Map<String, Object> v = change.values();
            LocalDate rated = v.get("ratedOn") instanceof LocalDate d ? d : null;
            LocalDate loanOn = v.get("loanOn") instanceof LocalDate d ? d : null;
            if (rated != null && rated.isBefore(EARLIEST)) {
                errors.add("ratedOn", "credit.date.tooEarly");
            }
            if (loanOn != null && loanOn.isBefore(EARLIEST)) {
                errors.add("loanOn", "credit.date.tooEarly");
            }
            if (errors.has("loanAmount") || errors.has("loanOn")) {
                return;
            }
            BigDecimal amount = v.get("loanAmount") instanceof BigDecimal b ? b : null;
            boolean loan = amount != null && amount.signum() > 0;
            if (loan && loanOn == null) {
                errors.add("loanOn", "credit.loanOn.required");
            } else if (!loan && loanOn != null) {
                errors.add(amount == null ? "loanAmount" : "loanOn",
                        amount == null ? "credit.loanAmount.required" : "credit.loanOn.withoutAmount");
            } else if (loanOn != null && rated != null && loanOn.isBefore(rated)) {
                errors.add("loanOn", "credit.loanOn.beforeRating");
            } else if (loanOn != null && rated != null && loanOn.getYear() != rated.getYear()) {
                // The household counts in the year of its rating; a loan of another year would count in none.
                errors.add("loanOn", "credit.loanOn.otherYear");
            }
        }
    }
}
