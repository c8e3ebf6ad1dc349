package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.testing.AuditLines;
import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.api.testing.MovingClock;
import org.jixiao.api.testing.ReversibleCipher;
import org.jixiao.api.testing.TestData;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.jixiao.register.internal.RegisterEngine;
import org.jixiao.store.internal.DerbyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, run by hand: {@code -Dprevention.scale=true -Dtest=OverdueTiming}. A city of 5,000 key youth in two
 * counties, each paired with one of 250 professionals and one of 250 volunteers per county, and 120,000 visits (both
 * helpers every month of 2024, a tenth of December's missing, the rest spread as second visits) on a durable on-disk
 * Derby; then the overdue list of December for a county's office, the city's office and a helper, and the county's
 * first page of youth through the engine, each timed. The rows are written with SQL, in clear as before issue 14:
 * the engine's one-time encryption of them is timed first, then the reading.
 */
@EnabledIfSystemProperty(named = "prevention.scale", matches = "true")
class OverdueTiming {

    private static final int YOUTH = 5_000;
    private static final int VISITS = 120_000;
    private static final int HELPERS = 250;

    @Test
    void theMonthlyOverdueListOfACity() throws Exception {
        Path dir = Files.createTempDirectory("prevention-scale");
        DerbyStore store = new DerbyStore(dir.resolve("db"), 4);
        try {
            store.migrate(PreventionProject.ID, PreventionTestBase.migrations());
            store.migrate(RegisterEngine.OWNER, RegisterEngine.migrations());
            TestData.migrateCoreUsers(store);
            MovingClock clock = new MovingClock(LocalDate.of(2024, 12, 20), PreventionTestBase.ZONE);
            AuditingCipher cipher = new AuditingCipher(store);
            RegisterEngine engine = new RegisterEngine(store, new FixedOrgUnits(), new AuditLines(), cipher, clock,
                    0);
            PreventionProject project = new PreventionProject(store, new FixedOrgUnits(), engine, new AuditLines(),
                    clock);
            long started = System.nanoTime();
            int written = fill(store);
            System.out.printf("prevention scale: %d youth and %d visits written in %d ms%n", YOUTH, written,
                    (System.nanoTime() - started) / 1_000_000);
            assertEquals(VISITS, written);
            Actor countyOffice = PreventionTestBase.granted(2, FixedOrgUnits.COUNTY_A, Roles.PREVENTION_OFFICE);
            // The rows were written in clear, as before issue 14: the first use encrypts them, once.
            started = System.nanoTime();
            engine.list(countyOffice, project, YouthRegister.YOUTH, RecordQuery.firstPage());
            System.out.printf("prevention scale: the one-time encryption of %d youth and %d visits in %d ms%n", YOUTH,
                    written, (System.nanoTime() - started) / 1_000_000);
            Actor cityOffice = PreventionTestBase.granted(3, FixedOrgUnits.CITY, Roles.PREVENTION_OFFICE);
            Actor helper = PreventionTestBase.granted(1000, FixedOrgUnits.COUNTY_A, Roles.PROFESSIONAL);
            for (int round = 1; round <= 3; round++) {
                int county = overdue(project, countyOffice, round, "county office");
                int city = overdue(project, cityOffice, round, "city office");
                overdue(project, helper, round, "a helper");
                assertEquals(YOUTH * 2 / 10 / 2, county);
                assertEquals(YOUTH * 2 / 10, city);
                long t = System.nanoTime();
                int decrypted = cipher.decrypted.get();
                long listed = engine.list(countyOffice, project, YouthRegister.YOUTH, RecordQuery.firstPage()).total();
                System.out.printf("prevention scale: round %d, the county's first page of %d youth in %d ms (%d values"
                        + " decrypted, each audited)%n", round, listed, (System.nanoTime() - t) / 1_000_000,
                        cipher.decrypted.get() - decrypted);
            }
        } finally {
            store.close();
        }
    }

    /**
     * The node's cipher audits each value it decrypts in a transaction of its own, as {@code AesFieldCipher} does: so
     * does this one, on the same durable database, so that the figures include those commits.
     */
    private static final class AuditingCipher extends ReversibleCipher {
        private final DerbyStore store;
        final java.util.concurrent.atomic.AtomicInteger decrypted = new java.util.concurrent.atomic.AtomicInteger();

        AuditingCipher(DerbyStore store) {
            this.store = store;
            store.inTransaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("CREATE TABLE T_READ (READ_AT TIMESTAMP NOT NULL, READER BIGINT NOT NULL, "
                            + "TARGET VARCHAR(200) NOT NULL)");
                }
                return null;
            });
        }

        @Override
        public String decrypt(String ciphertext, Actor reader, String target) {
            String clear = super.decrypt(ciphertext, reader, target);
            store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO T_READ VALUES (CURRENT_TIMESTAMP, ?, ?)")) {
                    ps.setLong(1, reader.userId());
                    ps.setString(2, target);
                    ps.executeUpdate();
                }
                return null;
            });
            decrypted.incrementAndGet();
            return clear;
        }
    }

    /** Times the December list of one reader; gives how many visits it says are missing. */
    private static int overdue(PreventionProject project, Actor reader, int round, String who) {
        long t = System.nanoTime();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) project.web().handle(FakeWebRequest.api("GET", "/overdue",
                reader).param("month", "2024-12")).body();
        System.out.printf("prevention scale: round %d, the overdue list of %s (%s missing) in %d ms%n", round, who,
                body.get("total"), (System.nanoTime() - t) / 1_000_000);
        return (Integer) body.get("total");
    }

    /**
     * Youth i belongs to county A (2) or B (3) by parity, with a professional and a volunteer of its county (see
     * {@link #professional}); both visit every month, except for a tenth of each county's youth in December; the
     * 1,000 visits short of 120,000 are second visits in June.
     */
    private static int fill(DerbyStore store) {
        Timestamp now = Timestamp.valueOf("2024-12-20 10:00:00");
        store.inTransaction(c -> {
            try (PreparedStatement users = c.prepareStatement("INSERT INTO JX_USER VALUES (?, ?, ?, TRUE)")) {
                for (int h = 0; h < 4 * HELPERS; h++) {
                    long id = 1000 + h;
                    users.setLong(1, id);
                    users.setString(2, "h" + id);
                    users.setString(3, "帮扶人" + id);
                    users.addBatch();
                }
                users.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO PRV_YOUTH (ID, UNIT_ID, STATE, NAME, CATEGORY,"
                    + " COMMUNITY, BIRTH_DATE, ID_NUMBER_MASK, SITUATION, PROFESSIONAL, VOLUNTEER, REGISTERED_ON,"
                    + " VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, 'VERIFIED', ?, 1, "
                    + "'城关社区', '2008-03-15', '**************0000', '辍学在家', ?, ?, '2024-01-02', 1, ?, 1, ?, 1)")) {
                for (int i = 0; i < YOUTH; i++) {
                    ps.setLong(1, i + 1);
                    ps.setLong(2, county(i));
                    ps.setString(3, "青少年" + i);
                    ps.setLong(4, professional(i));
                    ps.setLong(5, professional(i) + HELPERS);
                    ps.setTimestamp(6, now);
                    ps.setTimestamp(7, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        int visits = 0;
        for (int month = 1; month <= 12; month++) {
            int m = month;
            visits += store.inTransaction(c -> {
                int n = 0;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO PRV_VISIT (ID, UNIT_ID, PARENT_ID, "
                        + "VISITED_ON, WAY, CONTENT, HELPER, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                        + " VALUES (?, ?, ?, ?, 'HOME_VISIT', '了解近况', ?, 1, ?, 1, ?, 1)")) {
                    for (int i = 0; i < YOUTH; i++) {
                        if (m == 12 && (i / 2) % 10 == 0) {
                            continue;
                        }
                        int extra = m == 6 && i < (VISITS - YOUTH * 2 * 12 + YOUTH * 2 / 10) / 2 ? 2 : 1;
                        for (int k = 0; k < 2 * extra; k++) {
                            long helper = professional(i) + (k % 2 == 0 ? 0 : HELPERS);
                            ps.setLong(1, (long) m * 1_000_000 + i * 10L + k);
                            ps.setLong(2, county(i));
                            ps.setLong(3, i + 1);
                            ps.setDate(4, Date.valueOf(LocalDate.of(2024, m, 1 + k)));
                            ps.setLong(5, helper);
                            ps.setTimestamp(6, now);
                            ps.setTimestamp(7, now);
                            ps.addBatch();
                            n++;
                        }
                    }
                    ps.executeBatch();
                }
                return n;
            });
        }
        return visits;
    }

    private static long county(int i) {
        return i % 2 == 0 ? FixedOrgUnits.COUNTY_A.id() : FixedOrgUnits.COUNTY_B.id();
    }

    /** Professionals 1000–1249 serve county A, 1500–1749 county B; each one's volunteer is 250 above. */
    private static long professional(int i) {
        return (county(i) == FixedOrgUnits.COUNTY_A.id() ? 1000 : 1500) + (i / 2) % HELPERS;
    }
}
