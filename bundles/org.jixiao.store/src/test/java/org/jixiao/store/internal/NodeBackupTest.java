package org.jixiao.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup taken while writers go on, restored as {@code ./jixiao restore} does it: nothing acknowledged is lost. */
class NodeBackupTest {

    private static final Instant NOW = Instant.parse("2031-03-04T05:06:07Z");

    @TempDir
    Path dir;

    @BeforeAll
    static void derbyLog() {
        TestSupport.derbyLogInTarget();
    }

    /** Each transaction writes a pair of rows under one group, so a torn copy would show a group of one. */
    private static void writePair(DerbyStore store, long group) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO REC (GRP, PART, PAYLOAD) VALUES (?, ?, ?)")) {
                for (int part = 1; part <= 2; part++) {
                    ps.setLong(1, group);
                    ps.setInt(2, part);
                    ps.setString(3, "record " + group + "/" + part);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static Map<Long, Integer> groups(DerbyStore store) {
        return store.read(c -> {
            Map<Long, Integer> rows = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT GRP, COUNT(*) FROM REC GROUP BY GRP")) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return rows;
        });
    }

    @Test
    void aBackupTakenDuringWritesKeepsEveryAcknowledgedRecord() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("keys"));
        Files.writeString(data.resolve("keys/field.key"), "secret key bytes");
        Files.createDirectories(data.resolve("evidence/ab"));
        Files.writeString(data.resolve("evidence/ab/abcdef"), "a scanned certificate");

        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Set<Long> beforeBackup;
        Backups.Taken taken;
        DerbyStore store = new DerbyStore(data.resolve("db"), 6);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            store.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE REC (GRP BIGINT NOT NULL, PART INTEGER NOT NULL, PAYLOAD VARCHAR(200),"
                            + " PRIMARY KEY (GRP, PART))");
                }
                return null;
            });
            AtomicLong next = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(writers.submit(() -> {
                    while (!stop.get()) {
                        long group = next.incrementAndGet();
                        writePair(store, group);
                        acknowledged.add(group);
                    }
                    return null;
                }));
            }
            while (acknowledged.size() < 200) {
                Thread.sleep(10);
            }
            beforeBackup = Set.copyOf(acknowledged);
            NodeBackup backup = new NodeBackup(store, data.resolve("keys"), data.resolve("evidence"),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            taken = backup.take(dir.resolve("backups"));
            int duringBackup = acknowledged.size() - beforeBackup.size();
            Thread.sleep(100);
            stop.set(true);
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertTrue(acknowledged.size() > beforeBackup.size(),
                    "the writers went on during and after the backup (" + duringBackup + " during)");
        } finally {
            writers.shutdownNow();
            store.close();
        }

        assertEquals(dir.resolve("backups/jixiao-20310304-050607"), taken.folder());
        assertEquals(List.of(), NodeBackup.verify(taken.folder()));
        try (Stream<Path> left = Files.list(dir.resolve("backups"))) {
            assertEquals(List.of(taken.folder()), left.toList(), "no unfinished folder left beside it");
        }
        String sums = Files.readString(taken.folder().resolve(NodeBackup.SUMS));
        assertTrue(sums.contains("  keys/field.key\n"), sums);
        assertTrue(sums.contains("  evidence/ab/abcdef\n"), sums);
        assertTrue(sums.contains("  db/service.properties\n"), sums);
        assertTrue(sums.contains("  " + NodeBackup.MANIFEST + "\n"), sums);
        assertEquals(taken.files(), sums.lines().count());

        // Restored onto another node's data folder the way ./jixiao restore copies it.
        Path restored = dir.resolve("restored");
        NodeBackup.copyTree(taken.folder(), restored);
        assertEquals("secret key bytes", Files.readString(restored.resolve("keys/field.key")));
        assertEquals("a scanned certificate", Files.readString(restored.resolve("evidence/ab/abcdef")));
        DerbyStore again = new DerbyStore(restored.resolve("db"), 2);
        try {
            Map<Long, Integer> groups = groups(again);
            Set<Long> lost = new HashSet<>(beforeBackup);
            lost.removeAll(groups.keySet());
            assertEquals(Set.of(), lost, "acknowledged before the backup began, missing from it");
            assertTrue(acknowledged.containsAll(groups.keySet()), "nothing that was never acknowledged");
            groups.forEach((group, rows) -> assertEquals(2, rows, "transaction " + group + " copied whole"));
            writePair(again, -1);
        } finally {
            again.close();
        }
    }

    @Test
    void aChangedMissingOrExtraFileIsFound() throws IOException {
        DerbyStore store = new DerbyStore(dir.resolve("data/db"), 1);
        Backups.Taken taken;
        try {
            taken = new NodeBackup(store, dir.resolve("data/keys"), dir.resolve("data/evidence"),
                    Clock.fixed(NOW, ZoneOffset.UTC)).take(dir.resolve("backups"));
        } finally {
            store.close();
        }
        Path folder = taken.folder();
        assertEquals(List.of(), NodeBackup.verify(folder));
        assertFalse(Files.exists(folder.resolve(NodeBackup.KEYS)), "no key folder, none copied");

        Files.writeString(folder.resolve(NodeBackup.MANIFEST), "edited", StandardCharsets.UTF_8);
        Files.delete(folder.resolve("db/service.properties"));
        Files.writeString(folder.resolve("stray.txt"), "x");
        assertEquals(List.of(NodeBackup.MANIFEST + ": changed", "db/service.properties: missing",
                "stray.txt: not listed"), NodeBackup.verify(folder));
        Files.delete(folder.resolve(NodeBackup.SUMS));
        assertEquals(List.of(NodeBackup.SUMS + " is missing: not a complete backup"), NodeBackup.verify(folder));
    }
}
