package org.jixiao.core.internal.selfassessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.core.internal.testing.RecordingOutbox;
import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.performance.IndicatorRef;
import org.jixiao.api.performance.SelfAssessment;
import org.jixiao.api.performance.SelfAssessment.State;
import org.jixiao.api.performance.SelfAssessmentClaim;
import org.jixiao.api.performance.SelfAssessmentService.Claim;
import org.jixiao.api.performance.SelfAssessmentStatus;
import org.jixiao.api.performance.Step;
import org.jixiao.api.project.ProjectState;
import org.jixiao.core.internal.performance.PerformanceCycleImpl;
import org.jixiao.core.internal.performance.TargetServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.core.internal.testing.CityTest;
import org.jixiao.core.internal.testing.FakeRegistry;
import org.jixiao.core.internal.testing.TrainingProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelfAssessmentServiceImplTest extends CityTest {

    static final int YEAR = 2013;
    static final IndicatorRef TRAINED = new IndicatorRef(TrainingProject.ID, TrainingProject.TRAINED);
    static final IndicatorRef LOANS = new IndicatorRef(TrainingProject.ID, TrainingProject.LOANS);

    // Inside the default self-assessment window of 2013 (December).
    private final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2013-12-10T02:00:00Z"));
    private OrgUnit c1;
    private OrgUnit c1sub;
    private OrgUnit c2;
    private OrgUnit z1;
    private OrgUnit dept;
    private Actor assessor;
    private Actor cityViewer;
    private Actor c1Staff;
    private Actor c1Admin;
    private Actor c1Viewer;
    private Actor c2Staff;
    private final TrainingProject project = new TrainingProject();
    private final FakeRegistry registry = new FakeRegistry().add(project, ProjectState.ACTIVE);
    private PerformanceCycleImpl cycle;
    private SelfAssessmentServiceImpl service;

    @BeforeEach
    void open() {
        // Created out of code order: the overview orders by code.
        z1 = unit(root, "z1", OrgLevel.ZONE);
        c2 = unit(root, "c2", OrgLevel.COUNTY);
        c1 = unit(root, "c1", OrgLevel.COUNTY);
        dept = unit(root, "d1", OrgLevel.DEPARTMENT);
        c1sub = unit(c1, "c1-x", OrgLevel.DEPARTMENT);
        assessor = TestDb.actor(2, "assessor", root, Role.ASSESSOR);
        cityViewer = TestDb.actor(3, "city.viewer", root, Role.VIEWER, Role.TARGET_APPROVER, Role.BONUS_APPROVER);
        c1Staff = TestDb.actor(10, "c1.staff", c1, Role.STAFF);
        c1Admin = TestDb.actor(11, "c1.admin", c1, Role.ADMIN, Role.STAFF, Role.ASSESSOR);
        c1Viewer = TestDb.actor(12, "c1.viewer", c1, Role.VIEWER);
        c2Staff = TestDb.actor(20, "c2.staff", c2, Role.STAFF, Role.ADMIN);

        project.actual(YEAR, c1.id(), TrainingProject.TRAINED, "150");
        project.actual(YEAR, c1sub.id(), TrainingProject.TRAINED, "5");
        project.actual(YEAR, c2.id(), TrainingProject.TRAINED, "80");
        project.actual(YEAR - 1, c1.id(), TrainingProject.TRAINED, "999");

        cycle = new PerformanceCycleImpl(store, schema);
        cycle.open(cityAdmin, YEAR);
        while (cycle.year(YEAR).orElseThrow().step() != Step.SELF_ASSESSMENT) {
            cycle.advance(cityAdmin, YEAR, "no targets in this test");
        }
        TargetServiceImpl targets = new TargetServiceImpl(store, schema, registry, orgUnits, cycle);
        service = new SelfAssessmentServiceImpl(store, orgUnits, cycle, targets, registry, clock);
    }

    private static Map<IndicatorRef, Claim> claims(Object... refValueExplanation) {
        Map<IndicatorRef, Claim> out = new LinkedHashMap<>();
        for (int i = 0; i < refValueExplanation.length; i += 3) {
            String v = (String) refValueExplanation[i + 1];
            out.put((IndicatorRef) refValueExplanation[i],
                    new Claim(v == null ? null : new BigDecimal(v), (String) refValueExplanation[i + 2]));
        }
        return out;
    }

    private SelfAssessment saveComplete(Actor actor, OrgUnit unit) {
        return service.save(actor, YEAR, unit.id(), claims(TRAINED, "155", "见培训台账", LOANS, "0", null),
                "部分培训记录未及时录入", "已补录并指定专人负责");
    }

    private static SelfAssessmentClaim claim(SelfAssessment report, IndicatorRef ref) {
        return report.claims().stream().filter(c -> c.indicator().equals(ref)).findFirst().orElseThrow();
    }

    private long audits(String action) {
        return TestDb.audit(store, action).size();
    }

    private String storedState(OrgUnit unit) {
        List<Map<String, Object>> rows = TestDb.rows(store,
                "SELECT REPORT_STATE FROM JX_SELF_ASSESSMENT WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ?", YEAR, unit.id());
        return rows.isEmpty() ? null : (String) rows.get(0).get("REPORT_STATE");
    }

    // ---------------------------------------------------------------- reading

    @Test
    void nothingSavedGivesADraftPrefilledWithTheTargetTable() {
        SelfAssessment report = service.get(c1Staff, YEAR, c1.id());

        assertEquals(State.DRAFT, report.state());
        assertEquals(c1.name(), report.orgUnitName());
        assertEquals(List.of(TRAINED, LOANS), report.claims().stream().map(SelfAssessmentClaim::indicator).toList());
        SelfAssessmentClaim trained = report.claims().get(0);
        assertEquals("培训青年", trained.indicatorName());
        assertEquals("人", trained.unit());
        assertEquals(0, new BigDecimal("200").compareTo(trained.target()));
        assertNull(trained.claimed());
        assertNull(trained.explanation());
        assertEquals(new BigDecimal("155"), trained.computed(), "the unit's records and those of its own sub-units");
        assertFalse(trained.mismatch());
        assertEquals(BigDecimal.ZERO, claim(report, LOANS).computed(), "no records of an indicator count as zero");
        assertFalse(report.complete());
        assertNull(report.problems());
        assertNull(report.submittedAt());
        assertNull(report.cityComment());
        assertEquals(0, TestDb.count(store, "JX_SELF_ASSESSMENT"), "reading writes nothing");
        assertEquals(0, TestDb.count(store, "JX_SELF_ASSESSMENT_CLAIM"));
        assertFalse(service.accepted(YEAR, c1.id()));
    }

    @Test
    void theCitySeesEveryUnitAndTheOverviewListsEachEvaluatedUnitByCode() {
        RecordingOutbox outbox = new RecordingOutbox();
        service.setOutbox(outbox);
        saveComplete(c1Staff, c1);
        service.submit(c1Staff, YEAR, c1.id());
        // On a county node the report and each claim go to the outbox for the city, in the write's transaction.
        String report = "JX_SELF_ASSESSMENT ORG_UNIT_ID=" + c1.id() + ",PERF_YEAR=" + YEAR;
        String claim = "JX_SELF_ASSESSMENT_CLAIM INDICATOR_ID=%s,ORG_UNIT_ID=" + c1.id() + ",PERF_YEAR=" + YEAR
                + ",PROJECT_ID=%s";
        assertEquals(List.of(report, claim.formatted(TRAINED.indicatorId(), TRAINED.projectId()),
                claim.formatted(LOANS.indicatorId(), LOANS.projectId()), report), outbox.rows());
        service.save(c2Staff, YEAR, c2.id(), Map.of(), "问题", null);

        List<SelfAssessmentStatus> all = service.list(cityAdmin, YEAR);
        assertEquals(List.of(c1.id(), c2.id(), z1.id()), all.stream().map(SelfAssessmentStatus::orgUnitId).toList(),
                "evaluated units only, by code; the department is not evaluated");
        assertEquals(State.SUBMITTED, all.get(0).state());
        assertEquals("c1.staff", all.get(0).submittedBy());
        assertNotNull(all.get(0).submittedAt());
        assertEquals(State.DRAFT, all.get(1).state());
        assertTrue(all.get(1).started());
        assertEquals(State.DRAFT, all.get(2).state());
        assertFalse(all.get(2).started());
        assertEquals(OrgLevel.ZONE, all.get(2).level());

        assertEquals(List.of(c2.id()), service.list(c2Staff, YEAR).stream().map(SelfAssessmentStatus::orgUnitId)
                .toList(), "a county sees its own report only");
        assertEquals(State.SUBMITTED, service.get(assessor, YEAR, c1.id()).state());
        assertEquals(State.SUBMITTED, service.get(cityViewer, YEAR, c1.id()).state());
    }

    @Test
    void aCountyCannotReadAnotherCountysReport() {
        saveComplete(c1Staff, c1);
        assertThrows(NotFoundException.class, () -> service.get(c2Staff, YEAR, c1.id()));
        assertThrows(NotFoundException.class, () -> service.save(c2Staff, YEAR, c1.id(), Map.of(), "x", null));
        assertThrows(NotFoundException.class, () -> service.submit(c2Staff, YEAR, c1.id()));
        assertThrows(NotFoundException.class, () -> service.get(cityAdmin, YEAR, dept.id()),
                "a department is not evaluated");
        assertThrows(NotFoundException.class, () -> service.get(cityAdmin, YEAR, c1sub.id()));
        assertThrows(NotFoundException.class, () -> service.get(cityAdmin, YEAR, 9999));
        assertThrows(NotFoundException.class, () -> service.get(c1Staff, YEAR + 1, c1.id()), "year not open");
        assertThrows(NotFoundException.class, () -> service.list(c1Staff, YEAR + 1));
        assertEquals(1, audits("selfAssessment.save"));
    }

    // ---------------------------------------------------------------- the flow

    @Test
    void saveSubmitReturnResubmitAccept() {
        SelfAssessment draft = saveComplete(c1Staff, c1);
        assertEquals(State.DRAFT, draft.state());
        assertEquals(new BigDecimal("155"), claim(draft, TRAINED).claimed());
        assertEquals("见培训台账", claim(draft, TRAINED).explanation());
        assertEquals(BigDecimal.ZERO, claim(draft, LOANS).claimed());
        assertEquals("部分培训记录未及时录入", draft.problems());
        assertEquals("已补录并指定专人负责", draft.rectification());
        assertTrue(draft.complete());
        assertEquals(1, audits("selfAssessment.save"));
        Map<String, Object> audit = TestDb.audit(store, "selfAssessment.save").get(0);
        assertEquals("selfAssessment:" + YEAR + ":" + c1.id(), audit.get("TARGET"));
        assertEquals("c1.staff", audit.get("ACTOR_NAME"));

        // The city cannot decide on a draft.
        assertEquals("selfAssessment.state.notSubmitted",
                errors(() -> service.accept(assessor, YEAR, c1.id(), null)).get("state"));

        SelfAssessment submitted = service.submit(c1Staff, YEAR, c1.id());
        assertEquals(State.SUBMITTED, submitted.state());
        assertEquals("c1.staff", submitted.submittedBy());
        assertEquals(clock.instant(), submitted.submittedAt());
        assertEquals(1, audits("selfAssessment.submit"));

        // Submitted: the unit can change nothing until the city returns it.
        assertEquals("selfAssessment.state.notEditable",
                errors(() -> service.save(c1Staff, YEAR, c1.id(), claims(TRAINED, "1", null), null, null))
                        .get("state"));
        assertEquals("selfAssessment.state.notEditable",
                errors(() -> service.submit(c1Staff, YEAR, c1.id())).get("state"));
        assertEquals(new BigDecimal("155"), claim(service.get(c1Staff, YEAR, c1.id()), TRAINED).claimed());

        assertEquals("selfAssessment.comment.required",
                errors(() -> service.returnToUnit(assessor, YEAR, c1.id(), "  ")).get("comment"));
        assertEquals("SUBMITTED", storedState(c1));

        clock.advance(Duration.ofDays(1));
        SelfAssessment returned = service.returnToUnit(assessor, YEAR, c1.id(), "请补充贷款工作的说明");
        assertEquals(State.RETURNED, returned.state());
        assertEquals("请补充贷款工作的说明", returned.cityComment());
        assertEquals("assessor", returned.decidedBy());
        assertEquals(clock.instant(), returned.decidedAt());
        assertFalse(service.accepted(YEAR, c1.id()));
        assertEquals(1, audits("selfAssessment.return"));

        // Revised: the report stays RETURNED (with the city's comment) until it is submitted again.
        SelfAssessment revised = service.save(c1Staff, YEAR, c1.id(),
                claims(LOANS, "0", "本县贷款工作由人社局承办，下半年起联合推进"), "部分培训记录未及时录入", "已补录");
        assertEquals(State.RETURNED, revised.state());
        assertEquals("请补充贷款工作的说明", revised.cityComment());
        assertEquals("见培训台账", claim(revised, TRAINED).explanation(), "indicators not sent keep their claims");
        assertEquals("本县贷款工作由人社局承办，下半年起联合推进", claim(revised, LOANS).explanation());
        assertEquals("已补录", revised.rectification());

        clock.advance(Duration.ofDays(1));
        assertEquals(State.SUBMITTED, service.submit(c1Staff, YEAR, c1.id()).state());
        SelfAssessment accepted = service.accept(cityAdmin, YEAR, c1.id(), null);
        assertEquals(State.ACCEPTED, accepted.state());
        assertNull(accepted.cityComment(), "an acceptance needs no comment");
        assertEquals("admin", accepted.decidedBy());
        assertTrue(service.accepted(YEAR, c1.id()));
        assertFalse(service.accepted(YEAR, c2.id()));
        assertFalse(service.accepted(YEAR + 1, c1.id()));

        // Accepted is final.
        assertEquals("selfAssessment.state.notEditable",
                errors(() -> service.save(c1Staff, YEAR, c1.id(), Map.of(), null, null)).get("state"));
        assertEquals("selfAssessment.state.notSubmitted",
                errors(() -> service.returnToUnit(assessor, YEAR, c1.id(), "再改")).get("state"));
        assertEquals(2, audits("selfAssessment.save"));
        assertEquals(2, audits("selfAssessment.submit"));
        assertEquals(1, audits("selfAssessment.return"));
        assertEquals(1, audits("selfAssessment.accept"));
    }

    @Test
    void aCountyCannotDecideOnItsOwnReportNorCanTheCitysViewers() {
        saveComplete(c1Staff, c1);
        service.submit(c1Staff, YEAR, c1.id());
        assertThrows(AccessDeniedException.class, () -> service.accept(c1Admin, YEAR, c1.id(), "好"),
                "an admin and assessor of the county itself");
        assertThrows(AccessDeniedException.class, () -> service.returnToUnit(c1Admin, YEAR, c1.id(), "改"));
        assertThrows(AccessDeniedException.class, () -> service.accept(c2Staff, YEAR, c1.id(), null));
        assertThrows(AccessDeniedException.class, () -> service.accept(cityViewer, YEAR, c1.id(), null));
        assertThrows(AccessDeniedException.class, () -> service.accept(c1Staff, YEAR, c1.id(), null));
        assertEquals("SUBMITTED", storedState(c1));
        assertFalse(service.accepted(YEAR, c1.id()));
        assertEquals(0, audits("selfAssessment.accept") + audits("selfAssessment.return"));
    }

    @Test
    void viewersReadButDoNotWrite() {
        assertEquals(State.DRAFT, service.get(c1Viewer, YEAR, c1.id()).state());
        assertThrows(AccessDeniedException.class, () -> saveComplete(c1Viewer, c1));
        assertThrows(AccessDeniedException.class, () -> service.submit(c1Viewer, YEAR, c1.id()));
        assertThrows(AccessDeniedException.class, () -> saveComplete(assessor, c1),
                "an assessor decides but does not write the unit's report");
        assertEquals(0, TestDb.count(store, "JX_SELF_ASSESSMENT"));
    }

    @Test
    void cityStaffMayWriteAUnitsReport() {
        assertEquals(State.DRAFT, saveComplete(cityAdmin, c1).state());
        assertEquals(State.SUBMITTED, service.submit(cityAdmin, YEAR, c1.id()).state());
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void submitIsRefusedWhenTheWindowIsClosedAndNothingIsWritten() {
        saveComplete(c1Staff, c1);
        clock.advance(Duration.ofDays(30)); // 2014-01-09
        Map<String, String> errors = errors(() -> service.submit(c1Staff, YEAR, c1.id()));
        assertEquals("lock.windowClosed", errors.get("year"));
        assertEquals("DRAFT", storedState(c1));
        assertEquals(0, audits("selfAssessment.submit"));

        // Saving a draft is still possible outside the window.
        assertEquals(State.DRAFT, saveComplete(c1Staff, c1).state());
    }

    @Test
    void submitIsRefusedWhenTheYearStandsAtAnotherStep() {
        saveComplete(c1Staff, c1);
        cycle.reopen(cityAdmin, YEAR, Step.TRACKING, "跟踪管理尚未结束");
        assertEquals("lock.otherStep", errors(() -> service.submit(c1Staff, YEAR, c1.id())).get("year"));
        assertEquals("DRAFT", storedState(c1));
        assertEquals(0, audits("selfAssessment.submit"));
    }

    @Test
    void submitIsRefusedWhileAClaimIsMissingAndNothingIsWritten() {
        Map<String, String> none = errors(() -> service.submit(c1Staff, YEAR, c1.id()));
        assertEquals("selfAssessment.claims.incomplete", none.get("claims"));
        assertEquals("selfAssessment.claim.required", none.get("claimed." + TRAINED.key()));
        assertEquals("selfAssessment.claim.required", none.get("claimed." + LOANS.key()));
        assertEquals(0, TestDb.count(store, "JX_SELF_ASSESSMENT"), "no report row was created");

        service.save(c1Staff, YEAR, c1.id(), claims(TRAINED, "155", null, LOANS, null, "尚在统计"), null, null);
        Map<String, String> one = errors(() -> service.submit(c1Staff, YEAR, c1.id()));
        assertFalse(one.containsKey("claimed." + TRAINED.key()));
        assertEquals("selfAssessment.claim.required", one.get("claimed." + LOANS.key()));
        assertEquals("DRAFT", storedState(c1));
        assertEquals(0, audits("selfAssessment.submit"));

        // Closed window and a missing claim are reported together.
        clock.advance(Duration.ofDays(30));
        Map<String, String> both = errors(() -> service.submit(c1Staff, YEAR, c1.id()));
        assertEquals("lock.windowClosed", both.get("year"));
        assertEquals("selfAssessment.claim.required", both.get("claimed." + LOANS.key()));
    }

    @Test
    void badInputIsRefusedAsAWholeBeforeAnythingIsWritten() {
        String long2001 = "问".repeat(SelfAssessmentServiceImpl.TEXT_MAX + 1);
        Map<IndicatorRef, Claim> bad = claims(TRAINED, "-1", long2001, LOANS, "1.00001", null);
        bad.put(new IndicatorRef(TrainingProject.ID, "nope"), new Claim(BigDecimal.ONE, null));
        Map<String, String> errors = errors(() -> service.save(c1Staff, YEAR, c1.id(), bad, long2001, long2001));
        assertEquals("selfAssessment.claimed.invalid", errors.get("claimed." + TRAINED.key()));
        assertEquals("selfAssessment.text.tooLong", errors.get("explanation." + TRAINED.key()));
        assertEquals("selfAssessment.claimed.invalid", errors.get("claimed." + LOANS.key()));
        assertEquals("selfAssessment.indicator.unknown", errors.get("indicator"));
        assertEquals("selfAssessment.text.tooLong", errors.get("problems"));
        assertEquals("selfAssessment.text.tooLong", errors.get("rectification"));
        assertEquals(0, TestDb.count(store, "JX_SELF_ASSESSMENT"));
        assertEquals(0, TestDb.count(store, "JX_SELF_ASSESSMENT_CLAIM"));
        assertEquals(0, audits("selfAssessment.save"));

        assertEquals("selfAssessment.claimed.invalid", errors(() -> service.save(c1Staff, YEAR, c1.id(),
                claims(TRAINED, "1000000000001", null), null, null)).get("claimed." + TRAINED.key()));

        // Exactly the limit is fine, counted after CRLF became LF; blanks are stored as nothing.
        String exactly = "问".repeat(SelfAssessmentServiceImpl.TEXT_MAX - 2) + "\r\n问";
        SelfAssessment ok = service.save(c1Staff, YEAR, c1.id(), claims(TRAINED, "12.5000", "  "), exactly, " ");
        assertEquals(SelfAssessmentServiceImpl.TEXT_MAX, ok.problems().length());
        assertTrue(ok.problems().endsWith("\n问"));
        assertNull(ok.rectification());
        assertNull(claim(ok, TRAINED).explanation());
        assertEquals(new BigDecimal("12.5"), claim(ok, TRAINED).claimed());

        String comment = "意".repeat(SelfAssessmentServiceImpl.TEXT_MAX + 1);
        service.save(c1Staff, YEAR, c1.id(), claims(LOANS, "3", null), null, null);
        service.submit(c1Staff, YEAR, c1.id());
        assertEquals("selfAssessment.text.tooLong",
                errors(() -> service.returnToUnit(assessor, YEAR, c1.id(), comment)).get("comment"));
        assertEquals("selfAssessment.text.tooLong",
                errors(() -> service.accept(assessor, YEAR, c1.id(), comment)).get("comment"));
        assertEquals("SUBMITTED", storedState(c1));
    }

    // ---------------------------------------------------------------- the records beside the claims

    @Test
    void aClaimThatDiffersFromTheRecordsIsFlagged() {
        SelfAssessment report = service.save(c1Staff, YEAR, c1.id(),
                claims(TRAINED, "160", "含未录入系统的 5 人", LOANS, "0.0", null), null, null);
        SelfAssessmentClaim trained = claim(report, TRAINED);
        assertEquals(new BigDecimal("155"), trained.computed());
        assertTrue(trained.mismatch(), "|160 - 155| > 0");
        assertFalse(claim(report, LOANS).mismatch(), "0.0 equals 0");
        assertEquals(1, report.mismatches());

        // The computed value is live: once the records catch up, the flag goes.
        project.actual(YEAR, c1.id(), TrainingProject.TRAINED, "155");
        SelfAssessment later = service.get(c1Staff, YEAR, c1.id());
        assertEquals(new BigDecimal("160"), claim(later, TRAINED).computed());
        assertFalse(claim(later, TRAINED).mismatch());
        assertEquals(0, later.mismatches());
    }

    @Test
    void anUnknownComputedValueIsShownAsUnknownAndNeverFlagged() {
        service.save(c1Staff, YEAR, c1.id(), claims(TRAINED, "999", null), null, null);
        project.actualsFailing = true;
        SelfAssessment report = service.get(c1Staff, YEAR, c1.id());
        assertNull(claim(report, TRAINED).computed());
        assertFalse(claim(report, TRAINED).mismatch());
        assertEquals(new BigDecimal("999"), claim(report, TRAINED).claimed());
        assertEquals(0, report.mismatches());
    }

    @Test
    void theMismatchRuleIgnoresScaleAndUnknowns() {
        assertFalse(SelfAssessmentClaim.differs(new BigDecimal("10.00"), BigDecimal.TEN));
        assertTrue(SelfAssessmentClaim.differs(new BigDecimal("10.0001"), BigDecimal.TEN));
        assertFalse(SelfAssessmentClaim.differs(null, BigDecimal.TEN));
        assertFalse(SelfAssessmentClaim.differs(BigDecimal.TEN, null));
    }

    @Test
    void aProjectThatIsNoLongerActiveDropsItsRowsButKeepsTheClaims() {
        saveComplete(c1Staff, c1);
        FakeRegistry none = new FakeRegistry();
        SelfAssessmentServiceImpl without = new SelfAssessmentServiceImpl(store, orgUnits, cycle,
                new TargetServiceImpl(store, new CoreSchema(store), none, orgUnits, cycle), none, clock);
        SelfAssessment report = without.get(c1Staff, YEAR, c1.id());
        assertTrue(report.claims().isEmpty());
        assertEquals("部分培训记录未及时录入", report.problems());
        assertEquals(2, TestDb.count(store, "JX_SELF_ASSESSMENT_CLAIM"), "stored claims stay");
        assertEquals(2, service.get(c1Staff, YEAR, c1.id()).claims().size(), "and are back with the project");
    }
}
