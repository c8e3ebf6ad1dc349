package org.jixiao.project.scholarship.internal.application;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;
import org.jixiao.project.scholarship.internal.chain.DecisionChain;
import org.jixiao.project.scholarship.internal.plan.Plans;

/**
 * The policy's conditions, checked when an application is entered or changed and again when the county reviews it
 * (the plan's minimum score may have been raised since): a breach refuses the write, so no one reviews an applicant
 * who does not qualify. Each later step checks what the policy puts before it: the re-check a home visit that found
 * the facts as declared, the notice an objection window, the disbursement a closed window with no objection open or
 * upheld, and money raised to pay it. Every step is appended to the decision chain.
 */
final class ApplicationRules extends ChainedRules {

    ApplicationRules(DecisionChain chain) {
        super(chain);
    }

    @Override
    public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
        Map<String, Object> v = change.values();
        Connection c = change.connection();
        if (change.kind() == RecordChange.Kind.CREATE || change.kind() == RecordChange.Kind.UPDATE) {
            if (v.get("year") instanceof Long year && v.get("appliedOn") instanceof LocalDate on
                    && on.getYear() != year) {
                errors.add("appliedOn", "application.appliedOn.year");
            }
            eligibility(c, change.unitId(), v, errors);
            return;
        }
        if (change.kind() != RecordChange.Kind.TRANSITION) {
            return;
        }
        switch (change.transition().orElseThrow().id()) {
            case "review" -> {
                eligibility(c, change.unitId(), v, errors);
                if (Rows.children(c, "SCH_IDENTITY", change.id(), "1 = 1") == 0) {
                    errors.add("state", "application.review.noIdentity");
                }
            }
            case "recheck" -> {
                if (Rows.children(c, "SCH_VISIT", change.id(), "FACTS_CONFIRMED = TRUE") == 0) {
                    errors.add("state", "application.recheck.noVisit");
                }
            }
            case "publish" -> {
                Optional<Plans> plan = plan(c, change.unitId(), v);
                if (plan.isEmpty() || plan.get().noticeTo() == null) {
                    errors.add("state", "application.publish.noWindow");
                } else if (change.today().isAfter(plan.get().noticeTo())) {
                    errors.add("state", "application.publish.windowOver");
                }
            }
            case "disburse" -> disbursable(change, v, errors);
            default -> {
            }
        }
    }

    /** The applicant qualifies: a family the policy funds, a full-time undergraduate, the plan's score. */
    static void eligibility(Connection c, long unit, Map<String, Object> v, ValidationException.Collector errors)
            throws SQLException {
        if ("OTHER".equals(v.get("familyType"))) {
            errors.add("familyType", "application.rule.familyType");
        }
        if (Boolean.FALSE.equals(v.get("fullTimeUndergraduate"))) {
            errors.add("fullTimeUndergraduate", "application.rule.fullTime");
        }
        if (errors.has("year")) {
            return;
        }
        Optional<Plans> plan = plan(c, unit, v);
        if (plan.isEmpty()) {
            errors.add("year", "application.rule.noPlan");
        } else if (plan.get().minScore() != null && v.get("examScore") instanceof Long score
                && score < plan.get().minScore()) {
            errors.add("examScore", "application.rule.score");
        }
    }

    private void disbursable(RecordChange change, Map<String, Object> v, ValidationException.Collector errors)
            throws SQLException {
        Connection c = change.connection();
        Optional<Plans> plan = plan(c, change.unitId(), v);
        if (plan.isEmpty() || plan.get().noticeTo() == null || !change.today().isAfter(plan.get().noticeTo())) {
            errors.add("state", "application.disburse.noticeOpen");
        }
        if (Rows.children(c, "SCH_OBJECTION", change.id(), "STATE = '" + ApplicationRegister.OPEN + "'") > 0) {
            errors.add("state", "application.disburse.objectionOpen");
        } else if (Rows.children(c, "SCH_OBJECTION", change.id(),
                "STATE = '" + ApplicationRegister.UPHELD + "'") > 0) {
            errors.add("state", "application.disburse.objectionUpheld");
        }
        if (plan.isEmpty() || !(v.get("amountPaid") instanceof BigDecimal paid) || errors.has("amountPaid")) {
            return;
        }
        if (paid.compareTo(plan.get().grantPerStudent()) > 0) {
            errors.add("amountPaid", "application.amountPaid.overGrant");
        } else if (Plans.disbursed(c, change.unitId(), ((Long) v.get("year")).intValue()).add(paid)
                .compareTo(plan.get().raised(c)) > 0) {
            errors.add("amountPaid", "application.amountPaid.noFunds");
        }
    }

    private static Optional<Plans> plan(Connection c, long unit, Map<String, Object> v) throws SQLException {
        return v.get("year") instanceof Long year ? Plans.of(c, unit, year.intValue()) : Optional.empty();
    }
}
