package org.jixiao.project.employment.internal.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.project.employment.internal.project.ProjectRegister;
import org.jixiao.project.employment.internal.rules.WriteRules;
import org.jixiao.project.employment.internal.youth.YouthRegister;

/**
 * Work item 9: applications for government entrepreneurship funding (附件2 第9项). The policy sets no figure, so the
 * register has no indicator; {@link FundingSummary} gives the counts and sums per county on a page of the project's
 * own. The applicant is a youth, a project, or both, of the application's county (the engine checks the county).
 */
public final class FundingRegister {

    public static final String ID = "funding";
    public static final String TABLE = "EMP_FUNDING";
    /** The per-county summary of a year, a page of the project's own below the register. */
    public static final String SUMMARY = "summary";
    static final String PREFIX = "funding";

    public enum Result { PENDING, APPROVED, REJECTED }

    private FundingRegister() {
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(ID, TABLE).messages(PREFIX).unitColumn("COUNTY_ID")
                .field(Field.reference("youth", YouthRegister.ID).withColumn("YOUTH_ID")
                        .with(Field.Flag.LISTED, Field.Flag.FILTER, Field.Flag.HELP))
                .field(Field.reference("project", ProjectRegister.ID).withColumn("PROJECT_ID")
                        .with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.text("programme", 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE, Field.Flag.SORTABLE))
                .field(positive(Field.money("amountApplied", MoneyUnit.YUAN)).required().with(Field.Flag.LISTED))
                .field(Field.date("appliedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .field(Field.choice("result", Result.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(positive(Field.money("amountGranted", MoneyUnit.YUAN)).with(Field.Flag.LISTED,
                        Field.Flag.HELP))
                .field(Field.date("resultOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.LISTED))
                .day("appliedOn").page(ID + "/" + SUMMARY, PREFIX + ".summary.link")
                .hooks(new Rules()).build();
    }

    /** A grant of nothing is no grant, and an application for nothing no application. */
    private static Field positive(Field money) {
        return money.withRange(new BigDecimal("0.01"), null);
    }

    /**
     * A youth, a project or both are named (an award's entrant too); one that is named but refused is not also
     * reported missing.
     */
    public static void requireYouthOrProject(Map<String, Object> values, ValidationException.Collector errors,
            String key) {
        if (values.get("youth") == null && values.get("project") == null && !errors.has("youth")
                && !errors.has("project")) {
            errors.add("youth", key);
        }
    }

    /**
     * The applicant is named; a grant exists only for an approved application and never above what was applied for;
     * a decision has a day, not before the application, and a pending one has none.
     */
    static final class Rules extends WriteRules {
        @Override
        protected void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors) {
            requireYouthOrProject(v, errors, "funding.applicant.required");
            notTooEarly(change, "appliedOn", "funding.date.tooEarly", errors);
            notTooEarly(change, "resultOn", "funding.date.tooEarly", errors);
            if (!(v.get("result") instanceof String code)) {
                return;
            }
            Result result = Result.valueOf(code);
            BigDecimal applied = (BigDecimal) v.get("amountApplied");
            BigDecimal granted = (BigDecimal) v.get("amountGranted");
            if (!errors.has("amountGranted")) {
                if (result == Result.APPROVED && granted == null) {
                    errors.add("amountGranted", "funding.amountGranted.required");
                } else if (result != Result.APPROVED && granted != null) {
                    errors.add("amountGranted", "funding.amountGranted.notApproved");
                } else if (granted != null && applied != null && granted.compareTo(applied) > 0) {
                    errors.add("amountGranted", "funding.amountGranted.overApplied");
                }
            }
            LocalDate appliedOn = (LocalDate) v.get("appliedOn");
            LocalDate resultOn = (LocalDate) v.get("resultOn");
            if (!errors.has("resultOn")) {
                if (result == Result.PENDING && resultOn != null) {
                    errors.add("resultOn", "funding.resultOn.pending");
                } else if (result != Result.PENDING && resultOn == null) {
                    errors.add("resultOn", "funding.resultOn.required");
                } else if (resultOn != null && appliedOn != null && resultOn.isBefore(appliedOn)) {
                    errors.add("resultOn", "funding.resultOn.beforeApplied");
                }
            }
        }
    }
}
