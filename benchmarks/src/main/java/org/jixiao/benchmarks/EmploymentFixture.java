package org.jixiao.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.store.internal.DerbyStore;

/**
 * A city-sized year of the employment project on a real Derby store (durable commits, as shipped): a city with ten
 * counties and about 100,000 records across the work items' registers, loaded with plain batched INSERTs (the
 * services' rules are the unit tests' business; here only the shape and volume of the data matter). The project is
 * the real {@code EmploymentProject}, built through its DS constructor with the core's cipher and audit log.
 */
public final class EmploymentFixture implements AutoCloseable {

    public static final int YEAR = 2030;
    public static final int COUNTIES = 10;
    private static final int BATCH = 5_000;

    final Path dir;
    final DerbyStore store;
    final KeyProject project;
    final List<Long> countyIds = new ArrayList<>();
    /** The city and its counties: the units the city's home page computes for. */
    final List<Long> unitIds = new ArrayList<>();
    /** Rows loaded per table, in load order. */
    final Map<String, Long> rows = new LinkedHashMap<>();
    final long loadMillis;

    private final Random random = new Random(42);
    private final Timestamp now = new Timestamp(System.currentTimeMillis());

    private EmploymentFixture() {
        try {
            dir = Files.createTempDirectory("jixiao-emp-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (System.getProperty("derby.stream.error.file") == null) {
            // -Dderby.stream.error.file=… with -Dderby.language.logQueryPlan=true keeps the plans for reading.
            System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        }
        System.setProperty("jixiao.keys", dir.resolve("keys").toString());
        store = new DerbyStore(dir.resolve("db"), 4);
        Wiring wiring = new Wiring();
        wiring.put(Store.class, store);
        wiring.put(CoreSchema.class, new CoreSchema(store));
        OrgUnit root = store.inTransaction(c -> OrgUnitServiceImpl.insert(c, null, "city", "团市委", OrgLevel.CITY));
        Actor actor = new Actor(1, "bench", Set.of(Role.ADMIN), root, Locale.SIMPLIFIED_CHINESE);
        OrgUnitService orgUnits = wiring.get(OrgUnitService.class);
        unitIds.add(root.id());
        for (int i = 1; i <= COUNTIES; i++) {
            long id = orgUnits.create(actor, new OrgUnitDraft(root.id(), String.format("c%02d", i),
                    String.format("第%02d县团委", i), OrgLevel.COUNTY)).id();
            countyIds.add(id);
            unitIds.add(id);
        }
        wiring.put(AuditLog.class, (AuditLog) wiring.create("org.jixiao.core.internal.audit.AuditLogService"));
        wiring.put(FieldCipher.class, (FieldCipher) wiring.create("org.jixiao.core.internal.security.AesFieldCipher"));
        project = (KeyProject) wiring.create("org.jixiao.project.employment.internal.EmploymentProject");
        store.migrate(project.id(), migrations(project.getClass()));
        long t0 = System.nanoTime();
        load();
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    public static EmploymentFixture create() {
        return new EmploymentFixture();
    }

    public long records() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    // ---------------------------------------------------------------- the data

    /** Per county: how many rows of each register, chosen so that the city holds about 100,000 records. */
    static final int YOUTH = 4_000;
    static final int PROJECTS = 300;
    static final int MENTORS = 60;
    static final int ACTIVITIES_PER_MENTOR = 12;
    static final int BASES = 100;
    static final int POSITIONS = 100;
    static final int PLACEMENTS_PER_POSITION = 8;
    static final int SESSIONS = 20;
    static final int ATTENDEES_PER_SESSION = 50;
    static final int STUDENTS = 400;
    static final int EVENTS = 4;
    static final int INCUBATORS = 5;
    static final int RESIDENTS_PER_INCUBATOR = 40;
    static final int YBC_PROJECTS = 25;
    static final int OUTCOMES = 300;
    static final int LOANS = 500;
    static final int HOUSEHOLDS = 300;

    private void load() {
        long youthPerCounty = YOUTH;
        table("EMP_YOUTH", COUNTIES * YOUTH, "INSERT INTO EMP_YOUTH (ID, NAME, GENDER, BIRTH_YEAR, ID_CIPHER, ID_HASH,"
                + " ID_MASK, LIVE_ID_HASH, COUNTY_ID, EDUCATION, YOUTH_TYPE, NEEDS, REGISTERED_ON, PHONE, CREATED_AT,"
                + " CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    long id = i + 1;
                    String hash = String.format("%064x", id);
                    ps.setLong(1, id);
                    ps.setString(2, "青年" + id);
                    ps.setString(3, i % 2 == 0 ? "M" : "F");
                    ps.setInt(4, 1990 + (int) (i % 15));
                    ps.setString(5, "x".repeat(80));
                    ps.setString(6, hash);
                    ps.setString(7, "**************123X");
                    ps.setString(8, hash);
                    ps.setLong(9, county(i / youthPerCounty));
                    ps.setString(10, i % 3 == 0 ? "BACHELOR" : "SENIOR_HIGH");
                    // Four in five seek a job, one in five is an entrepreneur.
                    ps.setString(11, i % 5 == 0 ? "ENTREPRENEUR" : "JOB_SEEKING");
                    ps.setString(12, null);
                    ps.setDate(13, day(i));
                    ps.setString(14, null);
                    stamps(ps, 15);
                });
        table("EMP_PROJECT", COUNTIES * PROJECTS, "INSERT INTO EMP_PROJECT (ID, NAME, FOUNDER_ID, SECTOR, STAGE, SUPPORT,"
                + " COUNTY_ID, REGISTERED_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    int county = (int) (i / PROJECTS);
                    ps.setLong(1, i + 1);
                    ps.setString(2, "项目" + i);
                    ps.setLong(3, entrepreneur(county, i));
                    ps.setString(4, "SERVICES");
                    ps.setString(5, "STARTUP");
                    ps.setString(6, null);
                    ps.setLong(7, county(county));
                    ps.setDate(8, day(i));
                    stamps(ps, 9);
                });
        table("EMP_MENTOR", COUNTIES * MENTORS, "INSERT INTO EMP_MENTOR (ID, NAME, FIELD, EMPLOYER, COUNTY_ID,"
                + " APPOINTED_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "导师" + i);
                    ps.setString(3, "电商");
                    ps.setString(4, "人社局");
                    ps.setLong(5, county(i / MENTORS));
                    ps.setDate(6, Date.valueOf(LocalDate.of(YEAR - 1, 3, 1)));
                    stamps(ps, 7);
                });
        table("EMP_MENTOR_PAIRING", COUNTIES * MENTORS, "INSERT INTO EMP_MENTOR_PAIRING (MENTOR_ID, YOUTH_ID, PAIRED_ON,"
                + " CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?)",
                (ps, i) -> {
                    ps.setLong(1, i + 1);
                    ps.setLong(2, entrepreneur((int) (i / MENTORS), i));
                    ps.setDate(3, Date.valueOf(LocalDate.of(YEAR - 1, 4, 1)));
                    ps.setTimestamp(4, now);
                    ps.setLong(5, 1);
                });
        table("EMP_MENTOR_ACTIVITY", COUNTIES * MENTORS * ACTIVITIES_PER_MENTOR, "INSERT INTO EMP_MENTOR_ACTIVITY"
                + " (MENTOR_ID, YOUTH_ID, HELD_ON, CONTENT, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    long mentor = i / ACTIVITIES_PER_MENTOR;
                    ps.setLong(1, mentor + 1);
                    ps.setLong(2, entrepreneur((int) (mentor / MENTORS), mentor));
                    ps.setDate(3, day(i));
                    ps.setString(4, "指导");
                    ps.setTimestamp(5, now);
                    ps.setLong(6, 1);
                });
        loadInternships();
        loadTraining();
        loadPlatform();
        loadLoans();
    }

    /** Work items 7 and 8: micro-loans and credit demonstration households (this year's and last year's). */
    private void loadLoans() {
        table("EMP_LOAN", COUNTIES * LOANS, "INSERT INTO EMP_LOAN (COUNTY_ID, BORROWER_ID, BANK, AMOUNT, GRANTED_ON,"
                + " TERM_MONTHS, STATUS, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?)",
                (ps, i) -> {
                    int county = (int) (i / LOANS);
                    ps.setLong(1, county(county));
                    ps.setLong(2, entrepreneur(county, i));
                    ps.setString(3, "农商银行");
                    ps.setBigDecimal(4, BigDecimal.valueOf(50_000 + random.nextInt(50_000), 0).setScale(2));
                    ps.setDate(5, day(i));
                    ps.setInt(6, 24);
                    ps.setString(7, "DISBURSED");
                    stamps(ps, 8);
                });
        table("EMP_CREDIT_HOUSEHOLD", COUNTIES * HOUSEHOLDS, "INSERT INTO EMP_CREDIT_HOUSEHOLD (COUNTY_ID, HEAD_NAME,"
                + " VILLAGE, RATED_ON, RATING, LOAN_AMOUNT, LOAN_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    Date rated = day(i);
                    ps.setLong(1, county(i / HOUSEHOLDS));
                    ps.setString(2, "户主" + i);
                    ps.setString(3, "某村");
                    ps.setDate(4, rated);
                    ps.setString(5, "AA");
                    ps.setBigDecimal(6, BigDecimal.valueOf(20_000 + random.nextInt(20_000), 0).setScale(2));
                    ps.setDate(7, rated);
                    stamps(ps, 8);
                });
    }

    /** Work items 10 and 11 and the outcomes: incubators with residents, YBC stations and projects, outcomes. */
    private void loadPlatform() {
        table("EMP_INCUBATOR", COUNTIES * INCUBATORS, "INSERT INTO EMP_INCUBATOR (ID, NAME, ADDRESS, OPERATOR_NAME,"
                + " COUNTY_ID, OPENED_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "孵化基地" + i);
                    ps.setString(3, "园区" + i);
                    ps.setString(4, "团县委");
                    ps.setLong(5, county(i / INCUBATORS));
                    ps.setDate(6, Date.valueOf(LocalDate.of(YEAR - 1, 1, 10)));
                    stamps(ps, 7);
                });
        // Each project lives in at most one base: the county's first 200 projects, 40 to a base.
        table("EMP_INCUBATOR_RESIDENT", COUNTIES * INCUBATORS * RESIDENTS_PER_INCUBATOR, "INSERT INTO"
                + " EMP_INCUBATOR_RESIDENT (INCUBATOR_ID, PROJECT_ID, MOVED_IN_ON, CREATED_AT, CREATED_BY, UPDATED_AT,"
                + " UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    long base = i / RESIDENTS_PER_INCUBATOR;
                    int county = (int) (base / INCUBATORS);
                    ps.setLong(1, base + 1);
                    ps.setLong(2, (long) county * PROJECTS + i % (INCUBATORS * RESIDENTS_PER_INCUBATOR) + 1);
                    ps.setDate(3, day(i));
                    stamps(ps, 4);
                });
        table("EMP_YBC_STATION", COUNTIES, "INSERT INTO EMP_YBC_STATION (ID, NAME, COUNTY_ID, SET_UP_ON, ADDRESS, HEAD,"
                + " CONTACT, LIVE_COUNTY_ID, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "YBC服务站" + i);
                    ps.setLong(3, county(i));
                    ps.setDate(4, Date.valueOf(LocalDate.of(YEAR, 5, 20)));
                    ps.setString(5, "青年之家");
                    ps.setString(6, "站长");
                    ps.setString(7, "0571-0000000");
                    ps.setLong(8, county(i));
                    stamps(ps, 9);
                });
        table("EMP_YBC_PROJECT", COUNTIES * YBC_PROJECTS, "INSERT INTO EMP_YBC_PROJECT (PROJECT_ID, COUNTY_ID, DEMO_YEAR,"
                + " RECOGNISED_ON, LIVE_PROJECT_ID, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    int county = (int) (i / YBC_PROJECTS);
                    long project = (long) county * PROJECTS + i % YBC_PROJECTS + 1;
                    ps.setLong(1, project);
                    ps.setLong(2, county(county));
                    ps.setInt(3, YEAR);
                    ps.setDate(4, Date.valueOf(LocalDate.of(YEAR, 6, 1)));
                    ps.setLong(5, project);
                    stamps(ps, 6);
                });
        table("EMP_OUTCOME", COUNTIES * OUTCOMES, "INSERT INTO EMP_OUTCOME (YOUTH_ID, COUNTY_ID, EMPLOYER, OUTCOME_YEAR,"
                + " EMPLOYED_ON, CHANNEL, LIVE_YOUTH_ID, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    int county = (int) (i / OUTCOMES);
                    long youth = youth(county, i * 3);
                    ps.setLong(1, youth);
                    ps.setLong(2, county(county));
                    ps.setString(3, "企业" + i);
                    ps.setInt(4, YEAR);
                    ps.setDate(5, Date.valueOf(LocalDate.of(YEAR, 1, 1).plusDays(i % 300)));
                    ps.setString(6, "INTERNSHIP");
                    ps.setLong(7, youth);
                    stamps(ps, 8);
                });
    }

    /** Work items 4 and 12: training sessions with their attendees; hometown students, events and participants. */
    private void loadTraining() {
        table("EMP_TRAINING_SESSION", COUNTIES * SESSIONS, "INSERT INTO EMP_TRAINING_SESSION (ID, COUNTY_ID, HELD_ON,"
                + " TOPIC, CATEGORY, PARTNER, PLACE, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    ps.setLong(1, i + 1);
                    ps.setLong(2, county(i / SESSIONS));
                    ps.setDate(3, day(i * 17 + 1));
                    ps.setString(4, "电商培训" + i);
                    ps.setString(5, "SKILLS");
                    ps.setString(6, "人社局");
                    ps.setString(7, "青年之家");
                    stamps(ps, 8);
                });
        table("EMP_TRAINING_ATTENDEE", COUNTIES * SESSIONS * ATTENDEES_PER_SESSION, "INSERT INTO EMP_TRAINING_ATTENDEE"
                + " (SESSION_ID, YOUTH_ID, COUNTY_ID, HELD_ON, LIVE_KEY, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    long session = i / ATTENDEES_PER_SESSION;
                    int county = (int) (session / SESSIONS);
                    long youth = youth(county, i);
                    ps.setLong(1, session + 1);
                    ps.setLong(2, youth);
                    ps.setLong(3, county(county));
                    ps.setDate(4, day(session * 17 + 1));
                    ps.setString(5, (session + 1) + ":" + youth);
                    stamps(ps, 6);
                });
        table("EMP_HOMETOWN_STUDENT", COUNTIES * STUDENTS, "INSERT INTO EMP_HOMETOWN_STUDENT (ID, NAME, UNIVERSITY,"
                + " COUNTY_ID, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "学生" + i);
                    ps.setString(3, "某大学");
                    ps.setLong(4, county(i / STUDENTS));
                    stamps(ps, 5);
                });
        table("EMP_HOMETOWN_EVENT", COUNTIES * EVENTS, "INSERT INTO EMP_HOMETOWN_EVENT (ID, COUNTY_ID, HELD_ON, TITLE,"
                + " PLACE, ORGANISER, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    ps.setLong(1, i + 1);
                    ps.setLong(2, county(i / EVENTS));
                    ps.setDate(3, Date.valueOf(LocalDate.of(YEAR, 8, 10 + (int) (i % EVENTS))));
                    ps.setString(4, "千名学子看家乡");
                    ps.setString(5, "县城");
                    ps.setString(6, "团县委");
                    stamps(ps, 7);
                });
        // Each student joins two of the county's four events.
        table("EMP_HOMETOWN_PARTICIPANT", COUNTIES * STUDENTS * 2, "INSERT INTO EMP_HOMETOWN_PARTICIPANT (EVENT_ID,"
                + " STUDENT_ID, COUNTY_ID, HELD_ON, LIVE_KEY, CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    long student = i / 2;
                    int county = (int) (student / STUDENTS);
                    long event = (long) county * EVENTS + (student + i % 2) % EVENTS;
                    ps.setLong(1, event + 1);
                    ps.setLong(2, student + 1);
                    ps.setLong(3, county(county));
                    ps.setDate(4, Date.valueOf(LocalDate.of(YEAR, 8, 10 + (int) (event % EVENTS))));
                    ps.setString(5, (event + 1) + ":" + (student + 1));
                    ps.setTimestamp(6, now);
                    ps.setLong(7, 1);
                });
    }

    /** Work items 5 and 6: internship bases, positions and their placements. */
    private void loadInternships() {
        table("EMP_INTERNSHIP_BASE", COUNTIES * BASES, "INSERT INTO EMP_INTERNSHIP_BASE (ID, NAME, SECTOR, ADDRESS,"
                + " CONTACT, CAPACITY, COUNTY_ID, ESTABLISHED_ON, ENTERED_ON, CLOSED_ON, CREATED_AT, CREATED_BY,"
                + " UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    ps.setLong(1, i + 1);
                    ps.setString(2, "基地" + i);
                    ps.setString(3, "SERVICES");
                    ps.setString(4, "某路" + i + "号");
                    ps.setString(5, "张老师");
                    ps.setInt(6, 20);
                    ps.setLong(7, county(i / BASES));
                    ps.setDate(8, Date.valueOf(LocalDate.of(YEAR - 1, 3, 1)));
                    // Four in five entered into the provincial system, one in twenty closed.
                    ps.setDate(9, i % 5 == 0 ? null : Date.valueOf(LocalDate.of(YEAR - 1, 4, 1)));
                    ps.setDate(10, i % 20 == 0 ? Date.valueOf(LocalDate.of(YEAR, 2, 1)) : null);
                    stamps(ps, 11);
                });
        table("EMP_INTERNSHIP_POSITION", COUNTIES * POSITIONS, "INSERT INTO EMP_INTERNSHIP_POSITION (ID, COUNTY_ID,"
                + " EMPLOYER, POST, GM_ASSISTANT, BASE_ID, PLACES, PLAN_YEAR, STARTS_ON, ENDS_ON, CREATED_AT, CREATED_BY,"
                + " UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    ps.setLong(1, i + 1);
                    ps.setLong(2, county(i / POSITIONS));
                    ps.setString(3, "企业" + i);
                    ps.setString(4, i % 2 == 0 ? "总经理助理" : "文员");
                    ps.setInt(5, i % 2 == 0 ? 1 : 0);
                    ps.setLong(6, i + 1);
                    ps.setInt(7, PLACEMENTS_PER_POSITION);
                    ps.setInt(8, YEAR);
                    ps.setDate(9, Date.valueOf(LocalDate.of(YEAR, 7, 1)));
                    ps.setDate(10, Date.valueOf(LocalDate.of(YEAR, 12, 31)));
                    stamps(ps, 11);
                });
        table("EMP_INTERNSHIP_PLACEMENT", COUNTIES * POSITIONS * PLACEMENTS_PER_POSITION, "INSERT INTO"
                + " EMP_INTERNSHIP_PLACEMENT (POSITION_ID, YOUTH_ID, COUNTY_ID, PLAN_YEAR, GM_ASSISTANT, STARTS_ON,"
                + " ENDS_ON, OUTCOME, CONVERTED_EMPLOYER, CONVERTED_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, i) -> {
                    long position = i / PLACEMENTS_PER_POSITION;
                    int county = (int) (position / POSITIONS);
                    boolean converted = i % 7 == 0;
                    ps.setLong(1, position + 1);
                    ps.setLong(2, youth(county, i));
                    ps.setLong(3, county(county));
                    ps.setInt(4, YEAR);
                    ps.setInt(5, position % 2 == 0 ? 1 : 0);
                    ps.setDate(6, Date.valueOf(LocalDate.of(YEAR, 7, 1)));
                    ps.setDate(7, null);
                    ps.setString(8, converted ? "CONVERTED" : "IN_PROGRESS");
                    ps.setString(9, converted ? "企业" + position : null);
                    ps.setDate(10, converted ? Date.valueOf(LocalDate.of(YEAR, 9, 1)) : null);
                    stamps(ps, 11);
                });
    }

    /** A youth of the county, the n-th modulo the county's records. */
    private static long youth(int county, long n) {
        return (long) county * YOUTH + n % YOUTH + 1;
    }

    /** The id of the n-th county (0-based). */
    private long county(long n) {
        return countyIds.get((int) n);
    }

    /** An entrepreneur youth of the county: every fifth youth record is one. */
    private long entrepreneur(int county, long n) {
        return (long) county * YOUTH + (n % (YOUTH / 5)) * 5 + 1;
    }

    /** A day of the year spread over the record number; one in ten in the year before. */
    private Date day(long n) {
        return n % 10 == 0 ? Date.valueOf(LocalDate.of(YEAR - 1, 6, 1))
                : Date.valueOf(LocalDate.of(YEAR, 1, 1).plusDays(n % 365));
    }

    /** CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY from {@code first}. */
    private void stamps(PreparedStatement ps, int first) throws SQLException {
        ps.setTimestamp(first, now);
        ps.setLong(first + 1, 1);
        ps.setTimestamp(first + 2, now);
        ps.setLong(first + 3, 1);
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps, long i) throws SQLException;
    }

    /** {@code count} rows into {@code table}, in batches of {@link #BATCH}, one transaction each. */
    private void table(String table, long count, String sql, Binder binder) {
        for (long from = 0; from < count; from += BATCH) {
            long start = from;
            long end = Math.min(count, from + BATCH);
            store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (long i = start; i < end; i++) {
                        binder.bind(ps, i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
        rows.merge(table, count, Long::sum);
    }

    // ---------------------------------------------------------------- set-up

    /** The project bundle's {@code db/migration/V*.sql}, read from its jar (or classes folder) in version order. */
    static List<Migration> migrations(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Migration> out = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve("db/migration"))) {
                    for (Path f : files.toList()) {
                        out.add(Migration.fromFile(f.getFileName().toString(), Files.readString(f)));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (var e : jar.stream().filter(e -> e.getName().matches("db/migration/V\\d+__.+\\.sql")).toList()) {
                        try (InputStream in = jar.getInputStream(e)) {
                            out.add(Migration.fromFile(e.getName().substring("db/migration/".length()),
                                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
            out.sort(Comparator.comparingInt(Migration::version));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        store.close();
        Fixture.delete(dir);
    }
}
