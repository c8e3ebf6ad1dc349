package org.jixiao.project.scholarship.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.scholarship.internal.application.ApplicationRegister;
import org.jixiao.project.scholarship.internal.chain.DecisionChain;
import org.jixiao.project.scholarship.internal.notice.Recipients;
import org.jixiao.project.scholarship.internal.shell.VerifyChainCommand;
import org.junit.jupiter.api.Test;

/** The decision chain, its check, the public notice and the disbursement list, on hand-made records. */
class ChainAndNoticeTest extends ScholarshipTestBase {

    @Test
    void everyDecisionIsChainedToTheOneBeforeAndAnEditedRowIsNamed() {
        plan(A_HOPE, A, "100000");
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        long other = apply(A_HOPE, A, "李四", idNumber(2));
        engine.transition(A_HOPE, project, ApplicationRegister.APPLICATIONS, other, "reject", form(), "非全日制本科");
        toNotice(id);
        clock.set(LocalDate.of(YEAR, 8, 20));
        step(A_HOPE, id, "disburse", form("amountPaid", "5000", "paidOn", "2024-08-20", "receipt", pdf("签收单.pdf")));

        List<DecisionChain.Entry> entries = store.read(c -> project.chain().entries(c, null));
        assertEquals(List.of("reject", "review", "recheck", "publish", "disburse"),
                entries.stream().map(DecisionChain.Entry::step).toList());
        assertEquals(DecisionChain.GENESIS, entries.get(0).prevHash());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).hash(), entries.get(i).prevHash());
        }
        assertEquals("非全日制本科", entries.get(0).reason());
        assertTrue(entries.get(4).detail().contains("amountPaid=5000"), entries.get(4).detail());
        DecisionChain.Verification ok = project.verifyChain();
        assertTrue(ok.intact());
        assertEquals(5, ok.entries());
        assertEquals(entries.get(4).hash(), ok.head());

        // A notice printed after the re-check carries that entry's hash: found, and intact up to there.
        Map<?, ?> printed = (Map<?, ?>) project.web().handle(FakeWebRequest.api("GET", "/chain", CITY_HOPE)
                .param("head", entries.get(2).hash())).body();
        assertEquals(List.of("3", true), List.of(printed.get("printedSeq"), printed.get("printedIntact")));
        assertEquals("", ((Map<?, ?>) project.web().handle(FakeWebRequest.api("GET", "/chain", CITY_HOPE)
                .param("head", "0".repeat(63) + "1")).body()).get("printedSeq"));
        assertThrows(ValidationException.class, () -> project.web().handle(FakeWebRequest.api("GET", "/chain",
                CITY_HOPE).param("head", "<script>")));
        // Someone turns the rejection into a re-check in the database: the chain breaks at that entry.
        sql("UPDATE SCH_DECISION SET REASON = '材料齐全' WHERE SEQ = 1");
        DecisionChain.Verification broken = project.verifyChain();
        assertEquals(1L, broken.brokenSeq());
        assertFalse(broken.intact());
        assertEquals(false, ((Map<?, ?>) project.web().handle(FakeWebRequest.api("GET", "/chain", CITY_HOPE)
                .param("head", entries.get(2).hash())).body()).get("printedIntact"));
        ResourceBundle zh = project.messages(Locale.SIMPLIFIED_CHINESE);
        assertEquals("第 1 条决定记录被改动或缺失。",
                VerifyChainCommand.report(broken, zh));
    }

    @Test
    void aRecordEditedBesideTheChainIsNamedToo() {
        plan(A_HOPE, A, "100000");
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        step(A_HOPE, id, "review", form("reviewedOn", "2024-07-15"));
        assertTrue(project.verifyChain().intact());
        sql("UPDATE SCH_APPLICATION SET STATE = 'ON_NOTICE' WHERE ID = " + id);
        DecisionChain.Verification v = project.verifyChain();
        assertNull(v.brokenSeq());
        assertEquals("applications/" + id, v.brokenRecord());
        // Put back, and the chain goes on from there.
        sql("UPDATE SCH_APPLICATION SET STATE = 'COUNTY_REVIEWED' WHERE ID = " + id);
        engine.transition(CITY_HOPE, project, ApplicationRegister.APPLICATIONS, id, "sendBack", form(), "补充材料");
        assertTrue(project.verifyChain().intact());
        // A removed entry breaks the link of the one after it.
        sql("DELETE FROM SCH_DECISION WHERE SEQ = 1");
        assertEquals(2L, project.verifyChain().brokenSeq());
    }

    @Test
    void theChainPageIsTheCitys() {
        assertThrows(AccessDeniedException.class, () -> project.web().handle(FakeWebRequest.api("GET", "/chain",
                A_HOPE)));
        Map<?, ?> body = (Map<?, ?>) project.web().handle(FakeWebRequest.api("GET", "/chain", CITY_HOPE)).body();
        assertEquals(true, body.get("intact"));
        assertEquals(DecisionChain.GENESIS, body.get("head"));
    }

    @Test
    void theNoticeMasksNamesAndShowsNoIdFamilyOrScoreButTheWindowAndTheChainHead() {
        plan(A_HOPE, A, "100000");
        plan(B_HOPE, B, "100000");
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        apply(A_HOPE, A, "王五", idNumber(2));
        toNotice(id);
        WebResult page = project.publicWeb().handle(FakeWebRequest.html("GET", "/notice", null).param("year", "2024"));
        assertEquals("notice", page.target());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.model().get("rows");
        assertEquals(List.of(Map.of("n", 1, "id", String.valueOf(id), "name", "张*伟", "county", A.name(),
                "university", "浙江大学", "amount", "5000.00")), rows);
        assertEquals(List.of(Map.of("county", A.name(), "from", "2024-08-11", "to", "2024-08-17")),
                page.model().get("windows"));
        assertEquals(project.verifyChain().head(), page.model().get("chainHead"));
        String all = page.model().toString();
        for (String secret : List.of("640", "RURAL_POOR", "父母务农", "0315", "13800138000")) {
            assertFalse(all.contains(secret), secret);
        }
        assertThrows(ValidationException.class, () -> project.publicWeb().handle(FakeWebRequest.html("GET",
                "/notice", null).param("year", "20x4")));
    }

    /**
     * Anyone may object on the notice, without an account, while the name's window is open: the objection is kept
     * for the county office as from the public page, and nothing is kept from a blank or late one.
     */
    @Test
    void anObjectionSentOnTheNoticeIsKeptForTheCountyWhileTheWindowIsOpen() {
        plan(A_HOPE, A, "100000");
        long id = apply(A_HOPE, A, "张三伟", idNumber(1));
        toNotice(id);
        clock.set(LocalDate.of(2024, 8, 12));
        WebResult blank = project.publicWeb().handle(FakeWebRequest.html("POST", "/notice/objection", null)
                .param("year", "2024").param("recipient", String.valueOf(id)).param("content", "  "));
        assertEquals(400, blank.status());
        assertEquals(Map.of("content", "notice.objection.content"), blank.model().get("errors"));
        WebResult sent = project.publicWeb().handle(FakeWebRequest.html("POST", "/notice/objection", null)
                .param("year", "2024").param("recipient", String.valueOf(id)).param("content", "其家庭条件较好，不属困难家庭"));
        assertEquals("/pub/scholarship/notice?year=2024&sent=1", sent.target());
        RecordQuery all = RecordQuery.firstPage();
        List<RegisterRecord> objections = engine.list(A_HOPE, project, ApplicationRegister.OBJECTIONS, all).items();
        assertEquals(1, objections.size());
        assertEquals("PUBLIC", objections.get(0).value("channel"));
        assertEquals(ApplicationRegister.OPEN, objections.get(0).state());
        clock.set(LocalDate.of(2024, 8, 18));
        WebResult late = project.publicWeb().handle(FakeWebRequest.html("POST", "/notice/objection", null)
                .param("year", "2024").param("recipient", String.valueOf(id)).param("content", "迟到的异议"));
        assertEquals(Map.of("recipient", "notice.objection.window"), late.model().get("errors"));
        WebResult unknown = project.publicWeb().handle(FakeWebRequest.html("POST", "/notice/objection", null)
                .param("year", "2024").param("recipient", "999").param("content", "x"));
        assertEquals(Map.of("recipient", "notice.objection.recipient"), unknown.model().get("errors"));
        assertEquals(1, engine.list(A_HOPE, project, ApplicationRegister.OBJECTIONS, all).total());
    }

    @Test
    void namesAreMaskedKeepingTheFirstAndLastCharacterOnly() {
        assertEquals("张*伟", Recipients.mask("张三伟"));
        assertEquals("张*", Recipients.mask("张三"));
        assertEquals("欧**明", Recipients.mask("欧阳小明"));
        assertEquals("𠀀*伟", Recipients.mask("𠀀三伟"));
    }

    @Test
    void theDisbursementListIsTheCountysOwnWithFullNames() {
        plan(A_HOPE, A, "100000");
        plan(B_HOPE, B, "100000");
        toNotice(apply(A_HOPE, A, "张三伟", idNumber(1)));
        Map<?, ?> mine = (Map<?, ?>) project.web().handle(FakeWebRequest.api("GET", "/disbursement", A_HOPE)
                .param("year", "2024")).body();
        assertEquals(1, ((List<?>) mine.get("rows")).size());
        assertTrue(mine.toString().contains("张三伟"));
        Map<?, ?> theirs = (Map<?, ?>) project.web().handle(FakeWebRequest.api("GET", "/disbursement", B_HOPE)
                .param("year", "2024")).body();
        assertEquals(List.of(), theirs.get("rows"));
        assertThrows(AccessDeniedException.class, () -> project.web().handle(FakeWebRequest.api("GET",
                "/disbursement", A_VIEWER)));
    }
}
