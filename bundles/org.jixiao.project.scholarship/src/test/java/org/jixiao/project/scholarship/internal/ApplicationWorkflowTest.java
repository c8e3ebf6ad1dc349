package org.jixiao.project.scholarship.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.project.scholarship.internal.application.ApplicationRegister;
import org.jixiao.project.scholarship.internal.plan.PlanRegister;
import org.junit.jupiter.api.Test;

/** The policy's rules on the application stage, each on hand-made records through the real engine. */
class ApplicationWorkflowTest extends ScholarshipTestBase {

    private static final String APPS = "SCH_APPLICATION";
    private static final String IDS = "SCH_IDENTITY";

    @Test
    void aPlanNeedsBothDaysOfItsNoticeInOrderAndInItsYear() {
        assertEquals("plan.notice.both", refused(() -> engine.create(A_HOPE, project, PlanRegister.PLANS,
                form("year", YEAR, "grantPerStudent", "5000", "noticeFrom", "2024-08-11")), "SCH_PLAN")
                .get("noticeTo"));
        assertEquals("plan.notice.backwards", refused(() -> engine.create(A_HOPE, project, PlanRegister.PLANS,
                form("year", YEAR, "grantPerStudent", "5000", "noticeFrom", "2024-08-11", "noticeTo", "2024-08-01")),
                "SCH_PLAN").get("noticeTo"));
        assertEquals("plan.notice.year", refused(() -> engine.create(A_HOPE, project, PlanRegister.PLANS,
                form("year", YEAR, "grantPerStudent", "5000", "noticeFrom", "2025-08-11", "noticeTo", "2025-08-17")),
                "SCH_PLAN").get("noticeFrom"));
    }

    @Test
    void anApplicantWhoDoesNotQualifyIsRefusedAndNothingIsWritten() {
        assertEquals("application.rule.noPlan", refused(() -> engine.create(A_HOPE, project,
                ApplicationRegister.APPLICATIONS, applicant(A, "张三伟")), APPS).get("year"));
        long plan = plan(A_HOPE, A, "100000");
        Map<String, Object> other = applicant(A, "张三伟");
        other.put("familyType", "OTHER");
        other.put("fullTimeUndergraduate", false);
        Map<String, String> errors = refused(() -> engine.create(A_HOPE, project, ApplicationRegister.APPLICATIONS,
                other), APPS);
        assertEquals("application.rule.familyType", errors.get("familyType"));
        assertEquals("application.rule.fullTime", errors.get("fullTimeUndergraduate"));
        Map<String, Object> lastYear = applicant(A, "张三伟");
        lastYear.put("appliedOn", "2023-07-05");
        assertEquals("application.appliedOn.year", refused(() -> engine.create(A_HOPE, project,
                ApplicationRegister.APPLICATIONS, lastYear), APPS).get("appliedOn"));
        Map<String, Object> noCertificate = applicant(A, "张三伟");
        noCertificate.remove("povertyCertificate");
        assertTrue(refused(() -> engine.create(A_HOPE, project, ApplicationRegister.APPLICATIONS, noCertificate),
                APPS).containsKey("povertyCertificate"));

        // The plan's score line refuses at application and again at the county's review, once raised.
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        RegisterRecord p = engine.get(A_HOPE, project, PlanRegister.PLANS, plan);
        engine.update(A_HOPE, project, PlanRegister.PLANS, plan, form("year", YEAR, "grantPerStudent", "5000",
                "minScore", 650, "noticeFrom", "2024-08-11", "noticeTo", "2024-08-17"), p.version());
        assertEquals("application.rule.score", refused(() -> step(A_HOPE, id, "review",
                form("reviewedOn", "2024-07-15")), "SCH_DECISION").get("examScore"));
        assertEquals(ApplicationRegister.APPLIED, engine.get(A_HOPE, project, ApplicationRegister.APPLICATIONS, id)
                .state());
    }

    @Test
    void onePersonIsFundedOnceAYearInTheWholeCityAndRecognisedTheYearAfter() {
        plan(A_HOPE, A, "100000");
        plan(B_HOPE, B, "100000");
        long first = apply(A_HOPE, A, "张三伟", idNumber(1));
        long inB = engine.create(B_HOPE, project, ApplicationRegister.APPLICATIONS, applicant(B, "张三伟"));
        assertEquals("register.error.duplicateElsewhere", refused(() -> identify(B_HOPE, inB, YEAR, idNumber(1)),
                IDS).get("idNumber"));
        long inA = engine.create(A_HOPE, project, ApplicationRegister.APPLICATIONS, applicant(A, "张三伟"));
        assertEquals("register.error.duplicate", refused(() -> identify(A_HOPE, inA, YEAR, idNumber(1)), IDS)
                .get("idNumber"));
        // The number is the application's year's, given once, and an application without it is not reviewed.
        assertEquals("identity.year", refused(() -> identify(A_HOPE, inA, YEAR + 1, idNumber(3)), IDS).get("year"));
        assertEquals("identity.one", refused(() -> identify(A_HOPE, first, YEAR, idNumber(3)), IDS)
                .get("idNumber"));
        assertEquals("application.review.noIdentity", refused(() -> step(A_HOPE, inA, "review",
                form("reviewedOn", "2024-07-15")), "SCH_DECISION").get("state"));
        assertFalse(Boolean.TRUE.equals(engine.get(A_HOPE, project, ApplicationRegister.APPLICATIONS, first)
                .value("returning")));
        // Funded this year, they apply next year in the other county: recognised by their ID's hash.
        toNotice(first);
        clock.set(LocalDate.of(YEAR, 8, 20));
        step(A_HOPE, first, "disburse", form("amountPaid", "5000", "paidOn", "2024-08-20", "receipt",
                pdf("签收单.pdf")));
        clock.set(LocalDate.of(YEAR + 1, 7, 5));
        long plan = engine.create(B_HOPE, project, PlanRegister.PLANS, form("year", YEAR + 1, "grantPerStudent",
                "5000"));
        assertTrue(plan > 0);
        // The number survived every step of last year's workflow: the engine seals it on the identity, not the steps.
        Map<String, Object> next = applicant(B, "张三伟");
        next.put("year", YEAR + 1);
        next.put("appliedOn", "2025-07-05");
        long again = engine.create(B_HOPE, project, ApplicationRegister.APPLICATIONS, next);
        identify(B_HOPE, again, YEAR + 1, idNumber(1));
        assertEquals(Boolean.TRUE, engine.get(B_HOPE, project, ApplicationRegister.APPLICATIONS, again)
                .value("returning"));
    }

    @Test
    void eachStepNeedsWhatThePolicyPutsBeforeIt() {
        plan(A_HOPE, A, "7000");
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        long other = apply(A_HOPE, A, "李四", idNumber(2));
        // The county reviews; the city re-checks, which a county cannot do.
        assertThrows(AccessDeniedException.class, () -> step(CITY_HOPE, id, "review", form("reviewedOn",
                "2024-07-15")));
        step(A_HOPE, id, "review", form("reviewedOn", "2024-07-15"));
        assertThrows(AccessDeniedException.class, () -> step(A_HOPE, id, "recheck", form("checkedOn", "2024-07-15")));
        assertEquals("application.recheck.noVisit", refused(() -> step(CITY_HOPE, id, "recheck",
                form("checkedOn", "2024-07-15")), "SCH_DECISION").get("state"));
        // A visit that found the facts otherwise does not open the re-check either.
        engine.create(CITY_HOPE, project, ApplicationRegister.VISITS, form("parent", id, "visitedOn", "2024-07-15",
                "visitors", "王老师", "findings", "家中新建楼房", "factsConfirmed", false));
        assertEquals("application.recheck.noVisit", refused(() -> step(CITY_HOPE, id, "recheck",
                form("checkedOn", "2024-07-15")), "SCH_DECISION").get("state"));
        assertEquals("visit.notUnderReview", refused(() -> engine.create(CITY_HOPE, project,
                ApplicationRegister.VISITS, form("parent", other, "visitedOn", "2024-07-15", "visitors", "王老师",
                        "findings", "属实", "factsConfirmed", true)), "SCH_VISIT").get("visitedOn"));
        // Sent back with a reason, the county reviews again.
        engine.transition(CITY_HOPE, project, ApplicationRegister.APPLICATIONS, id, "sendBack", form(),
                "贫困证明缺少盖章");
        assertEquals(ApplicationRegister.APPLIED, state(id));
        toNotice(id);
        toNotice(other);

        // Objections are about names on the notice; one open or upheld stops the payment.
        long objection = engine.create(A_HOPE, project, ApplicationRegister.OBJECTIONS, form("parent", id,
                "receivedOn", "2024-07-15", "channel", "STAFF", "content", "该生家庭有经营性收入"));
        clock.set(LocalDate.of(YEAR, 8, 15));
        assertEquals("application.disburse.noticeOpen", disburse(id, "5000").get("state"));
        clock.set(LocalDate.of(YEAR, 8, 20));
        assertEquals("application.disburse.objectionOpen", disburse(id, "5000").get("state"));
        engine.transition(CITY_HOPE, project, ApplicationRegister.OBJECTIONS, objection, "dismiss",
                form("finding", "经核实，收入微薄"), null);
        assertEquals("application.amountPaid.overGrant", disburse(id, "5000.01").get("amountPaid"));
        step(A_HOPE, id, "disburse", form("amountPaid", "5000", "paidOn", "2024-08-20", "receipt", pdf("签收单.pdf")));
        // 7,000 raised, 5,000 paid: the second grant would overdraw the funds.
        assertEquals("application.amountPaid.noFunds", disburse(other, "5000").get("amountPaid"));
        assertEquals(0, new BigDecimal("5000.00").compareTo((BigDecimal) engine.get(A_HOPE, project,
                ApplicationRegister.APPLICATIONS, id).value("amountPaid")));
        // A paid application is locked.
        assertEquals(ApplicationRegister.DISBURSED, state(id));
        assertTrue(refused(() -> engine.update(A_HOPE, project, ApplicationRegister.APPLICATIONS, id,
                applicant(A, "张三伟"), -1), APPS).containsKey("state"));
    }

    @Test
    void anUpheldObjectionStopsThePaymentAndTheCityRejectsWithAReason() {
        plan(A_HOPE, A, "100000");
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        toNotice(id);
        long objection = engine.create(A_HOPE, project, ApplicationRegister.OBJECTIONS, form("parent", id,
                "receivedOn", "2024-07-15", "channel", "PUBLIC", "content", "该生并非低保家庭"));
        engine.transition(CITY_HOPE, project, ApplicationRegister.OBJECTIONS, objection, "uphold",
                form("finding", "经核实，家庭年收入超过标准"), null);
        clock.set(LocalDate.of(YEAR, 8, 20));
        assertEquals("application.disburse.objectionUpheld", disburse(id, "5000").get("state"));
        assertTrue(refused(() -> engine.transition(CITY_HOPE, project, ApplicationRegister.APPLICATIONS, id,
                "refuse", form(), " "), APPS).containsKey("reason"));
        engine.transition(CITY_HOPE, project, ApplicationRegister.APPLICATIONS, id, "refuse", form(), "异议查实");
        assertEquals(ApplicationRegister.REJECTED, state(id));
    }

    @Test
    void anotherCountySeesNoneOfItAndTheDocumentsAreKeptEncrypted() {
        plan(A_HOPE, A, "100000");
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        assertThrows(NotFoundException.class, () -> engine.get(B_HOPE, project, ApplicationRegister.APPLICATIONS, id));
        assertEquals(0, engine.list(B_HOPE, project, ApplicationRegister.APPLICATIONS, RecordQuery.firstPage())
                .total());
        // A viewer of the county reads the list but not the documents, and no full ID number is stored in clear.
        assertEquals(1, engine.list(A_VIEWER, project, ApplicationRegister.APPLICATIONS, RecordQuery.firstPage())
                .total());
        assertThrows(RuntimeException.class, () -> engine.attachment(A_VIEWER, project,
                ApplicationRegister.APPLICATIONS, id, "povertyCertificate"));
        assertEquals("%PDF-1.7 录取通知书", new String(engine.attachment(A_HOPE, project,
                ApplicationRegister.APPLICATIONS, id, "admissionNotice").bytes(), StandardCharsets.UTF_8));
        Boolean clear = store.read(c -> {
            try (var ps = c.prepareStatement("SELECT CONTENT FROM REG_FILE"); var rs = ps.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    any |= new String(rs.getBytes(1), StandardCharsets.ISO_8859_1).contains("%PDF");
                }
                return any;
            }
        });
        assertFalse(clear, "files kept encrypted");
        // The mask keeps the last four characters only, and no birth date is kept anywhere beside it.
        assertEquals(0, count("SELECT COUNT(*) FROM SCH_IDENTITY WHERE ID_NUMBER_MASK LIKE '%0315%'"
                + " OR ID_NUMBER_CIPHER LIKE '%0315%'"));
        assertNull(engine.get(A_HOPE, project, ApplicationRegister.APPLICATIONS, id).value("birthDate"));
    }

    private String state(long id) {
        return engine.get(CITY_HOPE, project, ApplicationRegister.APPLICATIONS, id).state();
    }

    private Map<String, String> disburse(long id, String amount) {
        return refused(() -> step(A_HOPE, id, "disburse", form("amountPaid", amount, "paidOn", "2024-08-20",
                "receipt", pdf("签收单.pdf"))), "SCH_DECISION");
    }
}
