package org.jixiao.federation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox on Derby: entries commit or roll back with their write, numbered in commit order without gaps. */
class CountyOutboxTest {

    final MemoryStores.Loan store = MemoryStores.borrow("federation", TwoNodes::migrate);
    final CountyOutbox outbox = new CountyOutbox(store, 3, Clock.systemUTC());

    @AfterEach
    void giveBack() {
        store.close();
    }

    /** Writes member {@code id} and its outbox entry in one transaction. */
    void write(java.sql.Connection c, long id) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("INSERT INTO T_MEMBER (ID, UNIT_ID, NAME, VERSION, CREATED_AT, CREATED_BY, "
                + "UPDATED_AT, UPDATED_BY) VALUES (?, 2, 'm', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        outbox.registerChanged(c, "fed", "members", "T_MEMBER", id);
    }

    List<Long> seqs() {
        return outbox.next(100).stream().map(CountyOutbox.Entry::seq).toList();
    }

    @Test
    void aRolledBackWriteLeavesNoEntryAndNoGap() {
        store.inTransaction(c -> {
            write(c, 1);
            return null;
        });
        assertThrows(IllegalStateException.class, () -> store.inTransaction(c -> {
            write(c, 2);
            throw new IllegalStateException("the write is refused after its entry was queued");
        }));
        store.inTransaction(c -> {
            write(c, 3);
            return null;
        });
        assertEquals(List.of(1L, 2L), seqs());
        Change second = Change.parse(outbox.next(2).get(1).payload());
        assertEquals(List.of("members", 3L, "m"), List.of(second.register(), second.id(), second.row().get("NAME")));
        outbox.handedOver(1);
        assertEquals(List.of(2L), seqs());
        assertEquals(1, outbox.backlog().entries());
    }

    @Test
    void numbersFollowCommitOrderNotStartOrder() throws Exception {
        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> store.inTransaction(c -> {
            write(c, 10);
            queued.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(queued.await(10, TimeUnit.SECONDS));
        // The second writer waits for the first one's number: it cannot commit a higher number first.
        CompletableFuture<Void> fast = CompletableFuture.runAsync(() -> store.inTransaction(c -> {
            write(c, 11);
            return null;
        }));
        Thread.sleep(300);
        assertFalse(fast.isDone());
        release.countDown();
        slow.get(10, TimeUnit.SECONDS);
        fast.get(10, TimeUnit.SECONDS);
        List<CountyOutbox.Entry> entries = outbox.next(10);
        assertEquals(List.of(1L, 2L), entries.stream().map(CountyOutbox.Entry::seq).toList());
        assertEquals(List.of(10L, 11L), entries.stream().map(e -> Change.parse(e.payload()).id()).toList());
    }
}
