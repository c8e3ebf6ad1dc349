package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.web.WebResult;
import org.jixiao.register.internal.RegisterEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: what one registration through the JSON API costs the database, counted, so that a change that makes the
 * busiest write dearer fails here rather than in a load test. Every rule stays: the checks, the duplicate check, the
 * totals, the history, the audit lines (the test double keeps them outside SQL) and the answer's read, all in one
 * transaction.
 */
class YouthWriteCostTest extends EmploymentTestBase {

    private CountingStore counted;
    private EmploymentProject counting;

    @BeforeEach
    void countingProject() {
        counted = new CountingStore(store);
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        RegisterEngine engine = new RegisterEngine(counted.store(), new FixedOrgUnits(), audit, cipher, clock, 0);
        counting = new EmploymentProject(counted.store(), cipher, new FixedOrgUnits(), audit, clock, engine);
    }

    private WebResult post(int sequence) {
        Map<String, Object> form = validForm();
        form.remove("county");
        form.put("idNumber", idNumber("110105", LocalDate.of(1989, 3, 18), sequence));
        form.put("gender", sequence % 2 == 1 ? "M" : "F");
        return counting.web().handle(FakeWebRequest.api("POST", "/youth", A_STAFF).body(form));
    }

    @Test
    void aRegistrationIsOneTransactionOfNineStatementsAndAnswersAsItsReadWould() {
        counted.reset();
        assertEquals(201, post(121).status());
        assertEquals(2, counted.transactions(), "the first takes a block of ids in a transaction of its own");
        assertEquals(0, counted.nested(), "taken before the write's, not inside it");
        counted.reset();
        audit.entries.clear();

        WebResult created = post(123);

        assertEquals(201, created.status());
        assertEquals(1, counted.transactions(), counted.statements().toString());
        assertEquals(0, counted.reads());
        // A total's first change on this connection's stripe inserts its row after the update found none.
        List<String> statements = counted.statements().stream().filter(x -> !x.equals("INSERT REG_TOTAL")).toList();
        assertEquals(List.of(
                "SELECT EMP_YOUTH", // the key: no other live record of the person, in the whole city
                "INSERT EMP_YOUTH",
                "UPDATE REG_TOTAL", "UPDATE REG_TOTAL", "UPDATE REG_TOTAL", // the year's, month's and day's total
                "INSERT REG_HISTORY",
                "UPDATE EMP_YOUTH", // the live key: unique, the person's one live record
                "INSERT EMP_YOUTH_NEED", // both needs, one batch
                "SELECT EMP_YOUTH"), // the answer: the record as a read gives it
                statements);
        assertEquals(List.of("youth.create", "youth.read"), audit.entries.stream().map(ListAudit.Entry::action)
                .toList());

        Object id = body(created).get("id");
        assertEquals(body(counting.web().handle(FakeWebRequest.api("GET", "/youth/" + id, A_STAFF))), body(created));
    }

    /**
     * Two clerks register the same person at once, both past the duplicate check before either has written: the live
     * key's constraint refuses the second, with the same answer as the check, and one record stays.
     */
    @Test
    void ofTwoRegistrationsOfOnePersonAtOnceTheSecondIsRefused() throws Exception {
        assertEquals(201, post(121).status(), "ids taken beforehand");
        java.util.concurrent.CyclicBarrier checked = new java.util.concurrent.CyclicBarrier(2);
        ThreadLocal<Boolean> met = ThreadLocal.withInitial(() -> false);
        counted.afterEach(statement -> {
            // The key's check is the write's first statement: both pass it before either goes on.
            if (statement.equals("SELECT EMP_YOUTH") && !met.get()) {
                met.set(true);
                try {
                    checked.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        java.util.concurrent.ExecutorService clerks = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<WebResult>> both = clerks.invokeAll(List.of(() -> post(123),
                    () -> post(123)));
            int created = 0;
            List<String> refusals = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<WebResult> f : both) {
                try {
                    assertEquals(201, f.get().status());
                    created++;
                } catch (java.util.concurrent.ExecutionException e) {
                    refusals.add(((org.jixiao.api.ValidationException) e.getCause()).fieldErrors().toString());
                }
            }
            assertEquals(1, created);
            assertEquals(List.of("{idNumber=register.error.duplicate}"), refusals);
        } finally {
            clerks.shutdownNow();
        }
        assertEquals(2, rows("EMP_YOUTH"));
    }
}
