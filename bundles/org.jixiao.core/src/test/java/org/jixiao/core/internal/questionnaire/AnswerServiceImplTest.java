package org.jixiao.core.internal.questionnaire;

import static org.jixiao.core.internal.testing.CityTest.errors;
import static org.jixiao.core.internal.questionnaire.QFixture.answers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.questionnaire.AccessCode;
import org.jixiao.api.questionnaire.Answer;
import org.jixiao.api.questionnaire.Ballot;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.Section;
import org.jixiao.core.internal.schema.Jdbc;
import org.jixiao.core.internal.schema.TestDb;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AnswerServiceImplTest {

    @AutoClose
    private final QFixture f = new QFixture();
    private final AnswerServiceImpl service = f.answers;

    private long stored() {
        return TestDb.count(f.store, "JX_QNR_RESPONSE") + TestDb.count(f.store, "JX_QNR_ANSWER");
    }

    private boolean used(String code) {
        return ((Number) TestDb.rows(f.store, "SELECT USED FROM JX_QNR_CODE WHERE CODE = ?", code).get(0)
                .get("USED")).intValue() != 0;
    }

    @Test
    void aCodeOpensItsBallotAndAnswersOnce() {
        Campaign k = f.openCampaign();
        String code = f.code(k, f.c1, RespondentCategory.URBAN_YOUTH);
        Ballot b = service.ballot(code.substring(0, 4).toLowerCase() + " - " + code.substring(4));
        assertEquals(code, b.code());
        assertEquals("一县团委", b.orgUnitName());
        assertEquals(RespondentCategory.URBAN_YOUTH, b.category());
        assertEquals(k.name(), b.campaignName());
        assertEquals(QFixture.CLOSES, b.closes());
        assertEquals(k.questionnaireId(), b.questionnaire().id());

        service.submit(code, answers(1, 2, "  希望多办招聘会  "));
        assertTrue(used(code));
        List<Map<String, Object>> responses = TestDb.rows(f.store, "SELECT * FROM JX_QNR_RESPONSE");
        assertEquals(1, responses.size());
        Map<String, Object> r = responses.get(0);
        assertEquals(f.c1.id(), ((Number) r.get("ORG_UNIT_ID")).longValue());
        assertEquals("URBAN_YOUTH", r.get("CATEGORY"));
        assertEquals(java.sql.Date.valueOf(LocalDate.of(2014, 1, 5)), r.get("ANSWERED_ON"));
        assertTrue(r.get("ID").toString().matches("[0-9a-f]{32}"));
        assertEquals(List.of("1.1=1/null", "1.2=2/null", "2.1=null/希望多办招聘会"), TestDb.rows(f.store,
                "SELECT ITEM_KEY, CHOICE_NO, ANSWER_TEXT FROM JX_QNR_ANSWER ORDER BY ITEM_KEY").stream()
                .map(a -> a.get("ITEM_KEY") + "=" + a.get("CHOICE_NO") + "/" + a.get("ANSWER_TEXT")).toList());

        // Used: neither the ballot nor a second submission, and nothing more is stored.
        long before = stored();
        assertEquals("answer.code.used", errors(() -> service.ballot(code)).get("code"));
        assertEquals("answer.code.used", errors(() -> service.submit(code, answers(4, 2, "再来一次"))).get("code"));
        assertEquals("answer.code.used", errors(() -> service.submitPaper(f.cityStaff, code, answers(4, 2, null)))
                .get("code"));
        assertEquals(before, stored());
    }

    @Test
    void twentySubmissionsOfOneCodeAtOnceStoreOneResponse() throws Exception {
        Campaign k = f.openCampaign();
        String code = f.code(k, f.c1, RespondentCategory.STUDENT);
        // All pass every check before any writes: only the update count inside the transaction tells them apart.
        CyclicBarrier allChecked = new CyclicBarrier(CONTENDERS);
        service.beforeWrite = () -> await(allChecked);
        List<String> outcomes = new ArrayList<>(concurrently(CONTENDERS, i -> submit(code, answers(1 + i % 4, 1,
                "第" + i + "份"))));
        outcomes.sort(null);
        List<String> expected = new ArrayList<>(Collections.nCopies(CONTENDERS - 1, "answer.code.used"));
        expected.add("ok");
        assertEquals(expected, outcomes);
        assertEquals(1L, TestDb.count(f.store, "JX_QNR_RESPONSE"));
        assertEquals(3L, TestDb.count(f.store, "JX_QNR_ANSWER"));
        assertEquals(1L, TestDb.count(f.store, "JX_QNR_CODE WHERE USED = 1"));
    }

    /**
     * Issue 18: submissions hold the campaign open in shared mode to the end of their transactions, and no longer
     * exclusively, one after another. A close still waits for the ones under way: two submissions hold the campaign
     * open at once, have not yet used their codes, and wait; the close waits for them, and counts both.
     */
    @Test
    void aCloseWaitsForTheSubmissionsUnderWayAndCountsThem() throws Exception {
        Campaign k = f.openCampaign();
        List<String> codes = unusedCodes(k);
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch goOn = new CountDownLatch(1);
        service.whileOpen = () -> {
            holding.countDown();
            await(goOn);
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> submissions = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String code = codes.get(i);
                submissions.add(pool.submit(() -> submit(code, answers(1, null, null))));
            }
            assertTrue(holding.await(30, TimeUnit.SECONDS));
            // Both hold the campaign open at once: neither waits for the other.
            Future<Campaign> close = pool.submit(() -> f.service.close(f.assessor, k.id()));
            waitUntil(() -> close.isDone() || waitingForLocks() > 0);
            goOn.countDown();
            for (Future<String> s : submissions) {
                assertEquals("ok", s.get(30, TimeUnit.SECONDS));
            }
            close.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, f.service.scores(f.assessor, k.id()).stream().mapToInt(u -> u.responses()).sum());
        assertEquals(2L, TestDb.count(f.store, "JX_QNR_RESPONSE"));
        assertEquals(0L, TestDb.count(f.store, "JX_QNR_HELD_RESPONSE"));
        service.whileOpen = () -> {
        };
        assertEquals("answer.campaign.closed", errors(() -> service.submit(codes.get(2), answers(1, null, null)))
                .get("code"));
        assertEquals(2L, TestDb.count(f.store, "JX_QNR_CODE WHERE USED = 1"));
    }

    /**
     * 20 respondents submit without pause while the campaign is closed: every submission accepted is counted in the
     * closed results, none that began after the close returned is accepted, and responses = accepted = codes used.
     */
    @Test
    void aCloseAmidSubmissionsNeitherMissesNorCutsAnAnswer() throws Exception {
        service.batch = AnswerServiceImpl.BATCH;
        Questionnaire q = f.youth();
        Campaign k = f.service.create(f.cityAdmin, QFixture.YEAR, f.campaignDraft(q.id(), 1,
                List.of(f.c1.id(), f.c2.id()), Map.of(RespondentCategory.STUDENT, 500)));
        f.service.issueCodes(f.cityAdmin, k.id());
        f.service.open(f.assessor, k.id());
        Queue<String> codes = new ConcurrentLinkedQueue<>(unusedCodes(k));
        String spare = codes.poll();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger lateAccepted = new AtomicInteger();
        AtomicInteger tries = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        ExecutorService closer = Executors.newSingleThreadExecutor();
        try {
            Future<?> close = closer.submit(() -> {
                waitUntil(() -> tries.get() >= 60);
                f.service.close(f.assessor, k.id());
                closed.set(true);
            });
            List<String> outcomes = concurrently(CONTENDERS, i -> {
                String last = "none";
                for (String code; !closed.get() && (code = codes.poll()) != null;) {
                    boolean afterClose = closed.get();
                    tries.incrementAndGet();
                    last = submit(code, answers(2, 1, null));
                    if (last.equals("ok")) {
                        accepted.add(code);
                        if (afterClose) {
                            lateAccepted.incrementAndGet();
                        }
                    } else if (!last.equals("answer.campaign.closed")) {
                        return last;
                    }
                }
                return "done";
            });
            close.get(60, TimeUnit.SECONDS);
            assertEquals(Collections.nCopies(CONTENDERS, "done"), outcomes);
        } finally {
            closer.shutdownNow();
        }
        assertEquals(0, lateAccepted.get());
        assertFalse(accepted.isEmpty());
        assertEquals(accepted.size(), f.service.scores(f.assessor, k.id()).stream().mapToInt(u -> u.responses()).sum());
        assertEquals((long) accepted.size(), TestDb.count(f.store, "JX_QNR_RESPONSE"));
        // Each with both its answers: moved in batches while others were being held, none lost its answers.
        assertEquals(2L * accepted.size(), TestDb.count(f.store, "JX_QNR_ANSWER"));
        assertEquals(0L, TestDb.count(f.store, "JX_QNR_HELD_RESPONSE") + TestDb.count(f.store, "JX_QNR_HELD_ANSWER"));
        assertEquals(accepted, Set.copyOf(TestDb.rows(f.store, "SELECT CODE FROM JX_QNR_CODE WHERE CAMPAIGN_ID = ?"
                + " AND USED = 1", k.id()).stream().map(r -> r.get("CODE").toString()).toList()));
        // Closed while codes were left: mid-stream.
        assertFalse(codes.isEmpty());
        assertEquals("answer.campaign.closed", submit(spare, answers(2, 1, null)));
    }

    /**
     * Issue 18: the ballot and the submission each read the code, the campaign and the frozen questionnaire apart.
     * Now each reads the code with its campaign in one statement, the questionnaire is read once and kept (a frozen
     * version never changes), and the submission's transaction holds the campaign open, uses the code and holds the
     * response with its answers (one statement of many rows), nothing more: the held responses are moved by a
     * transaction of their own.
     */
    @Test
    void aBallotIsOneStatementAndASubmissionOneMoreAndOneTransaction() {
        SqlLog log = new SqlLog(f.store);
        AnswerServiceImpl logged = new AnswerServiceImpl(log.store, f.orgUnits, new Codes(), f.clock);
        logged.batch = AnswerServiceImpl.BATCH;
        Campaign k = f.openCampaign();
        List<String> codes = unusedCodes(k);
        assertEquals(List.of(List.of("SELECT JX_QNR_CAMPAIGN"), List.of("SELECT JX_QNR_SECTION",
                "SELECT JX_QNR_CHOICE", "SELECT JX_QNR_ITEM", "SELECT JX_QNR")),
                shapes(log.during(() -> logged.ballot(codes.get(0)))));
        for (String code : codes.subList(1, 3)) {
            List<SqlLog.Call> ballot = log.during(() -> logged.ballot(code));
            assertEquals(List.of(List.of("SELECT JX_QNR_CAMPAIGN")), shapes(ballot));
            assertFalse(ballot.get(0).transaction());
            List<SqlLog.Call> submission = log.during(() -> logged.submit(code, answers(1, 2, "意见")));
            assertEquals(List.of(List.of("SELECT JX_QNR_CAMPAIGN"), List.of("SELECT JX_QNR_CAMPAIGN",
                    "UPDATE JX_QNR_CODE", "INSERT JX_QNR_HELD_RESPONSE", "INSERT JX_QNR_HELD_ANSWER")),
                    shapes(submission));
            assertTrue(submission.get(1).transaction());
            assertTrue(submission.get(1).executions().get(0).endsWith(" WITH RS"));
        }
        // One submission in a batch then moves the held ones, in a transaction of its own: it copies them while
        // submissions go on, and takes the campaign exclusively only to delete them.
        logged.batch = 1;
        List<SqlLog.Call> moving = log.during(() -> logged.submit(codes.get(3), answers(1, 2, "意见")));
        assertEquals(3, moving.size());
        List<String> move = shapes(moving).get(2);
        assertEquals("SELECT JX_QNR_HELD_RESPONSE", move.get(0));
        int exclusive = move.indexOf("UPDATE JX_QNR_CAMPAIGN");
        assertEquals(Set.of("INSERT JX_QNR_RESPONSE", "INSERT JX_QNR_ANSWER"), Set.copyOf(move.subList(1, exclusive)));
        // The three held responses deleted in two statements: the submissions wait meanwhile.
        assertEquals(List.of("DELETE JX_QNR_HELD_ANSWER", "DELETE JX_QNR_HELD_RESPONSE"),
                move.subList(exclusive + 1, move.size()));
        assertEquals(3L, TestDb.count(f.store, "JX_QNR_RESPONSE"));
        // Saving the frozen version makes the next one; the campaign's ballots show the version it froze.
        Questionnaire q = f.service.questionnaire(f.cityAdmin, k.questionnaireId());
        Questionnaire next = f.service.save(f.cityAdmin, q.id(), new QuestionnaireDraft(q.type(), "改过的标题", null,
                null, null, q.sections()));
        assertNotEquals(q.id(), next.id());
        assertEquals(q, logged.ballot(codes.get(4)).questionnaire());
        assertEquals(q, new AnswerServiceImpl(f.store, f.orgUnits, new Codes(), f.clock).ballot(codes.get(4))
                .questionnaire());
    }

    /** Answers go in statements of up to {@link QuestionnaireRepository#ANSWER_ROWS} rows: more take two. */
    @Test
    void aLongQuestionnairesAnswersAreAllStoredAndMoved() {
        int items = QuestionnaireRepository.ANSWER_ROWS + 3;
        List<Item> ratings = new ArrayList<>();
        List<Answer> given = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            ratings.add(new Item(null, ItemKind.RATING, "第" + i + "题", null, BigDecimal.ONE, QFixture.satisfaction(),
                    true));
            given.add(new Answer("1." + i, 1 + i % 4, null));
        }
        Questionnaire q = f.service.save(f.cityAdmin, null, new QuestionnaireDraft(EvaluationType.YOUTH, "长问卷", null,
                null, null, List.of(new Section("全部", null, ratings))));
        Campaign k = f.service.create(f.cityAdmin, QFixture.YEAR, f.campaignDraft(q.id(), 1, List.of(f.c1.id()),
                Map.of(RespondentCategory.STUDENT, 1)));
        f.service.issueCodes(f.cityAdmin, k.id());
        f.service.open(f.assessor, k.id());
        service.submit(unusedCodes(k).get(0), given);
        assertEquals(given.stream().map(a -> a.itemKey() + "=" + a.choice()).sorted().toList(), TestDb.rows(f.store,
                "SELECT ITEM_KEY, CHOICE_NO FROM JX_QNR_ANSWER").stream().map(r -> r.get("ITEM_KEY") + "="
                        + r.get("CHOICE_NO")).sorted().toList());
        assertEquals(0L, TestDb.count(f.store, "JX_QNR_HELD_ANSWER"));
    }

    /** Each call's statements as the verb and the first table named. */
    private static List<List<String>> shapes(List<SqlLog.Call> calls) {
        Pattern first = Pattern.compile("^(\\w+)\\b.*?\\b(JX_\\w+)", Pattern.DOTALL);
        return calls.stream().map(call -> call.executions().stream().map(sql -> {
            Matcher m = first.matcher(sql);
            return m.find() ? m.group(1) + " " + m.group(2) : sql;
        }).toList()).toList();
    }

    private static final int CONTENDERS = 20;

    private List<String> unusedCodes(Campaign k) {
        return TestDb.rows(f.store, "SELECT CODE FROM JX_QNR_CODE WHERE CAMPAIGN_ID = ? AND USED = 0 ORDER BY CODE",
                k.id()).stream().map(r -> r.get("CODE").toString()).toList();
    }

    /** "ok", or the reason the code was refused for. */
    private String submit(String code, List<Answer> answers) {
        try {
            service.submit(code, answers);
            return "ok";
        } catch (ValidationException e) {
            return e.fieldErrors().get("code");
        }
    }

    /** What {@code n} threads returned, each running {@code work} with its number at the same time. */
    private static List<String> concurrently(int n, IntFunction<String> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int which = i;
                results.add(pool.submit(() -> work.apply(which)));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> r : results) {
                out.add(r.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code condition} holds; a condition that never does fails the test after a minute. */
    private static void waitUntil(BooleanSupplier condition) {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("waited a minute in vain");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Lock requests of this database waiting for a lock another transaction holds. */
    private long waitingForLocks() {
        return f.store.read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'",
                rs -> rs.getLong(1)));
    }

    @Test
    void unknownCodesAndCampaignsNotOpenAreExplained() {
        assertEquals("answer.code.unknown", errors(() -> service.ballot("ACDEFGHJKMNP")).get("code"));
        assertEquals("answer.code.unknown", errors(() -> service.ballot("short")).get("code"));
        assertEquals("answer.code.unknown", errors(() -> service.submit("0000-OOOO-IIII", List.of())).get("code"));
        assertEquals("answer.code.unknown", errors(() -> service.submit(null, List.of())).get("code"));

        Campaign k = f.draftCampaign();
        List<AccessCode> codes = f.service.issueCodes(f.cityAdmin, k.id());
        String code = codes.get(0).code();
        // A draft's codes may be printed, not used.
        assertEquals("answer.campaign.notOpen", errors(() -> service.ballot(code)).get("code"));
        f.service.open(f.cityAdmin, k.id());
        // Open, but before its first day (the clock stands on 5 January; move it back to 31 December).
        f.clock.advance(Duration.ofDays(-5));
        assertEquals("answer.campaign.notOpen", errors(() -> service.submit(code, answers(1, null, null)))
                .get("code"));
        // After its last day.
        f.clock.advance(Duration.ofDays(21));
        assertEquals("answer.campaign.closed", errors(() -> service.submit(code, answers(1, null, null)))
                .get("code"));
        f.clock.advance(Duration.ofDays(-1));
        service.submit(codes.get(1).code(), answers(1, null, null));
        // Closed by the team.
        f.service.close(f.assessor, k.id());
        assertEquals("answer.campaign.closed", errors(() -> service.ballot(code)).get("code"));
        assertEquals("answer.campaign.closed", errors(() -> service.submitPaper(f.cityStaff, code,
                answers(1, null, null))).get("code"));
        assertFalse(used(code));
        assertEquals(1L, TestDb.count(f.store, "JX_QNR_RESPONSE"));
    }

    @Test
    void answersAreCheckedAgainstTheQuestionnaireAndABadOneUsesNoCode() {
        Campaign k = f.openCampaign();
        String code = f.code(k, f.c1, RespondentCategory.STUDENT);
        Map<String, String> e = errors(() -> service.submit(code, List.of(new Answer("1.2", 3, null),
                new Answer("2.1", null, "长".repeat(QuestionnaireService.TEXT_MAX + 1)), new Answer("9.9", 1, null))));
        assertEquals("answer.required", e.get("item.1.1"));
        assertEquals("answer.choice.invalid", e.get("item.1.2"));
        assertEquals("answer.text.tooLong", e.get("item.2.1"));
        assertEquals("answer.item.unknown", e.get("item.9.9"));
        assertEquals("answer.choice.invalid", errors(() -> service.submit(code, answers(0, null, null)))
                .get("item.1.1"));
        assertEquals("answer.item.duplicate", errors(() -> service.submit(code, List.of(new Answer("1.1", 1, null),
                new Answer("1.1", 2, null)))).get("item.1.1"));
        assertFalse(used(code));
        assertEquals(0, stored());

        // Optional items may stay empty; blank text is no answer.
        service.submit(code, List.of(new Answer("1.1", 2, null), new Answer("2.1", null, "   ")));
        assertEquals(1L, TestDb.count(f.store, "JX_QNR_ANSWER"));
    }

    @Test
    void theCitysStaffEnterPaperQuestionnairesAndAUnitsOwnStaffNever() {
        Campaign k = f.openCampaign();
        service.submitPaper(f.cityStaff, f.code(k, f.c2, RespondentCategory.STUDENT), answers(1, null, null));
        service.submitPaper(f.cityStaff, f.code(k, f.c1, RespondentCategory.STUDENT), answers(2, null, null));
        service.submitPaper(f.cityStaff, f.code(k, f.c1, RespondentCategory.STUDENT), answers(3, null, null));
        String c1code = f.code(k, f.c1, RespondentCategory.STUDENT);
        String c2code = f.code(k, f.c2, RespondentCategory.STUDENT);
        // A county's staff and admins may not fill in the forms that rate their own county, nor another's.
        assertThrows(AccessDeniedException.class, () -> service.submitPaper(f.c1Staff, c1code,
                answers(1, null, null)));
        assertThrows(AccessDeniedException.class, () -> service.submitPaper(f.c1Admin, c1code,
                answers(1, null, null)));
        assertThrows(AccessDeniedException.class, () -> service.submitPaper(f.c1Staff, c2code,
                answers(1, null, null)));
        assertThrows(AccessDeniedException.class, () -> service.submitPaper(f.c1Viewer, c1code,
                answers(1, null, null)));
        assertThrows(AccessDeniedException.class, () -> service.submitPaper(f.cityViewer, c2code,
                answers(1, null, null)));
        assertThrows(AccessDeniedException.class, () -> service.submitPaper(null, c2code, answers(1, null, null)));
        // Nor may they look a code up on the paper page (issue 12, item 8): which unit and category it is for.
        assertThrows(AccessDeniedException.class, () -> service.paperBallot(f.c1Staff, c2code));
        assertThrows(AccessDeniedException.class, () -> service.paperBallot(f.c1Admin, c1code));
        assertThrows(AccessDeniedException.class, () -> service.paperBallot(f.cityViewer, c2code));
        assertEquals(f.c2.name(), service.paperBallot(f.cityStaff, c2code).orgUnitName());
        assertFalse(used(c1code));
        assertFalse(used(c2code));
        assertEquals(3L, TestDb.count(f.store, "JX_QNR_RESPONSE"));
    }

    // ---------------------------------------------------------------- anonymity

    @Test
    void responsesCarryNoCodeAndNoTimeFinerThanADay() {
        Campaign k = f.openCampaign();
        List<String> codes = new ArrayList<>();
        for (RespondentCategory c : List.of(RespondentCategory.STUDENT, RespondentCategory.URBAN_YOUTH)) {
            String code = f.code(k, f.c1, c);
            codes.add(code);
            // A respondent pasting their own code into the text is their choice; staff typing one is not tested.
            service.submit(code, answers(1, 1, "意见"));
        }
        String paper = f.code(k, f.c2, RespondentCategory.STUDENT);
        codes.add(paper);
        service.submitPaper(f.cityStaff, paper, answers(2, 2, "纸质问卷"));

        Map<String, Map<String, Integer>> columns = f.store.read(c -> {
            DatabaseMetaData meta = c.getMetaData();
            Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
            for (String table : List.of("JX_QNR_RESPONSE", "JX_QNR_ANSWER", "JX_QNR_CODE")) {
                Map<String, Integer> cols = new LinkedHashMap<>();
                try (ResultSet rs = meta.getColumns(null, null, table, null)) {
                    while (rs.next()) {
                        cols.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
                    }
                }
                out.put(table, cols);
            }
            return out;
        });
        assertEquals(List.of("ID", "CAMPAIGN_ID", "ORG_UNIT_ID", "CATEGORY", "ANSWERED_ON"),
                List.copyOf(columns.get("JX_QNR_RESPONSE").keySet()));
        assertEquals(List.of("RESPONSE_ID", "ITEM_KEY", "CHOICE_NO", "ANSWER_TEXT"),
                List.copyOf(columns.get("JX_QNR_ANSWER").keySet()));
        for (String table : List.of("JX_QNR_RESPONSE", "JX_QNR_ANSWER")) {
            columns.get(table).forEach((name, type) -> {
                assertFalse(name.contains("CODE"), table + "." + name);
                assertFalse(type == Types.TIMESTAMP || type == Types.TIME || type == Types.TIMESTAMP_WITH_TIMEZONE
                        || type == Types.TIME_WITH_TIMEZONE, table + "." + name + " is finer than a day");
            });
        }
        assertEquals(Types.DATE, columns.get("JX_QNR_RESPONSE").get("ANSWERED_ON"));
        // A code row says whether it was used, never when.
        columns.get("JX_QNR_CODE").forEach((name, type) -> assertFalse(type == Types.TIMESTAMP
                || type == Types.DATE || type == Types.TIME, "JX_QNR_CODE." + name));

        for (String table : List.of("JX_QNR_RESPONSE", "JX_QNR_ANSWER", "JX_AUDIT")) {
            for (Map<String, Object> row : TestDb.rows(f.store, "SELECT * FROM " + table)) {
                for (String code : codes) {
                    assertFalse(row.toString().contains(code), table + " holds a code: " + row);
                }
            }
        }
        assertEquals(3L, TestDb.count(f.store, "JX_QNR_RESPONSE"));
        assertNull(TestDb.audit(f.store, "answer.submit").stream().findAny().orElse(null));
    }
    /**
     * Issue 12, item 2: rows came back in the order they were written, so the order of the responses matched the
     * order in which codes were used. Responses are held and join the others ten at a time, shuffled; the rest at
     * the close. Counts include the held ones all along.
     */
    @Test
    void responsesJoinTheOthersInShuffledBatchesAndTheRestAtTheClose() {
        service.batch = AnswerServiceImpl.BATCH;
        Campaign k = f.openCampaign();
        List<String> codes = TestDb.rows(f.store, "SELECT CODE FROM JX_QNR_CODE WHERE CAMPAIGN_ID = ? ORDER BY CODE",
                k.id()).stream().map(r -> r.get("CODE").toString()).toList();
        assertEquals(AnswerServiceImpl.BATCH, codes.size());
        for (int i = 0; i < codes.size() - 1; i++) {
            service.submit(codes.get(i), answers(1, null, "第" + i + "份"));
        }
        assertEquals(0L, TestDb.count(f.store, "JX_QNR_RESPONSE"));
        assertEquals(9L, TestDb.count(f.store, "JX_QNR_HELD_RESPONSE"));
        assertEquals(9, f.service.scores(f.assessor, k.id()).stream().mapToInt(u -> u.responses()).sum());
        assertEquals(9, f.service.responseCounts(f.assessor, k.id()).values().stream().mapToInt(n -> n).sum(),
                "held responses count as they are answered");
        service.submit(codes.get(codes.size() - 1), answers(1, null, "第9份"));
        assertEquals(0L, TestDb.count(f.store, "JX_QNR_HELD_RESPONSE") + TestDb.count(f.store, "JX_QNR_HELD_ANSWER"));
        List<String> stored = TestDb.rows(f.store, "SELECT ANSWER_TEXT FROM JX_QNR_ANSWER WHERE ANSWER_TEXT IS NOT"
                + " NULL").stream().map(r -> r.get("ANSWER_TEXT").toString()).toList();
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            submitted.add("第" + i + "份");
        }
        assertEquals(Set.copyOf(submitted), Set.copyOf(stored));
        // One order in 10! (3,628,800) is the one they came in.
        assertNotEquals(submitted, stored);

        Campaign next = f.openCampaign();
        List<String> more = TestDb.rows(f.store, "SELECT CODE FROM JX_QNR_CODE WHERE CAMPAIGN_ID = ?", next.id())
                .stream().map(r -> r.get("CODE").toString()).toList();
        service.submit(more.get(0), answers(2, null, null));
        service.submit(more.get(1), answers(3, null, null));
        assertEquals(10L, TestDb.count(f.store, "JX_QNR_RESPONSE"));
        f.service.close(f.assessor, next.id());
        assertEquals(12L, TestDb.count(f.store, "JX_QNR_RESPONSE"));
        assertEquals(0L, TestDb.count(f.store, "JX_QNR_HELD_RESPONSE"));
        assertEquals(2, f.service.scores(f.assessor, next.id()).stream().mapToInt(u -> u.responses()).sum());
    }
}
