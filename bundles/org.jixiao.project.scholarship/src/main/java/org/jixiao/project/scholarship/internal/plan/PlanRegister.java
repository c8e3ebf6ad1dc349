package org.jixiao.project.scholarship.internal.plan;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.project.scholarship.internal.Roles;

/**
 * Phase 1, the launch (POLICY.md section 2): each county office's plan of the year, with the funds it raised and the
 * work-study posts it collected as children. One plan per county and year.
 */
public final class PlanRegister {

    public static final String PLANS = "plans";
    public static final String FUNDS = "funds";
    public static final String POSTS = "posts";

    private PlanRegister() {
    }

    public static List<RegisterDefinition> definitions() {
        return List.of(plans(), funds(), posts());
    }

    static RegisterDefinition plans() {
        return RegisterDefinition.builder(PLANS, "SCH_PLAN").messages("plan")
                .field(Field.integer("year").withColumn("PLAN_YEAR").withRange(2000, 2100).required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.FILTER))
                .field(positive(Field.money("grantPerStudent", MoneyUnit.YUAN)).required().with(Field.Flag.LISTED))
                .field(Field.integer("minScore").withRange(0, 1000).with(Field.Flag.HELP))
                .field(Field.date("noticeFrom", Field.DateRule.FUTURE_ALLOWED).with(Field.Flag.LISTED))
                .field(Field.date("noticeTo", Field.DateRule.FUTURE_ALLOWED).with(Field.Flag.LISTED))
                .field(Field.money("carriedOver", MoneyUnit.YUAN).with(Field.Flag.HELP))
                .key("year").writers(Roles.HOPE_OFFICE).hooks(new PlanRules())
                // Last year's results beside the plan being made, and the year's money.
                .page("results", "results.link").page("reconciliation", "reconciliation.link").build();
    }

    static RegisterDefinition funds() {
        return RegisterDefinition.builder(FUNDS, "SCH_FUND").messages("fund").parent(PLANS)
                .field(Field.text("donor", 200).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE))
                .field(positive(Field.money("amount", MoneyUnit.YUAN)).required().with(Field.Flag.LISTED))
                .field(Field.date("receivedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.TODAY_IF_BLANK))
                .field(Field.bool("restricted").required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.text("purpose", 200))
                .day("receivedOn").writers(Roles.HOPE_OFFICE).build();
    }

    static RegisterDefinition posts() {
        return RegisterDefinition.builder(POSTS, "SCH_POST").messages("post").parent(PLANS)
                .field(Field.text("employer", 200).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.text("post", 200).required().with(Field.Flag.TITLE, Field.Flag.LISTED))
                .field(Field.integer("hours").withRange(1, 2000).required().with(Field.Flag.LISTED))
                .field(positive(Field.money("pay", MoneyUnit.YUAN)).required().with(Field.Flag.LISTED))
                .writers(Roles.HOPE_OFFICE).build();
    }

    private static Field positive(Field money) {
        return money.withRange(new BigDecimal("0.01"), null);
    }

    /**
     * The amount carried over, once declared, is what the funds raised leave after the grants paid, to the fen: the
     * year reconciles or the figure is refused.
     */
    static void carriedOver(RecordChange change, Map<String, Object> v, ValidationException.Collector errors)
            throws SQLException {
        if (change.kind() != RecordChange.Kind.UPDATE || !(v.get("carriedOver") instanceof BigDecimal carried)
                || !(v.get("year") instanceof Long year)) {
            return;
        }
        Plans plan = Plans.of(change.connection(), change.unitId(), year.intValue()).orElse(null);
        if (plan != null && plan.raised(change.connection()).subtract(Plans.disbursed(change.connection(),
                change.unitId(), year.intValue())).compareTo(carried) != 0) {
            errors.add("carriedOver", "plan.carriedOver.mismatch");
        }
    }

    /** The objection window runs forward and lies in the plan's year. */
    static final class PlanRules implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            Map<String, Object> v = change.values();
            carriedOver(change, v, errors);
            LocalDate from = (LocalDate) v.get("noticeFrom");
            LocalDate to = (LocalDate) v.get("noticeTo");
            if (errors.has("noticeFrom") || errors.has("noticeTo")) {
                return;
            }
            if ((from == null) != (to == null)) {
                errors.add("noticeTo", "plan.notice.both");
            } else if (from != null && to.isBefore(from)) {
                errors.add("noticeTo", "plan.notice.backwards");
            } else if (from != null && v.get("year") instanceof Long year && from.getYear() != year) {
                errors.add("noticeFrom", "plan.notice.year");
            }
        }
    }
}
