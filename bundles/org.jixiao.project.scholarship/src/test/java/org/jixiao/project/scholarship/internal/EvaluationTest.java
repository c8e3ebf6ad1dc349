package org.jixiao.project.scholarship.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.project.scholarship.internal.application.ApplicationRegister;
import org.jixiao.project.scholarship.internal.archive.ArchiveRegister;
import org.jixiao.project.scholarship.internal.plan.PlanRegister;
import org.junit.jupiter.api.Test;

/** The five November criteria and the reconciliation of the year's money, on hand-made records. */
class EvaluationTest extends ScholarshipTestBase {

    @Test
    void theFiveCriteriaHaveThePolicyExpectationsAsDefaultTargets() {
        assertEquals(List.of("selection.compliant:100:SHARE", "disbursement.complete:100:SHARE",
                "management.followed:100:SHARE", "guidance.activities:2:ABSOLUTE",
                "guidance.participation:50:SHARE", "employment.employed:80:SHARE", "employment.returned:1:ABSOLUTE"),
                project.indicators().stream().map(EvaluationTest::describe).toList());
        assertTrue(project.milestones().stream().anyMatch(m -> m.id().equals("evaluation")
                && m.due().equals(java.time.MonthDay.of(11, 30))));
    }

    private static String describe(IndicatorDefinition d) {
        return d.id() + ":" + d.defaultTarget() + ":" + d.kind();
    }

    @Test
    void eachCriterionCountsWhatThePolicyAsks() {
        plan(A_HOPE, A, "100000");
        plan(B_HOPE, B, "100000");
        long paid = apply(A_HOPE, A, "张三伟", idNumber(1));
        long upheld = apply(A_HOPE, A, "李四", idNumber(2));
        long unpaid = apply(A_HOPE, A, "王五", idNumber(3));
        apply(A_HOPE, A, "赵六", idNumber(4));
        for (long id : List.of(paid, upheld, unpaid)) {
            toNotice(id);
        }
        long objection = engine.create(A_HOPE, project, ApplicationRegister.OBJECTIONS, form("parent", upheld,
                "receivedOn", "2024-07-15", "channel", "PUBLIC", "content", "家庭条件较好"));
        engine.transition(CITY_HOPE, project, ApplicationRegister.OBJECTIONS, objection, "uphold",
                form("finding", "属实"), null);
        engine.transition(CITY_HOPE, project, ApplicationRegister.APPLICATIONS, upheld, "refuse", form(), "异议查实");
        clock.set(LocalDate.of(YEAR, 8, 20));
        step(A_HOPE, paid, "disburse", form("amountPaid", "5000", "paidOn", "2024-08-20", "receipt", pdf("签收单.pdf")));

        // Archive: a follow-up in October, a seminar, volunteering; two graduates, one employed back home.
        clock.set(LocalDate.of(YEAR, 11, 20));
        engine.create(A_HOPE, project, ArchiveRegister.FOLLOWUPS, form("parent", paid, "followedOn", "2024-10-08",
                "followedBy", "王老师", "kind", "PHONE", "concern", false));
        engine.create(A_HOPE, project, ArchiveRegister.SEMINARS, form("unit", A.id(), "heldOn", "2024-09-01",
                "topic", "感恩与回报", "attendees", 30));
        engine.create(A_HOPE, project, ArchiveRegister.VOLUNTEERING, form("parent", paid, "servedOn", "2024-10-01",
                "kind", "COMMUNITY_SERVICE", "hours", "4.5"));
        engine.create(A_HOPE, project, ArchiveRegister.CAREERS, form("parent", paid, "recordedOn", "2024-11-01",
                "graduationYear", 2024, "trained", true, "internship", true, "recommended", true, "outcome",
                "EMPLOYED", "returnedHome", true));
        engine.create(A_HOPE, project, ArchiveRegister.CAREERS, form("parent", paid, "recordedOn", "2024-11-02",
                "graduationYear", 2024, "trained", true, "internship", false, "recommended", false, "outcome",
                "NOT_YET", "returnedHome", false));

        Map<String, BigDecimal> a = project.actualsAsOf(List.of(A.id(), B.id()), YEAR, LocalDate.of(YEAR, 11, 30))
                .get(A.id());
        // Three published, one with an upheld objection: 2 of 3 met every rule.
        assertEquals(new BigDecimal("66.7"), a.get("selection.compliant"));
        // Two still on the list (the upheld one left it), one paid in full with a receipt.
        assertEquals(new BigDecimal("50.0"), a.get("disbursement.complete"));
        assertEquals(new BigDecimal("100.0"), a.get("management.followed"));
        assertEquals(BigDecimal.ONE, a.get("guidance.activities"));
        assertEquals(new BigDecimal("100.0"), a.get("guidance.participation"));
        assertEquals(new BigDecimal("50.0"), a.get("employment.employed"));
        assertEquals(BigDecimal.ONE, a.get("employment.returned"));
        // Six months without a follow-up and the beneficiary is no longer followed.
        assertEquals(new BigDecimal("0.0"), project.actualsAsOf(List.of(A.id()), YEAR + 1, LocalDate.of(YEAR + 1, 5, 1))
                .get(A.id()).get("management.followed"));
        // Before the notice, nothing was published: nothing to count.
        assertEquals(BigDecimal.ZERO, project.actualsAsOf(List.of(A.id()), YEAR, LocalDate.of(YEAR, 7, 1))
                .get(A.id()).get("selection.compliant"));
        // The results page gives them per county, last year's by default, for the next year's plan.
        Map<?, ?> results = (Map<?, ?>) project.web().handle(FakeWebRequest.api("GET", "/results", CITY_HOPE)
                .param("year", "2024")).body();
        Map<?, ?> first = (Map<?, ?>) ((List<?>) results.get("rows")).get(0);
        assertEquals(A.name(), first.get("county"));
        assertEquals("66.7", ((List<?>) first.get("values")).get(0));
        assertEquals(2, ((List<?>) results.get("rows")).size());
        Map<String, BigDecimal> b = project.actuals(List.of(B.id()), YEAR).get(B.id());
        assertEquals(BigDecimal.ZERO, b.get("guidance.activities"));
        assertEquals(BigDecimal.ZERO, b.get("disbursement.complete"));
    }

    @Test
    void theArchiveIsOfStudentsWhoseGrantWasPaid() {
        plan(A_HOPE, A, "100000");
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        assertEquals("archive.notBeneficiary", refused(() -> engine.create(A_HOPE, project, ArchiveRegister.FOLLOWUPS,
                form("parent", id, "followedOn", "2024-07-10", "followedBy", "王老师", "kind", "PHONE", "concern",
                        false)), "SCH_FOLLOWUP").get("followedOn"));
    }

    @Test
    void theYearReconcilesToTheFen() {
        long plan = plan(A_HOPE, A, "5000.01");
        engine.create(A_HOPE, project, PlanRegister.FUNDS, form("parent", plan, "donor", "张先生", "amount", "0.02",
                "receivedOn", "2024-06-21", "restricted", true));
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        toNotice(id);
        clock.set(LocalDate.of(YEAR, 8, 20));
        step(A_HOPE, id, "disburse", form("amountPaid", "5000", "paidOn", "2024-08-20", "receipt", pdf("签收单.pdf")));
        RegisterRecord p = engine.get(A_HOPE, project, PlanRegister.PLANS, plan);
        Map<String, Object> close = form("year", YEAR, "grantPerStudent", "5000", "noticeFrom", "2024-08-11",
                "noticeTo", "2024-08-17", "carriedOver", "0.02");
        assertEquals("plan.carriedOver.mismatch", refused(() -> engine.update(A_HOPE, project, PlanRegister.PLANS,
                plan, close, p.version()), "SCH_PLAN").get("carriedOver"));
        Map<?, ?> open = reconciliation();
        assertEquals(List.of(Map.of("county", A.name(), "raised", "5000.03", "disbursed", "5000.00", "carriedOver", "",
                "difference", "0.03", "reconciled", false)), open.get("rows"));
        close.put("carriedOver", "0.03");
        engine.update(A_HOPE, project, PlanRegister.PLANS, plan, close, p.version());
        assertEquals(true, ((Map<?, ?>) ((List<?>) reconciliation().get("rows")).get(0)).get("reconciled"));
        assertEquals(TargetKind.SHARE, Evaluation.DISBURSEMENT.kind());
    }

    private Map<?, ?> reconciliation() {
        return (Map<?, ?>) project.web().handle(FakeWebRequest.api("GET", "/reconciliation", A_HOPE)
                .param("year", "2024")).body();
    }
}
