package org.jixiao.project.employment.internal.loan;

import static org.jixiao.project.employment.internal.rules.Programme.EARLIEST;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.ValidationException;
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
import org.jixiao.project.employment.internal.youth.YouthRegister;

/**
 * Work item 7: youth entrepreneurship micro-loans (附件2 第7项), each borrowed by a youth of the loan's county, and the
 * quarterly checks of a county's loans. The monthly data reports, frozen once submitted, are a page of their own.
 */
public final class LoanRegister {

    public static final String ID = "loans";
    public static final String CHECKS = "loan-checks";
    public static final String TABLE = "EMP_LOAN";
    public static final String INDICATOR_COUNT = "loans.count";
    public static final String INDICATOR_AMOUNT = "loans.amount";
    public static final String CLAUSE = "附件2 第7项";
    /**
     * The largest single micro-loan, 1000 万元 in the 元 the table keeps: above it the amount was almost certainly
     * typed in the wrong unit (50000 meaning 5 万元 typed as 万元 would be 5 亿元).
     */
    static final BigDecimal AMOUNT_MAX = new BigDecimal("10000000");
    static final int TERM_MAX = 120;
    /** More loans than any county grants in a quarter: a larger figure is a typing error. */
    static final int FIGURE_MAX = 100_000;

    /**
     * Where a granted micro-loan stands. A record is a loan the bank has paid out: an approval not yet disbursed is
     * no loan the county can count, so there is no "approved" state.
     */
    public enum Status { DISBURSED, REPAID, OVERDUE, WRITTEN_OFF }

    public static final IndicatorDefinition COUNT = new IndicatorDefinition(INDICATOR_COUNT, "indicator.loans.count",
            "unit.loan", Comparison.AT_LEAST, BigDecimal.valueOf(400), CLAUSE);
    /** In exact 万元, as the policy states it: 20,000,000 元. */
    public static final IndicatorDefinition AMOUNT = new IndicatorDefinition(INDICATOR_AMOUNT,
            "indicator.loans.amount", "unit.wanyuan", Comparison.AT_LEAST, BigDecimal.valueOf(2000), CLAUSE);

    private LoanRegister() {
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(ID, TABLE).messages("loan").unitColumn("COUNTY_ID")
                .field(Field.reference("borrower", YouthRegister.ID).withColumn("BORROWER_ID").required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.text("bank", 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE))
                // The table keeps exact 元; "12.5万" is taken as the bank reports it.
                .field(Field.money("amount", MoneyUnit.YUAN).withRange(new BigDecimal("0.01"), AMOUNT_MAX).required()
                        .with(Field.Flag.LISTED, Field.Flag.HELP))
                .field(Field.date("grantedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.FILTER, Field.Flag.TODAY_IF_BLANK))
                .field(Field.integer("termMonths").withRange(1, TERM_MAX).required())
                .field(Field.choice("status", Status.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.date("enteredOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.HELP))
                .day("grantedOn").page("loans/reports", "loan.reports.title")
                // The live loans granted in the year up to the day.
                .aggregate(Aggregate.count(COUNT, Condition.ALL, "grantedOn", Aggregate.Period.YEAR))
                .hooks(new LoanRules()).build();
    }

    /** The quarterly checks: one live check per county and quarter. */
    public static RegisterDefinition checks() {
        return RegisterDefinition.builder(CHECKS, "EMP_LOAN_CHECK").messages("loan.check").unitColumn("COUNTY_ID")
                .field(Field.integer("year").withColumn("CHECK_YEAR").withRange(EARLIEST.getYear(), 9999).required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER, Field.Flag.SORTABLE))
                .field(Field.integer("quarter").withRange(1, 4).required().with(Field.Flag.LISTED))
                .field(Field.date("checkedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE))
                .field(Field.text("checker", 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE))
                .field(Field.integer("loansChecked").withRange(0, FIGURE_MAX).required().with(Field.Flag.LISTED))
                .field(Field.integer("problems").withRange(0, FIGURE_MAX).required().with(Field.Flag.LISTED))
                .field(Field.longText("findings", 2000).required())
                .field(Field.longText("rectification", 2000))
                .key("year", "quarter").day("checkedOn").page("loans/reports", "loan.reports.title")
                .hooks(new CheckRules()).build();
    }

    /** loans.amount: the live loans granted in the year up to the day, summed in exact 万元. */
    public static Map<Long, Map<String, BigDecimal>> actualsAsOf(Store store, Collection<Long> units, int year,
            LocalDate asOf) {
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        Wanyuan.sum(store, TABLE, "AMOUNT", "GRANTED_ON", units, year, asOf)
                .forEach((unit, amount) -> out.put(unit, new LinkedHashMap<>(Map.of(INDICATOR_AMOUNT, amount))));
        return out;
    }

    /** What the fields cannot say alone about a loan. */
    static final class LoanRules implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            Map<String, Object> v = change.values();
            if (v.get("grantedOn") instanceof LocalDate granted) {
                if (granted.isBefore(EARLIEST)) {
                    errors.add("grantedOn", "loan.date.tooEarly");
                } else if (v.get("enteredOn") instanceof LocalDate entered && entered.isBefore(granted)) {
                    errors.add("enteredOn", "loan.enteredOn.beforeGranted");
                }
            }
        }
    }

    /** A check looks back at a quarter that has begun, and finds problems in no more loans than it looked at. */
    static final class CheckRules implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            Map<String, Object> v = change.values();
            LocalDate today = change.today();
            LocalDate quarterStart = null;
            if (v.get("year") instanceof Long year && !errors.has("year")) {
                if (year > today.getYear()) {
                    errors.add("year", "loan.check.year.invalid");
                } else if (v.get("quarter") instanceof Long quarter && !errors.has("quarter")) {
                    quarterStart = LocalDate.of(year.intValue(), 3 * quarter.intValue() - 2, 1);
                    if (quarterStart.isAfter(today)) {
                        errors.add("quarter", "loan.check.quarter.future");
                        // Any check day is then "before the quarter"; the quarter is what is wrong.
                        quarterStart = null;
                    }
                }
            }
            if (quarterStart != null && v.get("checkedOn") instanceof LocalDate on && on.isBefore(quarterStart)) {
                errors.add("checkedOn", "loan.check.checkedOn.beforeQuarter");
            }
            // A problem is counted once per loan found with it: more than the loans looked at is a typing error.
            if (v.get("problems") instanceof Long problems && v.get("loansChecked") instanceof Long checked
                    && problems > checked) {
                errors.add("problems", "loan.check.problems.overChecked");
            }
        }
    }
}
