package org.jixiao.register.internal;

import static org.jixiao.register.internal.EngineFixture.COUNTY_A;
import static org.jixiao.register.internal.EngineFixture.COUNTY_B;
import static org.jixiao.register.internal.EngineFixture.CITY;
import static org.jixiao.register.internal.EngineFixture.actor;
import static org.jixiao.register.internal.EngineFixture.granted;
import static org.jixiao.register.internal.EngineFixture.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordId;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.testing.FakeWebRequest;
import org.junit.jupiter.api.Test;

/** The engine on real Derby through a small test project: one database for the class, rows cleared per test. */
class RegisterEngineTest extends EngineTestBase {

    static final Actor A_STAFF = actor(11, COUNTY_A, Role.STAFF);
    static final Actor B_STAFF = actor(12, COUNTY_B, Role.STAFF);
    static final Actor A_VIEWER = actor(13, COUNTY_A, Role.VIEWER);
    static final Actor CITY_ADMIN = actor(10, CITY, Role.ADMIN);
    static final String ID_1 = "110105198903181236";
    static final String ID_2 = "110105199003071247";


    static Map<String, Object> person(String name, String id, Object... changes) {
        Map<String, Object> m = map("name", name, "idNumber", id, "kind", "JOB_SEEKING", "joinedOn", "2024-03-01",
                "needs", List.of("TRAINING", "MENTOR"), "phone", "13800138000", "student", "否");
        for (int i = 0; i < changes.length; i += 2) {
            m.put((String) changes[i], changes[i + 1]);
        }
        return m;
    }

    long createPerson(Actor who, String name, String id, Object... changes) {
        return fx.engine.create(who, fx.project, "people", person(name, id, changes));
    }

    @Test
    void aRecordIsStoredTypedWithAGlobalIdTheMaskAndItsAuditAndHistory() {
        long id = createPerson(A_STAFF, "李雷", ID_1);
        assertEquals(0, RecordId.node(id));
        RegisterRecord r = fx.engine.get(A_STAFF, fx.project, "people", id);
        assertEquals(COUNTY_A.id(), r.unitId());
        assertEquals("NEW", r.state());
        assertEquals("**************1236", r.value("idNumber"));
        assertEquals(List.of("TRAINING", "MENTOR"), r.value("needs"));
        assertEquals(LocalDate.of(2024, 3, 1), r.value("joinedOn"));
        assertEquals(Boolean.FALSE, r.value("student"));
        assertTrue(fx.audit.contains("person.create person:" + id + " unit=2"));
        // A sensitive register audits single reads too.
        assertTrue(fx.audit.contains("person.read person:" + id));
        assertEquals("CREATE", fx.engine.history(A_STAFF, fx.project, "people", id).get(0).action());
        // The stored number is neither the clear text nor the mask alone.
        assertEquals(Integer.valueOf(0), fx.store.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM T_PERSON WHERE ID_NUMBER_CIPHER LIKE '%1989%'");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }

    @Test
    void badInputReportsEveryFieldAtOnceAndWritesNothing() {
        ValidationException e = assertThrows(ValidationException.class, () -> fx.engine.create(A_STAFF, fx.project,
                "people", person("", "110105198903181235", "kind", "ALIEN", "joinedOn", "2099-01-01",
                        "phone", "12345", "student", "maybe", "needs", List.of("TRAINING", "FLYING"))));
        assertEquals(Map.of("name", Values.REQUIRED, "idNumber", "id.checksum", "kind", Values.CHOICE,
                "joinedOn", Values.FUTURE, "phone", Values.PHONE, "student", Values.BOOLEAN, "needs", Values.CHOICE),
                e.fieldErrors());
        assertEquals(0, fx.rows("T_PERSON"));
        assertEquals(0, fx.rows("REG_HISTORY"));
        assertTrue(fx.audit.isEmpty());
    }

    /** Issue 12, item 13: names took bidirectional overrides and zero-width characters. */
    @Test
    void textThatHidesOrReversesItselfIsRefused() {
        for (String name : new String[] {"李\u202Egpj.exe", "李\u200B雷", "李\u0007雷", "\uFEFF李雷"}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> createPerson(A_STAFF, name, ID_1), name);
            assertEquals(Values.CHARACTERS, e.fieldErrors().get("name"));
        }
        assertEquals(0, fx.rows("T_PERSON"));
    }

    @Test
    void aCountyNeverReachesAnotherCountysRecordsAndAViewerNeverWrites() {
        long a = createPerson(A_STAFF, "李雷", ID_1);
        createPerson(B_STAFF, "韩梅梅", ID_2);
        assertThrows(NotFoundException.class, () -> fx.engine.get(B_STAFF, fx.project, "people", a));
        assertThrows(NotFoundException.class, () -> fx.engine.update(B_STAFF, fx.project, "people", a,
                person("x", ID_1), -1));
        assertThrows(NotFoundException.class, () -> fx.engine.delete(B_STAFF, fx.project, "people", a, "why"));
        assertEquals(1, fx.engine.list(B_STAFF, fx.project, "people", RecordQuery.firstPage()).total());
        assertEquals(2, fx.engine.list(CITY_ADMIN, fx.project, "people", RecordQuery.firstPage()).total());
        assertThrows(AccessDeniedException.class, () -> createPerson(A_VIEWER, "王", ID_2));
        assertThrows(AccessDeniedException.class, () -> fx.engine.reveal(A_VIEWER, fx.project, "people", a,
                "idNumber"));
        // A county user cannot file a record in another county either.
        ValidationException e = assertThrows(ValidationException.class,
                () -> createPerson(A_STAFF, "王", ID_2, "unit", String.valueOf(COUNTY_B.id())));
        assertEquals(RegisterEngine.UNIT, e.fieldErrors().get("unit"));
    }

    @Test
    void revealingTheNumberIsAuditedAndListsOfASensitiveRegisterAreAuditedWithTheRecordsShown() {
        long id = createPerson(A_STAFF, "李雷", ID_1);
        fx.audit.clear();
        assertEquals(ID_1, fx.engine.reveal(A_STAFF, fx.project, "people", id, "idNumber"));
        assertTrue(fx.audit.contains("decrypt person:" + id + "/idNumber by u11"));
        fx.engine.list(A_STAFF, fx.project, "people", RecordQuery.firstPage());
        assertTrue(fx.audit.contains("person.list people ids=" + id));
    }

    /**
     * A new node has no counties yet: the list of a city user with no evaluated unit in reach answered 500 (Derby
     * refused {@code IN (NULL)}). It is empty.
     */
    @Test
    void aReaderWithNoUnitInReachGetsAnEmptyList() {
        createPerson(A_STAFF, "李雷", ID_1);
        Actor department = actor(15, EngineFixture.DEPARTMENT, Role.VIEWER);
        assertEquals(0, fx.engine.list(department, fx.project, "people", RecordQuery.firstPage()).total());
    }

    /** Issue 12, item 1: a hook keeps the birth year from the number, and no one can type over it. */
    @Test
    void hooksDeriveReadOnlyFieldsFromTheNumberInClearAndAnEditThatKeepsTheNumberKeepsThem() {
        long id = createPerson(A_STAFF, "李雷", ID_1, "bornIn", "2001");
        assertEquals(1989L, ((Number) fx.engine.get(A_STAFF, fx.project, "people", id).value("bornIn")).longValue());
        Map<String, Object> edit = person("李雷", null, "bornIn", "2001");
        edit.remove("idNumber");
        edit.put("idNumberUnchanged", "1");
        fx.engine.update(A_STAFF, fx.project, "people", id, edit, 0);
        assertEquals(1989L, ((Number) fx.engine.get(A_STAFF, fx.project, "people", id).value("bornIn")).longValue());
        fx.engine.update(A_STAFF, fx.project, "people", id, person("李雷", ID_2), 1);
        assertEquals(1990L, ((Number) fx.engine.get(A_STAFF, fx.project, "people", id).value("bornIn")).longValue());
    }

    @Test
    void aDuplicateIdNumberInTheUnitIsRefusedButAnEditKeepsTheStoredNumber() {
        long id = createPerson(A_STAFF, "李雷", ID_1);
        ValidationException e = assertThrows(ValidationException.class, () -> createPerson(A_STAFF, "李雷", ID_1));
        assertEquals(RegisterEngine.DUPLICATE, e.fieldErrors().get("idNumber"));
        Map<String, Object> edit = person("李雷雷", null);
        edit.remove("idNumber");
        edit.put("idNumberUnchanged", "1");
        fx.engine.update(A_STAFF, fx.project, "people", id, edit, 0);
        assertEquals(ID_1, fx.engine.reveal(A_STAFF, fx.project, "people", id, "idNumber"));
        // The version moved on: an editor who saw version 0 is told someone else saved first.
        ValidationException stale = assertThrows(ValidationException.class,
                () -> fx.engine.update(A_STAFF, fx.project, "people", id, person("x", ID_1), 0));
        assertEquals(RegisterEngine.STALE, stale.fieldErrors().get("version"));
    }

    /** Issue 11, item 11: "此人已在青年数据库中登记" told one county about a person in another county's records. */
    @Test
    void aPersonHeldByAnotherCountyIsRefusedWithoutSayingSoAndTheCityGetsTheConflict() {
        long a = createPerson(A_STAFF, "李雷", ID_1);
        ValidationException e = assertThrows(ValidationException.class, () -> createPerson(B_STAFF, "李雷", ID_1));
        assertEquals(RegisterEngine.DUPLICATE_ELSEWHERE, e.fieldErrors().get("idNumber"));
        assertEquals(1, fx.rows("T_PERSON"), "nothing written for the second county");
        // The same county trying again is told plainly: the record is its own.
        assertEquals(RegisterEngine.DUPLICATE, assertThrows(ValidationException.class,
                () -> createPerson(A_STAFF, "李雷", ID_1)).fieldErrors().get("idNumber"));
        assertThrows(ValidationException.class, () -> createPerson(B_STAFF, "李雷", ID_1));
        assertEquals(1, fx.rows("REG_CONFLICT"), "one conflict however often the county tries");

        assertEquals(List.of(), fx.engine.conflicts(B_STAFF, fx.project), "only the city sees conflicts");
        List<Lookups.Conflict> open = fx.engine.conflicts(CITY_ADMIN, fx.project);
        assertEquals(1, open.size());
        assertEquals(a, open.get(0).recordId());
        assertEquals("李雷", open.get(0).recordTitle());
        assertEquals(COUNTY_A.name(), open.get(0).holdingUnit());
        assertEquals(COUNTY_B.name(), open.get(0).requestingUnit());
        assertThrows(AccessDeniedException.class,
                () -> fx.engine.resolveConflict(B_STAFF, fx.project, open.get(0).id(), "x"));
        assertEquals(RegisterEngine.REASON, assertThrows(ValidationException.class,
                () -> fx.engine.resolveConflict(CITY_ADMIN, fx.project, open.get(0).id(), " ")).fieldErrors()
                .get("resolution"));
        fx.engine.resolveConflict(CITY_ADMIN, fx.project, open.get(0).id(), "乙县录入错误，已告知");
        assertEquals(List.of(), fx.engine.conflicts(CITY_ADMIN, fx.project));
        assertTrue(fx.audit.stream().anyMatch(l -> l.startsWith("conflict.resolve")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCitysConflictPageListsAndResolvesAndNoCountyFindsIt() {
        createPerson(A_STAFF, "李雷", ID_1);
        assertThrows(ValidationException.class, () -> createPerson(B_STAFF, "李雷", ID_1));
        org.jixiao.api.web.WebHandler web = fx.engine.web(fx.project, null);
        assertThrows(NotFoundException.class, () -> web.handle(FakeWebRequest.html("GET", "/conflicts", B_STAFF)));
        org.jixiao.api.web.WebResult page = web.handle(FakeWebRequest.html("GET", "/conflicts", CITY_ADMIN));
        assertEquals("register/conflicts", page.target());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.model().get("conflicts");
        assertEquals(1, rows.size());
        assertEquals(COUNTY_B.name(), rows.get(0).get("requestingUnit"));
        assertTrue(((List<Map<String, Object>>) page.model().get("nav")).stream()
                .anyMatch(i -> "/conflicts".equals(i.get("href"))), "the city's menu names the conflicts");
        String resolve = "/conflicts/" + rows.get(0).get("id") + "/resolve";
        assertEquals(400, web.handle(FakeWebRequest.html("POST", resolve, CITY_ADMIN)).status());
        org.jixiao.api.web.WebResult done = web.handle(FakeWebRequest.html("POST", resolve, CITY_ADMIN)
                .param("resolution", "已核实"));
        assertEquals("/conflicts?saved=1", done.target());
        assertEquals(List.of(), web.handle(FakeWebRequest.api("GET", "/conflicts", CITY_ADMIN)).body());
    }

    @Test
    void aConflictNamesASensitivePersonToTheCityAsAnAuditedReadAndANeedToKnowOneNotAtAll() {
        long p = createPerson(A_STAFF, "李雷", ID_1);
        assertThrows(ValidationException.class, () -> createPerson(B_STAFF, "李雷", ID_1));
        long c = fx.engine.create(OFFICE, fx.project, "cases", caseOf(VOLUNTEER));
        assertEquals(Map.of("title", RegisterEngine.DUPLICATE_ELSEWHERE), assertThrows(ValidationException.class,
                () -> fx.engine.create(granted(24, COUNTY_B, "PREVENTION_OFFICE"), fx.project, "cases",
                        map("title", "个案"))).fieldErrors());
        fx.audit.clear();
        Map<String, String> titles = new java.util.HashMap<>();
        fx.engine.conflicts(CITY_ADMIN, fx.project).forEach(x -> titles.put(x.register(), x.recordTitle()));
        assertEquals(Map.of("people", "李雷", "cases", ""), titles);
        assertEquals(List.of("person.list people ids=" + p), fx.audit);
        assertTrue(c > 0);
    }

    @Test
    void aRecordOthersNameIsNeitherDeletedNorMovedAndDeletionNeedsAReason() {
        long p = createPerson(A_STAFF, "李雷", ID_1);
        fx.engine.create(A_STAFF, fx.project, "loans", map("borrower", p, "amount", "3万", "grantedOn", "2024-05-01"));
        assertEquals(RegisterEngine.REASON, assertThrows(ValidationException.class,
                () -> fx.engine.delete(A_STAFF, fx.project, "people", p, " ")).fieldErrors().get("reason"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> fx.engine.delete(CITY_ADMIN, fx.project, "people", p, "重复登记"));
        assertEquals(Map.of("loans", "loan.linked"), e.fieldErrors());
        Map<String, Object> moved = person("李雷", null, "unit", String.valueOf(COUNTY_B.id()));
        moved.remove("idNumber");
        moved.put("idNumberUnchanged", "1");
        assertThrows(ValidationException.class, () -> fx.engine.update(CITY_ADMIN, fx.project, "people", p, moved,
                -1));
        assertEquals(COUNTY_A.id(), fx.engine.get(CITY_ADMIN, fx.project, "people", p).unitId());
    }

    @Test
    void aReferenceMustBeALiveRecordOfTheSameUnitAndHooksAddTheirRules() {
        long b = createPerson(B_STAFF, "韩梅梅", ID_2);
        ValidationException e = assertThrows(ValidationException.class, () -> fx.engine.create(A_STAFF, fx.project,
                "loans", map("borrower", b, "amount", "60", "grantedOn", "2024-05-01")));
        // Another county's person is "unknown" to a county user, so nothing about them leaks.
        assertEquals(Map.of("borrower", Values.REFERENCE, "amount", "loan.amount.tooMuch"), e.fieldErrors());
        ValidationException city = assertThrows(ValidationException.class, () -> fx.engine.create(CITY_ADMIN,
                fx.project, "loans", map("borrower", b, "amount", "1", "grantedOn", "2024-05-01", "unit", "2")));
        assertEquals("register.error.otherUnit", city.fieldErrors().get("borrower"));
        assertEquals(0, fx.rows("T_LOAN"));
    }

    @Test
    void runningTotalsFollowEveryWriteAndAnswerAsOfAnyDay() {
        long p1 = createPerson(A_STAFF, "李雷", ID_1, "joinedOn", "2024-03-01", "student", "是");
        long p2 = createPerson(A_STAFF, "韩梅梅", ID_2, "joinedOn", "2024-05-20", "kind", "ENTREPRENEUR");
        fx.engine.create(A_STAFF, fx.project, "loans", map("borrower", p1, "amount", "3万", "grantedOn", "2024-04-01"));
        fx.engine.create(A_STAFF, fx.project, "loans", map("borrower", p1, "amount", "12500元", "grantedOn",
                "2024-06-01"));
        fx.engine.create(A_STAFF, fx.project, "loans", map("borrower", p2, "amount", "2", "grantedOn", "2024-06-10"));
        Map<String, BigDecimal> june = fx.engine.actualsAsOf(fx.project, List.of(COUNTY_A.id(), COUNTY_B.id()), 2024,
                LocalDate.of(2024, 6, 15)).get(COUNTY_A.id());
        assertEquals(new BigDecimal("1"), june.get("people.seekers"));
        assertEquals(new BigDecimal("2"), june.get("people.all"));
        assertEquals(new BigDecimal("2"), june.get("loans.borrowers"));
        assertEquals(new BigDecimal("6.25"), june.get("loans.amount"));
        assertEquals(new BigDecimal("50.00"), june.get("people.studentShare"));
        Map<String, BigDecimal> april = fx.engine.actualsAsOf(fx.project, List.of(COUNTY_A.id()), 2024,
                LocalDate.of(2024, 4, 30)).get(COUNTY_A.id());
        assertEquals(new BigDecimal("1"), april.get("loans.borrowers"));
        assertEquals(new BigDecimal("3"), april.get("loans.amount"));
        assertEquals(new BigDecimal("1"), april.get("people.all"));
        // The next year: the stock carries over, the year's counts start again.
        Map<String, BigDecimal> next = fx.engine.actualsAsOf(fx.project, List.of(COUNTY_A.id()), 2025, null)
                .get(COUNTY_A.id());
        assertEquals(new BigDecimal("2"), next.get("people.all"));
        assertEquals(BigDecimal.ZERO, next.get("people.seekers"));
        // An edit moves a record's contribution; a deletion takes it out.
        Map<String, Object> edit = person("韩梅梅", null, "joinedOn", "2024-05-20", "kind", "JOB_SEEKING");
        edit.remove("idNumber");
        edit.put("idNumberUnchanged", "1");
        fx.engine.update(A_STAFF, fx.project, "people", p2, edit, -1);
        assertEquals(new BigDecimal("2"), seekers());
        assertEquals(BigDecimal.ZERO, fx.engine.actualsAsOf(fx.project, List.of(COUNTY_B.id()), 2024, null)
                .get(COUNTY_B.id()).get("people.seekers"));
        long loanIds = fx.engine.list(A_STAFF, fx.project, "loans", RecordQuery.firstPage()).items().stream()
                .filter(r -> r.value("borrower").equals(p2)).findFirst().orElseThrow().id();
        fx.engine.delete(A_STAFF, fx.project, "loans", loanIds, "录入错误");
        Map<String, BigDecimal> after = fx.engine.actualsAsOf(fx.project, List.of(COUNTY_A.id()), 2024, null)
                .get(COUNTY_A.id());
        assertEquals(new BigDecimal("1"), after.get("loans.borrowers"));
        assertEquals(new BigDecimal("4.25"), after.get("loans.amount"));
    }

    @Test
    void totalsLostOrKeptForOtherAggregatesAreRebuiltFromTheRecords() {
        long p = createPerson(A_STAFF, "李雷", ID_1);
        fx.engine.create(A_STAFF, fx.project, "loans", map("borrower", p, "amount", "3", "grantedOn", "2024-04-01"));
        fx.sql("DELETE FROM REG_TOTAL");
        fx.sql("DELETE FROM REG_TOTAL_KEY");
        fx.sql("UPDATE REG_TOTAL_STATE SET FINGERPRINT = 'an older version'");
        RegisterEngine restarted = fx.restart();
        Map<String, BigDecimal> v = restarted.actualsAsOf(fx.project, List.of(COUNTY_A.id()), 2024, null)
                .get(COUNTY_A.id());
        assertEquals(new BigDecimal("1"), v.get("people.seekers"));
        assertEquals(new BigDecimal("1"), v.get("loans.borrowers"));
        assertEquals(new BigDecimal("3"), v.get("loans.amount"));
    }

    /**
     * Issue 18: every writer of a unit's records on one day changes the same totals, and held their row until it
     * committed, so writers of one county ran one after another however many connections the pool had. Each
     * connection now keeps its own row of a total, which readers add up.
     */
    @Test
    void writersOfOneUnitAndDayAtOnceDoNotWaitForEachOthersTotals() throws Exception {
        ProjectModel model = fx.engine.model(fx.project);
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch otherCommitted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService first = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Long> held = first.submit(() -> fx.store.inTransaction(c -> {
                long id = fx.engine.writeIn(c, A_STAFF, model, model.register("people"), null,
                        person("李雷", ID_1, "joinedOn", "2024-06-01"), -1, null, null, null, null);
                written.countDown();
                // Still open, its totals changed: the other writer must not need them to commit.
                try {
                    if (!otherCommitted.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the other writer waited for this one");
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return id;
            }));
            assertTrue(written.await(30, java.util.concurrent.TimeUnit.SECONDS));
            createPerson(A_STAFF, "韩梅梅", ID_2, "joinedOn", "2024-06-01");
            otherCommitted.countDown();
            held.get();
        } finally {
            first.shutdownNow();
        }
        assertEquals(new BigDecimal("2"), fx.engine.actualsAsOf(fx.project, List.of(COUNTY_A.id()), 2024,
                LocalDate.of(2024, 6, 1)).get(COUNTY_A.id()).get("people.all"));
    }

    /** A new record's id is taken before its transaction (issue 18), but only for who may write one. */
    @Test
    void whoMayNotWriteTakesNoId() {
        fx.restart();
        long before = next();
        assertThrows(AccessDeniedException.class, () -> createPerson(A_VIEWER, "李雷", ID_1));
        assertEquals(before, next());
    }

    /** The next block of T_PERSON's ids starts here (0: none taken yet). */
    private long next() {
        return fx.store.read(c -> {
            try (var ps = c.prepareStatement("SELECT MAX(NEXT_VALUE) FROM REG_SEQUENCE WHERE NAME = 'T_PERSON'");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private BigDecimal seekers() {
        return fx.engine.actualsAsOf(fx.project, List.of(COUNTY_A.id()), 2024, null).get(COUNTY_A.id())
                .get("people.seekers");
    }

    @Test
    void workflowStepsNeedTheirRoleLevelAndReasonAndLockTheRecord() {
        long id = createPerson(A_STAFF, "李雷", ID_1);
        assertThrows(AccessDeniedException.class, () -> fx.engine.transition(A_STAFF, fx.project, "people", id,
                "check", Map.of(), null));
        fx.engine.transition(CITY_ADMIN, fx.project, "people", id, "check", Map.of(), null);
        assertEquals("CHECKED", fx.engine.get(A_STAFF, fx.project, "people", id).state());
        assertEquals(RegisterEngine.REASON, assertThrows(ValidationException.class, () -> fx.engine.transition(
                A_STAFF, fx.project, "people", id, "close", Map.of(), "")).fieldErrors().get("reason"));
        fx.engine.transition(A_STAFF, fx.project, "people", id, "close", Map.of(), "已就业");
        assertEquals(RegisterEngine.LOCKED, assertThrows(ValidationException.class,
                () -> fx.engine.delete(A_STAFF, fx.project, "people", id, "x")).fieldErrors().get("state"));
        var history = fx.engine.history(A_STAFF, fx.project, "people", id);
        assertEquals("CLOSED", history.get(0).toState());
        assertEquals("已就业", history.get(0).reason());
        // A step carries the values as read, the mask among them: the stored number, its hash and the year derived
        // from it stay those of the person (a step once sealed the mask in their place).
        assertEquals(ID_1, fx.engine.reveal(A_STAFF, fx.project, "people", id, "idNumber"));
        assertEquals(RegisterEngine.DUPLICATE, assertThrows(ValidationException.class,
                () -> createPerson(A_STAFF, "李雷", ID_1)).fieldErrors().get("idNumber"));
        assertEquals(1989L, ((Number) fx.engine.get(A_STAFF, fx.project, "people", id).value("bornIn")).longValue());
    }

    @Test
    void childRecordsBelongToTheirParentsUnitAndBlockItsDeletion() {
        long p = createPerson(A_STAFF, "李雷", ID_1);
        long v = fx.engine.create(A_STAFF, fx.project, "visits", map("parent", p, "visitedOn", "2024-06-01"));
        assertEquals(COUNTY_A.id(), fx.engine.get(A_STAFF, fx.project, "visits", v).unitId());
        assertThrows(NotFoundException.class, () -> fx.engine.create(B_STAFF, fx.project, "visits",
                map("parent", p, "visitedOn", "2024-06-01")));
        assertEquals(Map.of("visits", "visit.linked"), assertThrows(ValidationException.class,
                () -> fx.engine.delete(A_STAFF, fx.project, "people", p, "x")).fieldErrors());
        assertEquals(1, fx.engine.list(A_STAFF, fx.project, "visits",
                new RecordQuery(null, Map.of(), null, false, 1, 20, p)).total());
    }

    static final Actor OFFICE = granted(20, COUNTY_A, "PREVENTION_OFFICE");
    static final Actor VOLUNTEER = granted(21, COUNTY_A, "VOLUNTEER");
    static final Actor OTHER_VOLUNTEER = granted(22, COUNTY_A, "VOLUNTEER");

    /** A case assigned to {@code helper}, a volunteer known to the node. */
    static Map<String, Object> caseOf(Actor helper) {
        fx.sql("INSERT INTO JX_USER VALUES (" + helper.userId() + ", 'vol1', '志愿者甲', 2, TRUE)");
        fx.sql("INSERT INTO JX_USER_ROLE VALUES (" + helper.userId() + ", 'VOLUNTEER')");
        return map("title", "个案", "helper", String.valueOf(helper.userId()));
    }

    @Test
    void needToKnowRecordsAreReadByTheirAssigneesAndOfficesOnly() {
        long c = fx.engine.create(OFFICE, fx.project, "cases", caseOf(VOLUNTEER));
        assertEquals("个案", fx.engine.get(VOLUNTEER, fx.project, "cases", c).value("title"));
        assertThrows(NotFoundException.class, () -> fx.engine.get(OTHER_VOLUNTEER, fx.project, "cases", c));
        // The city's administrators are no office of this register: need to know means not them either.
        assertThrows(NotFoundException.class, () -> fx.engine.get(CITY_ADMIN, fx.project, "cases", c));
        assertEquals(1, fx.engine.list(VOLUNTEER, fx.project, "cases", RecordQuery.firstPage()).total());
        assertEquals(0, fx.engine.list(OTHER_VOLUNTEER, fx.project, "cases", RecordQuery.firstPage()).total());
        assertEquals(Values.USER, assertThrows(ValidationException.class, () -> fx.engine.create(OFFICE, fx.project,
                "cases", map("title", "x", "helper", "20"))).fieldErrors().get("helper"));
    }

    @Test
    void aCityListIsWrittenByTheCityOnlyAndReadAndNamedByEveryCounty() {
        Actor cityStaff = actor(14, CITY, Role.STAFF);
        long t = fx.engine.create(cityStaff, fx.project, "topics", map("name", "留守儿童"));
        assertEquals(CITY.id(), fx.engine.get(A_STAFF, fx.project, "topics", t).unitId());
        assertEquals(1, fx.engine.list(B_STAFF, fx.project, "topics", RecordQuery.firstPage()).total());
        assertThrows(AccessDeniedException.class, () -> fx.engine.create(A_STAFF, fx.project, "topics",
                map("name", "x")));
        assertThrows(AccessDeniedException.class, () -> fx.engine.update(A_STAFF, fx.project, "topics", t,
                map("name", "x"), -1));
        assertThrows(AccessDeniedException.class, () -> fx.engine.delete(B_STAFF, fx.project, "topics", t, "x"));
        long c = fx.engine.create(OFFICE, fx.project, "cases", map("title", "个案", "topic", t));
        assertEquals(t, fx.engine.get(OFFICE, fx.project, "cases", c).value("topic"));
        fx.engine.delete(OFFICE, fx.project, "cases", c, "录入错误");
        fx.engine.delete(cityStaff, fx.project, "topics", t, "不再使用");
        assertEquals(0, fx.engine.list(A_STAFF, fx.project, "topics", RecordQuery.firstPage()).total());
    }

    @Test
    void childrenOfANeedToKnowRecordAreReadThroughTheirParentOnly() {
        long c = fx.engine.create(OFFICE, fx.project, "cases", caseOf(VOLUNTEER));
        long n = fx.engine.create(VOLUNTEER, fx.project, "casenotes", map("parent", c, "note", "走访"));
        assertEquals("走访", fx.engine.get(OFFICE, fx.project, "casenotes", n).value("note"));
        // A unit-scoped child of the same county: another volunteer of the county reaches nothing of it.
        assertThrows(NotFoundException.class, () -> fx.engine.get(OTHER_VOLUNTEER, fx.project, "casenotes", n));
        assertTrue(fx.audit.contains("caseNote.refused caseNote:" + n + " reach"), fx.audit.toString());
        assertThrows(AccessDeniedException.class, () -> fx.engine.get(actor(15, COUNTY_A),
                fx.project, "casenotes", n));
        assertTrue(fx.audit.contains("caseNote.refused caseNote:" + n + " role"), fx.audit.toString());
        assertEquals(0, fx.engine.list(OTHER_VOLUNTEER, fx.project, "casenotes", RecordQuery.firstPage()).total());
        assertEquals(0, fx.engine.list(OTHER_VOLUNTEER, fx.project, "casenotes",
                new RecordQuery(null, Map.of(), null, false, 1, 20, c)).total());
        assertThrows(NotFoundException.class, () -> fx.engine.create(OTHER_VOLUNTEER, fx.project, "casenotes",
                map("parent", c, "note", "x")));
        assertThrows(NotFoundException.class, () -> fx.engine.update(OTHER_VOLUNTEER, fx.project, "casenotes", n,
                map("note", "x"), -1));
        assertEquals(List.of(n), fx.engine.list(VOLUNTEER, fx.project, "casenotes", RecordQuery.firstPage())
                .items().stream().map(RegisterRecord::id).toList());
        assertEquals(1, fx.engine.list(OFFICE, fx.project, "casenotes", RecordQuery.firstPage()).total());
    }

    static final Actor CITY_OFFICE = granted(30, CITY, "PREVENTION_OFFICE");
    static final Actor SECOND_OFFICE = granted(23, COUNTY_A, "PREVENTION_OFFICE");

    @Test
    void theCitysOfficeReadsANamedRecordOnlyByBreakingTheGlassAndTheCountysOfficeSeesItInTheAccessLog() {
        long c = fx.engine.create(OFFICE, fx.project, "cases", caseOf(VOLUNTEER));
        long n = fx.engine.create(VOLUNTEER, fx.project, "casenotes", map("parent", c, "note", "走访"));
        assertThrows(NotFoundException.class, () -> fx.engine.get(CITY_OFFICE, fx.project, "cases", c));
        assertEquals(0, fx.engine.list(CITY_OFFICE, fx.project, "cases", RecordQuery.firstPage()).total());
        assertEquals(0, fx.engine.list(CITY_OFFICE, fx.project, "casenotes", RecordQuery.firstPage()).total());
        assertThrows(NotFoundException.class, () -> fx.engine.get(CITY_OFFICE, fx.project, "casenotes", n));
        assertEquals(Map.of("reason", RegisterEngine.REASON), assertThrows(ValidationException.class,
                () -> fx.engine.breakGlass(CITY_OFFICE, fx.project, "cases", c, " ")).fieldErrors());
        assertThrows(AccessDeniedException.class, () -> fx.engine.breakGlass(OTHER_VOLUNTEER, fx.project, "cases", c,
                "查看"));
        assertEquals("个案", fx.engine.breakGlass(CITY_OFFICE, fx.project, "cases", c, "市领导督办的个案")
                .value("title"));
        assertTrue(fx.audit.contains("case.breakGlass case:" + c + " unit=" + COUNTY_A.id()), fx.audit.toString());
        fx.engine.list(VOLUNTEER, fx.project, "casenotes", RecordQuery.firstPage());
        assertThrows(NotFoundException.class, () -> fx.engine.get(OTHER_VOLUNTEER, fx.project, "cases", c));
        List<String> log = fx.engine.accessLog(OFFICE, fx.project, "cases", c).stream()
                .map(a -> a.kind() + " " + a.register() + " " + a.userId() + " " + a.reason()).toList();
        assertEquals(List.of("REFUSED cases 22 null", "LIST casenotes 21 null", "BREAK_GLASS cases 30 市领导督办的个案",
                "REFUSED casenotes 30 null", "REFUSED cases 30 null"), log);
        // The log is the record's own office's: not the city's, not a helper's.
        assertThrows(NotFoundException.class, () -> fx.engine.accessLog(CITY_OFFICE, fx.project, "cases", c));
        assertThrows(NotFoundException.class, () -> fx.engine.accessLog(VOLUNTEER, fx.project, "cases", c));
    }

    @Test
    void aRecordIsArchivedThePeriodAfterItsEndDayOutOfListsUnlessAskedForAndStillReadById() {
        long p = createPerson(A_STAFF, "李雷", ID_1);
        long old = fx.engine.create(A_STAFF, fx.project, "loans", map("borrower", p, "amount", "3万",
                "grantedOn", "2024-01-02", "settledOn", "2024-05-15"));
        long recent = fx.engine.create(A_STAFF, fx.project, "loans", map("borrower", p, "amount", "3万",
                "grantedOn", "2024-01-02", "settledOn", "2024-05-16"));
        long open = fx.engine.create(A_STAFF, fx.project, "loans", map("borrower", p, "amount", "3万",
                "grantedOn", "2024-05-01"));
        // Today is 15 June: a loan settled on 15 May is a month past, one settled on 16 May is not.
        assertEquals(List.of(open, recent), loans(Map.of()));
        assertEquals(List.of(old), loans(Map.of(RegisterEngine.ARCHIVED, "true")));
        assertEquals(old, fx.engine.get(A_STAFF, fx.project, "loans", old).id());
    }

    @Test
    void aNeedToKnowRegistersArchiveIsItsOfficesAndAHelperAskingIsRefusedAndAudited() {
        Map<String, Object> current = caseOf(VOLUNTEER);
        Map<String, Object> closed = new java.util.HashMap<>(current);
        closed.put("title", "已结案");
        closed.put("closedOn", "2024-05-01");
        long done = fx.engine.create(OFFICE, fx.project, "cases", closed);
        long open = fx.engine.create(OFFICE, fx.project, "cases", current);
        RecordQuery archived = new RecordQuery(null, Map.of(RegisterEngine.ARCHIVED, "true"), null, false, 1, 20, null);
        assertEquals(List.of(done), fx.engine.list(OFFICE, fx.project, "cases", archived).items().stream()
                .map(RegisterRecord::id).toList());
        assertEquals(List.of(open), fx.engine.list(VOLUNTEER, fx.project, "cases", RecordQuery.firstPage()).items()
                .stream().map(RegisterRecord::id).toList(), "the helper's current case only");
        assertThrows(org.jixiao.api.AccessDeniedException.class, () -> fx.engine.list(VOLUNTEER, fx.project, "cases",
                archived));
        assertTrue(fx.audit.contains("case.refused cases role"), fx.audit.toString());
        org.jixiao.api.web.WebHandler web = fx.engine.web(fx.project, null);
        assertEquals("", web.handle(FakeWebRequest.html("GET", "/cases", VOLUNTEER)).model().get("archivedHref"),
                "no link to what the helper would be refused");
        assertEquals("/cases?size=20&archived=true", web.handle(FakeWebRequest.html("GET", "/cases", OFFICE)).model()
                .get("archivedHref"));
    }

    private List<Long> loans(Map<String, String> filters) {
        return fx.engine.list(A_STAFF, fx.project, "loans", new RecordQuery(null, filters, null, false, 1, 20, null))
                .items().stream().map(RegisterRecord::id).sorted(java.util.Comparator.reverseOrder()).toList();
    }

    @Test
    void theOfficeARecordIsRoutedToReadsItAndItsChildrenWhereverItSitsAndNoOtherRecord() {
        Actor routedOffice = granted(31, EngineFixture.DEPARTMENT, "PREVENTION_OFFICE");
        Actor departmentHelper = granted(32, EngineFixture.DEPARTMENT, "VOLUNTEER");
        Actor cityStaff = actor(14, CITY, Role.STAFF);
        long topic = fx.engine.create(cityStaff, fx.project, "topics", map("name", "留守儿童", "office",
                EngineFixture.DEPARTMENT.code()));
        long otherTopic = fx.engine.create(cityStaff, fx.project, "topics", map("name", "闲散青少年", "office", "x"));
        Map<String, Object> routed = caseOf(VOLUNTEER);
        routed.put("topic", topic);
        long c = fx.engine.create(OFFICE, fx.project, "cases", routed);
        long other = fx.engine.create(OFFICE, fx.project, "cases", map("title", "另一个案", "topic", otherTopic));
        long n = fx.engine.create(VOLUNTEER, fx.project, "casenotes", map("parent", c, "note", "走访"));
        fx.engine.create(OFFICE, fx.project, "casenotes", map("parent", other, "note", "走访"));
        assertEquals("个案", fx.engine.get(routedOffice, fx.project, "cases", c).value("title"));
        assertEquals("走访", fx.engine.get(routedOffice, fx.project, "casenotes", n).value("note"));
        assertThrows(NotFoundException.class, () -> fx.engine.get(routedOffice, fx.project, "cases", other));
        assertEquals(List.of(c), fx.engine.list(routedOffice, fx.project, "cases", RecordQuery.firstPage()).items()
                .stream().map(RegisterRecord::id).toList());
        assertEquals(List.of(n), fx.engine.list(routedOffice, fx.project, "casenotes", RecordQuery.firstPage())
                .items().stream().map(RegisterRecord::id).toList());
        // The unit's people without an office role, and the city's office above it, are not routed to.
        assertThrows(NotFoundException.class, () -> fx.engine.get(departmentHelper, fx.project, "cases", c));
        assertEquals(0, fx.engine.list(departmentHelper, fx.project, "cases", RecordQuery.firstPage()).total());
        assertThrows(NotFoundException.class, () -> fx.engine.get(CITY_OFFICE, fx.project, "cases", c));
        assertEquals(2, fx.engine.list(OFFICE, fx.project, "cases", RecordQuery.firstPage()).total());
        assertTrue(fx.audit.contains("case.read case:" + c), fx.audit.toString());
        assertTrue(fx.engine.accessLog(OFFICE, fx.project, "cases", c).stream()
                .anyMatch(a -> a.userId() == routedOffice.userId() && a.kind().equals("READ")));
        // The city moves the category to another unit: the office it named reaches it no more.
        fx.engine.update(cityStaff, fx.project, "topics", topic, map("name", "留守儿童", "office", "x"), -1);
        assertThrows(NotFoundException.class, () -> fx.engine.get(routedOffice, fx.project, "cases", c));
        assertEquals(0, fx.engine.list(routedOffice, fx.project, "cases", RecordQuery.firstPage()).total());
    }

    @Test
    void aSealedRecordIsOpenedOnlyWithAReasonAndASecondPersonsApprovalBothRecorded() {
        long c = fx.engine.create(OFFICE, fx.project, "cases", caseOf(VOLUNTEER));
        long n = fx.engine.create(OFFICE, fx.project, "casenotes", map("parent", c, "note", "未成年时的记录",
                "sealed", true));
        long open = fx.engine.create(OFFICE, fx.project, "casenotes", map("parent", c, "note", "走访"));
        assertThrows(AccessDeniedException.class, () -> fx.engine.get(OFFICE, fx.project, "casenotes", n));
        assertTrue(fx.audit.contains("caseNote.refused caseNote:" + n + " sealed"), fx.audit.toString());
        assertEquals(List.of(open), fx.engine.list(OFFICE, fx.project, "casenotes", RecordQuery.firstPage()).items()
                .stream().map(RegisterRecord::id).toList());
        assertThrows(AccessDeniedException.class, () -> fx.engine.update(OFFICE, fx.project, "casenotes", n,
                map("note", "x", "sealed", false), -1));
        assertEquals(Map.of("reason", RegisterEngine.REASON), assertThrows(ValidationException.class,
                () -> fx.engine.requestUnseal(OFFICE, fx.project, "casenotes", n, "")).fieldErrors());
        assertThrows(NotFoundException.class, () -> fx.engine.requestUnseal(OFFICE, fx.project, "casenotes", open,
                "不需要"));
        long request = fx.engine.requestUnseal(OFFICE, fx.project, "casenotes", n, "依刑事诉讼法第286条，司法机关办案需要");
        assertEquals(List.of(), fx.engine.unsealRequests(OFFICE, fx.project));
        assertEquals(List.of(), fx.engine.unsealRequests(CITY_OFFICE, fx.project));
        assertEquals(List.of(request), fx.engine.unsealRequests(SECOND_OFFICE, fx.project).stream()
                .map(q -> q.id()).toList());
        assertThrows(AccessDeniedException.class, () -> fx.engine.approveUnseal(OFFICE, fx.project, request));
        assertThrows(NotFoundException.class, () -> fx.engine.approveUnseal(CITY_OFFICE, fx.project, request));
        assertThrows(AccessDeniedException.class, () -> fx.engine.get(OFFICE, fx.project, "casenotes", n));
        fx.engine.approveUnseal(SECOND_OFFICE, fx.project, request);
        assertEquals(Map.of("request", "register.error.unsealDone"), assertThrows(ValidationException.class,
                () -> fx.engine.approveUnseal(SECOND_OFFICE, fx.project, request)).fieldErrors());
        assertEquals("未成年时的记录", fx.engine.get(OFFICE, fx.project, "casenotes", n).value("note"));
        // The opening is the requester's: the approver reads nothing more for it.
        assertThrows(AccessDeniedException.class, () -> fx.engine.get(SECOND_OFFICE, fx.project, "casenotes", n));
        assertTrue(fx.audit.contains("caseNote.unsealRequest caseNote:" + n + " request=" + request));
        assertTrue(fx.audit.contains("caseNote.unsealApprove caseNote:" + n + " request=" + request));
        assertTrue(fx.audit.contains("caseNote.unsealed caseNote:" + n), fx.audit.toString());
        assertTrue(fx.engine.accessLog(OFFICE, fx.project, "cases", c).stream().anyMatch(a -> a.kind().equals(
                "UNSEALED") && a.readId() == n && a.reason().startsWith("依刑事诉讼法第286条")));
    }

    @Test
    void namesInLinksAndTheHistoryOfASensitiveRecordAreAuditedReadsAndASealedNameIsNoneOfThem() {
        long c = fx.engine.create(OFFICE, fx.project, "cases", caseOf(VOLUNTEER));
        long n = fx.engine.create(OFFICE, fx.project, "casenotes", map("parent", c, "note", "走访"));
        long sealed = fx.engine.create(OFFICE, fx.project, "casenotes", map("parent", c, "note", "未成年时的记录",
                "sealed", true));
        fx.audit.clear();
        assertEquals(Map.of(n, "走访"), fx.engine.titles(OFFICE, fx.project, "casenotes", List.of(n, sealed)));
        assertEquals(List.of("caseNote.list casenotes ids=" + n), fx.audit);
        fx.audit.clear();
        fx.engine.history(VOLUNTEER, fx.project, "cases", c);
        assertEquals(List.of("case.history case:" + c), fx.audit);
        assertEquals(Map.of(), fx.engine.titles(OTHER_VOLUNTEER, fx.project, "cases", List.of(c)));
    }

    @Test
    void listsSearchFilterSortAndPage() {
        createPerson(A_STAFF, "张三", ID_1);
        createPerson(A_STAFF, "李四", ID_2, "kind", "ENTREPRENEUR", "needs", List.of("LOAN"));
        var byKind = fx.engine.list(A_STAFF, fx.project, "people",
                new RecordQuery(null, Map.of("kind", "ENTREPRENEUR"), null, false, 1, 20, null));
        assertEquals(List.of("李四"), byKind.items().stream().map(r -> r.value("name")).toList());
        assertEquals(1, fx.engine.list(A_STAFF, fx.project, "people",
                new RecordQuery("张", Map.of(), null, false, 1, 20, null)).total());
        assertEquals(1, fx.engine.list(A_STAFF, fx.project, "people",
                new RecordQuery(null, Map.of("needs", "LOAN"), null, false, 1, 20, null)).total());
        var sorted = fx.engine.list(A_STAFF, fx.project, "people", new RecordQuery(null, Map.of(), "name", true, 2,
                1, null));
        assertEquals(2, sorted.page());
        assertEquals(1, sorted.items().size());
        assertNull(fx.engine.list(A_STAFF, fx.project, "people", new RecordQuery("%", Map.of(), null, false, 1, 20,
                null)).items().stream().findFirst().orElse(null));
        assertFalse(fx.engine.titles(A_STAFF, fx.project, "people", List.of(byKind.items().get(0).id())).isEmpty());
    }
}
