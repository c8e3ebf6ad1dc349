package org.jixiao.core.internal.manual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jixiao.core.internal.testing.RecordingOutbox;
import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.Role;
import org.jixiao.api.performance.EvidenceFile;
import org.jixiao.api.performance.ManualAnswer;
import org.jixiao.api.performance.ManualIndicator;
import org.jixiao.api.performance.ManualIndicatorDraft;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.Target;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.ProjectState;
import org.jixiao.core.internal.performance.PerformanceCycleImpl;
import org.jixiao.core.internal.performance.TargetServiceImpl;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.core.internal.testing.FakeRegistry;
import org.jixiao.core.internal.testing.CityTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManualIndicatorServiceImplTest extends CityTest {

    static final int YEAR = 2013;
    static final byte[] PDF = "%PDF-1.7\n会议纪要\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    // 1 February 2013: inside the default target-setting window.
    private final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2013-02-01T02:00:00Z"));
    private PerformanceCycleImpl cycle;
    private TargetServiceImpl targets;
    private CityIndicators city;
    private ManualIndicatorServiceImpl service;
    private OrgUnit c1;
    private OrgUnit c2;
    private Actor setter;
    private Actor approver;
    private Actor c1Admin;
    private Actor c1Staff;
    private Actor c1Viewer;
    private Actor c2Staff;

    @BeforeEach
    void open() {
        setter = TestDb.actor(2, "setter", root, Role.TARGET_SETTER);
        approver = TestDb.actor(3, "approver", root, Role.TARGET_APPROVER);
        c1 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "c1", "一县团委", OrgLevel.COUNTY));
        c2 = orgUnits.create(cityAdmin, new OrgUnitDraft(root.id(), "c2", "二县团委", OrgLevel.COUNTY));
        c1Admin = TestDb.actor(10, "c1.admin", c1, Role.ADMIN);
        c1Staff = TestDb.actor(11, "c1.staff", c1, Role.STAFF);
        c1Viewer = TestDb.actor(12, "c1.viewer", c1, Role.VIEWER);
        c2Staff = TestDb.actor(20, "c2.staff", c2, Role.STAFF, Role.ADMIN);
        cycle = new PerformanceCycleImpl(store, schema);
        cycle.open(cityAdmin, YEAR);
        city = new CityIndicators(store, schema, cycle);
        FakeRegistry registry = new FakeRegistry().add(city, ProjectState.ACTIVE);
        targets = new TargetServiceImpl(store, schema, registry, orgUnits, cycle);
        service = new ManualIndicatorServiceImpl(store, orgUnits, cycle, new EvidenceStore(tmp.resolve("evidence")),
                clock);
    }

    private static ManualIndicatorDraft draft(String name, TargetKind kind, String value) {
        return new ManualIndicatorDraft(name, null, "次", null, "附件1 第5项",
                new TargetRule(kind, Comparison.AT_LEAST, new BigDecimal(value)));
    }

    private ManualIndicator meetings() {
        return service.defineCity(setter, YEAR, new ManualIndicatorDraft("  专题会议  ", "Topic meetings", "次",
                "meetings", "附件1 第5项", new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST, new BigDecimal("4.000"))));
    }

    private long audits(String action) {
        return TestDb.audit(store, action).size();
    }

    private void approveAndAdvanceTo(Step step) {
        targets.approve(approver, YEAR);
        while (cycle.year(YEAR).orElseThrow().step() != step) {
            cycle.advance(cityAdmin, YEAR, "no targets in this test");
        }
    }

    // ---------------------------------------------------------------- city indicators

    @Test
    void aCityIndicatorJoinsEveryTargetTableAndItsAnswerIsTheActual() {
        ManualIndicator m = meetings();
        assertEquals("专题会议", m.nameZh());
        assertEquals(new BigDecimal("4"), m.rule().value());
        assertFalse(m.local());
        assertEquals(1, audits("manual.define"));

        Target row = targets.table(setter, YEAR, c1.id()).targets().stream()
                .filter(t -> t.indicator().equals(m.ref())).findFirst().orElseThrow();
        assertEquals("专题会议", row.indicatorName());
        assertEquals("次", row.unit());
        assertEquals("附件1 第5项", row.clause());
        assertEquals(new BigDecimal("4"), row.rule().value());
        // English readers see the English name through the project's messages.
        assertEquals("Topic meetings", city.messages(Locale.ENGLISH).getString(m.ref().indicatorId() + ".name"));
        // The Organisation Department may change a unit's target for it like any project indicator's.
        targets.approve(approver, YEAR);
        targets.set(approver, YEAR, c2.id(), m.ref(), new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST,
                BigDecimal.valueOf(6)), "二县已有基础");
        assertEquals(BigDecimal.valueOf(6), targets.table(c2Staff, YEAR, c2.id()).targets().get(0).rule().value());

        // On a county node the answer is handed to the outbox for the city, in the write's transaction.
        RecordingOutbox outbox = new RecordingOutbox();
        service.setOutbox(outbox);
        service.answer(c1Staff, m.id(), c1.id(), new BigDecimal("5.0"), "上半年 3 次，下半年 2 次");
        assertEquals(List.of("JX_MANUAL_ANSWER INDICATOR_ID=" + m.id() + ",ORG_UNIT_ID=" + c1.id()), outbox.rows());
        Map<Long, Map<String, BigDecimal>> actuals = city.actuals(List.of(c1.id(), c2.id()), YEAR);
        assertEquals(Map.of(m.ref().indicatorId(), new BigDecimal("5")), actuals.get(c1.id()));
        assertNull(actuals.get(c2.id()));
        ManualAnswer a = service.answers(c1Staff, YEAR, c1.id()).get(0);
        assertEquals(new BigDecimal("5"), a.value());
        assertEquals("c1.staff", a.updatedBy());
        assertEquals(1, audits("manual.answer"));

        // Cleared: no actual any more, the note stays.
        service.answer(c1Staff, m.id(), c1.id(), null, "重新核实中");
        assertTrue(city.actuals(List.of(c1.id()), YEAR).isEmpty());
        assertEquals("重新核实中", service.answers(c1Staff, YEAR, c1.id()).get(0).note());
    }

    @Test
    void onlyTheCitysTargetSettersDefineCityIndicatorsAndOnlyBeforeApproval() {
        assertThrows(AccessDeniedException.class, () -> service.defineCity(cityAdmin, YEAR,
                draft("x", TargetKind.ABSOLUTE, "1")));
        Actor countySetter = TestDb.actor(13, "c1.setter", c1, Role.TARGET_SETTER);
        assertThrows(AccessDeniedException.class, () -> service.defineCity(countySetter, YEAR,
                draft("x", TargetKind.ABSOLUTE, "1")));
        ManualIndicator m = meetings();
        targets.approve(approver, YEAR);
        assertEquals("target.locked", errors(() -> service.defineCity(setter, YEAR,
                draft("y", TargetKind.ABSOLUTE, "1"))).get("year"));
        assertEquals("target.locked", errors(() -> service.withdraw(setter, m.id())).get("year"));
        assertEquals(1, service.cityIndicators(c1Staff, YEAR).size());
    }

    @Test
    void aWithdrawnCityIndicatorLeavesTheTablesButKeepsItsAnswers() {
        ManualIndicator m = meetings();
        service.answer(c1Staff, m.id(), c1.id(), BigDecimal.ONE, null);
        service.withdraw(setter, m.id());
        assertTrue(city.indicators(YEAR).isEmpty());
        assertTrue(targets.table(setter, YEAR, c1.id()).targets().isEmpty());
        assertTrue(service.cityIndicators(setter, YEAR).get(0).withdrawn());
        assertEquals(1L, TestDb.count(store, "JX_MANUAL_ANSWER"));
        assertEquals("manual.withdrawn", errors(() -> service.answer(c1Staff, m.id(), c1.id(), BigDecimal.TEN,
                null)).get("indicator"));
    }

    @Test
    void badDefinitionsAreExplainedAndWriteNothing() {
        Map<String, String> e = errors(() -> service.defineCity(setter, YEAR, new ManualIndicatorDraft(" ", null,
                "", null, null, new TargetRule(TargetKind.SHARE, Comparison.MORE_THAN, new BigDecimal("150")))));
        assertEquals("manual.name.required", e.get("nameZh"));
        assertEquals("manual.unit.required", e.get("unitZh"));
        assertEquals("manual.clause.required", e.get("clause"));
        assertEquals("target.value.percent", e.get("value"));
        assertEquals("manual.name.tooLong", errors(() -> service.defineCity(setter, YEAR,
                draft("长".repeat(201), TargetKind.ABSOLUTE, "1"))).get("nameZh"));
        assertEquals("target.value.invalid", errors(() -> service.defineCity(setter, YEAR,
                draft("x", TargetKind.ABSOLUTE, "-1"))).get("value"));
        assertEquals(0L, TestDb.count(store, "JX_MANUAL_INDICATOR"));
        assertEquals(0, audits("manual.define"));
    }

    // ---------------------------------------------------------------- answers

    @Test
    void answersAreCheckedAndScoped() {
        ManualIndicator m = meetings();
        ManualIndicator share = service.defineCity(setter, YEAR, draft("参与率", TargetKind.SHARE, "50"));
        assertEquals("target.value.invalid", errors(() -> service.answer(c1Staff, m.id(), c1.id(),
                new BigDecimal("-1"), null)).get("value"));
        assertEquals("target.value.percent", errors(() -> service.answer(c1Staff, share.id(), c1.id(),
                new BigDecimal("100.5"), null)).get("value"));
        assertEquals("manual.note.tooLong", errors(() -> service.answer(c1Staff, m.id(), c1.id(), BigDecimal.ONE,
                "字".repeat(ManualIndicatorService.NOTE_MAX + 1))).get("note"));
        assertThrows(AccessDeniedException.class, () -> service.answer(c1Viewer, m.id(), c1.id(), BigDecimal.ONE,
                null));
        // Another county's unit does not exist for c1, nor does an unknown indicator.
        assertThrows(NotFoundException.class, () -> service.answer(c1Staff, m.id(), c2.id(), BigDecimal.ONE, null));
        assertThrows(NotFoundException.class, () -> service.answers(c1Staff, YEAR, c2.id()));
        assertThrows(NotFoundException.class, () -> service.answer(c1Staff, 9999, c1.id(), BigDecimal.ONE, null));
        assertEquals(0L, TestDb.count(store, "JX_MANUAL_ANSWER"));
        assertEquals(0, audits("manual.answer"));
    }

    @Test
    void cityIndicatorsCloseWhenTheComprehensiveEvaluationStartsAndLocalOnesWhenPublished() {
        ManualIndicator m = meetings();
        ManualIndicator local = service.defineLocal(c1Admin, YEAR, c1.id(), draft("乡镇团委走访", TargetKind.ABSOLUTE,
                "12"));
        approveAndAdvanceTo(Step.COMPREHENSIVE_EVALUATION);
        assertEquals("manual.answer.closed", errors(() -> service.answer(c1Staff, m.id(), c1.id(), BigDecimal.ONE,
                null)).get("year"));
        service.answer(c1Staff, local.id(), c1.id(), BigDecimal.ONE, null);
        cycle.advance(cityAdmin, YEAR, "no targets in this test");
        assertEquals("manual.published", errors(() -> service.answer(c1Staff, local.id(), c1.id(), BigDecimal.TEN,
                null)).get("year"));
        assertEquals("manual.published", errors(() -> service.changeLocal(c1Admin, local.id(),
                draft("乡镇团委走访", TargetKind.ABSOLUTE, "10"))).get("year"));
    }

    // ---------------------------------------------------------------- local indicators

    @Test
    void aCountysLocalIndicatorsStayTheCountys() {
        ManualIndicator local = service.defineLocal(c1Admin, YEAR, c1.id(), new ManualIndicatorDraft("乡镇团委走访",
                null, "次", null, null, new TargetRule(TargetKind.ABSOLUTE, Comparison.AT_LEAST, BigDecimal.TEN)));
        assertTrue(local.local());
        assertEquals(c1.id(), local.ownerOrgUnitId());
        // Never in the city's tables, indicators or actuals.
        assertTrue(service.cityIndicators(setter, YEAR).isEmpty());
        assertTrue(city.indicators(YEAR).isEmpty());
        assertTrue(targets.table(setter, YEAR, c1.id()).targets().isEmpty());
        service.answer(c1Staff, local.id(), c1.id(), BigDecimal.valueOf(7), null);
        assertTrue(city.actuals(List.of(c1.id()), YEAR).isEmpty());
        assertEquals(BigDecimal.valueOf(7), service.answers(c1Staff, YEAR, c1.id()).get(0).value());

        // Another county neither sees nor answers nor changes it.
        assertThrows(NotFoundException.class, () -> service.localIndicators(c2Staff, YEAR, c1.id()));
        assertThrows(NotFoundException.class, () -> service.answer(c2Staff, local.id(), c2.id(), BigDecimal.ONE,
                null));
        assertThrows(NotFoundException.class, () -> service.changeLocal(c2Staff, local.id(),
                draft("x", TargetKind.ABSOLUTE, "1")));
        assertThrows(NotFoundException.class, () -> service.withdraw(c2Staff, local.id()));
        assertThrows(NotFoundException.class, () -> service.defineLocal(c2Staff, YEAR, c1.id(),
                draft("x", TargetKind.ABSOLUTE, "1")));
        // Staff answer, but only admins and target setters define.
        assertThrows(AccessDeniedException.class, () -> service.defineLocal(c1Staff, YEAR, c1.id(),
                draft("x", TargetKind.ABSOLUTE, "1")));
        assertEquals("manual.kind.baseline", errors(() -> service.defineLocal(c1Admin, YEAR, c1.id(),
                draft("x", TargetKind.BASELINE_RELATIVE, "10"))).get("kind"));

        ManualIndicator changed = service.changeLocal(c1Admin, local.id(), draft("乡镇团委走访", TargetKind.ABSOLUTE,
                "15"));
        assertEquals(new BigDecimal("15"), changed.rule().value());
        assertEquals(1, audits("manual.change"));
        assertThrows(AccessDeniedException.class, () -> service.changeLocal(setter, meetings().id(),
                draft("x", TargetKind.ABSOLUTE, "1")));
        service.withdraw(c1Admin, local.id());
        assertTrue(service.localIndicators(c1Staff, YEAR, c1.id()).get(0).withdrawn());
    }

    // ---------------------------------------------------------------- evidence files

    @Test
    void evidenceFilesAreStoredOnceReadWithAnAuditLineAndRemovable() throws IOException {
        ManualIndicator m = meetings();
        EvidenceFile f = service.attach(c1Staff, m.id(), c1.id(), "C:\\docs\\会议纪要.pdf", new ByteArrayInputStream(PDF));
        assertEquals("会议纪要.pdf", f.fileName());
        assertEquals("application/pdf", f.contentType());
        assertEquals(PDF.length, f.size());
        service.attach(c1Staff, m.id(), c1.id(), "copy.PDF", new ByteArrayInputStream(PDF));
        assertEquals(2, service.answers(c1Staff, YEAR, c1.id()).get(0).files().size());
        // The same bytes are kept once.
        try (Stream<Path> files = Files.walk(tmp.resolve("evidence"))) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
        assertEquals(2, audits("evidence.attach"));

        ManualIndicatorService.Evidence e = service.open(setter, f.id());
        try (InputStream in = e.content()) {
            assertArrayEquals(PDF, in.readAllBytes());
        }
        assertEquals(1, audits("evidence.read"));
        // Another county does not know the file exists.
        assertThrows(NotFoundException.class, () -> service.open(c2Staff, f.id()));
        assertThrows(NotFoundException.class, () -> service.remove(c2Staff, f.id()));
        assertThrows(AccessDeniedException.class, () -> service.remove(c1Viewer, f.id()));

        service.remove(c1Staff, f.id());
        assertEquals(1, service.answers(c1Staff, YEAR, c1.id()).get(0).files().size());
        assertThrows(NotFoundException.class, () -> service.open(c1Staff, f.id()));
        assertEquals(1, audits("evidence.remove"));
        // The copy still holds the bytes; once it goes too, so do they (issue 12, item 7).
        assertEquals(1, storedContents());
        service.remove(c1Staff, service.answers(c1Staff, YEAR, c1.id()).get(0).files().get(0).id());
        assertEquals(0, storedContents());
    }

    private long storedContents() throws IOException {
        if (!Files.exists(tmp.resolve("evidence"))) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("evidence"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void filesThatAreNotWhatTheyClaimOrTooLargeAreRefusedAndNothingIsKept() throws IOException {
        ManualIndicator m = meetings();
        assertEquals("manual.file.type", errors(() -> service.attach(c1Staff, m.id(), c1.id(), "run.exe",
                new ByteArrayInputStream(PDF))).get("file"));
        assertEquals("manual.file.content", errors(() -> service.attach(c1Staff, m.id(), c1.id(), "x.pdf",
                new ByteArrayInputStream("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))))
                .get("file"));
        assertEquals("manual.file.content", errors(() -> service.attach(c1Staff, m.id(), c1.id(), "x.txt",
                new ByteArrayInputStream("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))).get("file"));
        assertEquals("manual.file.empty", errors(() -> service.attach(c1Staff, m.id(), c1.id(), "x.pdf",
                new ByteArrayInputStream(new byte[0]))).get("file"));
        assertEquals("manual.file.required", errors(() -> service.attach(c1Staff, m.id(), c1.id(), "/",
                new ByteArrayInputStream(PDF))).get("file"));
        InputStream huge = new InputStream() {
            long left = ManualIndicatorService.FILE_SIZE_MAX + 10;
            int i;

            @Override
            public int read() {
                if (left-- <= 0) {
                    return -1;
                }
                return i < PDF.length ? PDF[i++] : 'x';
            }
        };
        assertEquals("manual.file.tooLarge", errors(() -> service.attach(c1Staff, m.id(), c1.id(), "big.pdf", huge))
                .get("file"));
        assertEquals(0L, TestDb.count(store, "JX_EVIDENCE_FILE"));
        if (Files.exists(tmp.resolve("evidence"))) {
            try (Stream<Path> files = Files.walk(tmp.resolve("evidence"))) {
                assertEquals(0, files.filter(Files::isRegularFile).count());
            }
        }
        assertEquals(0, audits("evidence.attach"));
    }

    @Test
    void atMostTwentyFilesPerAnswer() throws IOException {
        ManualIndicator m = meetings();
        for (int i = 0; i < ManualIndicatorService.FILES_MAX; i++) {
            service.attach(c1Staff, m.id(), c1.id(), i + ".txt", new ByteArrayInputStream(("第" + i + "份").getBytes(
                    StandardCharsets.UTF_8)));
        }
        assertEquals("manual.file.tooMany", errors(() -> service.attach(c1Staff, m.id(), c1.id(), "x.txt",
                new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)))).get("file"));
        assertEquals((long) ManualIndicatorService.FILES_MAX, TestDb.count(store, "JX_EVIDENCE_FILE"));
        // Refused after it was read: its bytes are not kept (issue 12, item 7).
        assertEquals(ManualIndicatorService.FILES_MAX, storedContents());
    }

    /** Issue 12, item 7: each unit keeps at most its quota, and a refused upload leaves no bytes. */
    @Test
    void aUnitKeepsAtMostItsQuota() throws IOException {
        ManualIndicator m = meetings();
        service.unitBytesMax = 2L * PDF.length;
        service.attach(c1Staff, m.id(), c1.id(), "a.pdf", new ByteArrayInputStream(PDF));
        byte[] other = Arrays.copyOf(PDF, PDF.length + 1);
        assertEquals("manual.file.quota", errors(() -> service.attach(c1Staff, m.id(), c1.id(), "b.pdf",
                new ByteArrayInputStream(other))).get("file"));
        assertEquals(1, storedContents());
        // Another unit has a quota of its own; a removed file no longer counts.
        service.attach(c2Staff, m.id(), c2.id(), "b.pdf", new ByteArrayInputStream(other));
        service.remove(c1Staff, service.answers(c1Staff, YEAR, c1.id()).get(0).files().get(0).id());
        service.attach(c1Staff, m.id(), c1.id(), "b.pdf", new ByteArrayInputStream(other));
        assertEquals(1, storedContents());
    }
}
