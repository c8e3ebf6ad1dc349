package org.jixiao.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.jixiao.api.ValidationException;
import org.jixiao.api.web.Upload;
import org.jixiao.register.internal.ImportAccess;
import org.jixiao.register.internal.Transfer;
import org.jixiao.register.internal.sheet.Cell;
import org.jixiao.register.internal.sheet.Column;
import org.jixiao.register.internal.sheet.Limits;
import org.jixiao.register.internal.sheet.Sheet;
import org.jixiao.register.internal.sheet.SheetReader;
import org.jixiao.register.internal.sheet.SheetSpec;
import org.jixiao.register.internal.sheet.SheetWriter;

/**
 * The import: 10,000 youth of the employment project's youth register as .xlsx, 50 of them bad in ten
 * different ways, through the register engine's import (check, error report, confirmed write) on a real Derby database
 * on disk, then an export of the 10,000. Each run starts from an empty database; every phase is timed (wall, CPU of
 * the JVM, GC, peak heap) and its outcome checked: the check must report exactly the 50 bad rows and write nothing,
 * the fixed file must write 10,000 records, the same people again must be flagged as duplicates and not doubled.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar org.jixiao.benchmarks.ImportBenchmark          # 3 runs
 * java -Druns=1 -Dprobe=true -cp benchmarks/target/benchmarks.jar org.jixiao.benchmarks.ImportBenchmark
 * </pre>
 *
 * Run from the repository's root: the headers and labels are the real messages, read from the source tree.
 */
public final class ImportBenchmark {

    static final int ROWS = Integer.getInteger("rows", 10_000);
    static final int RUNS = Integer.getInteger("runs", 3);
    /** Another county's clerk creating one youth record a second while the write runs, to see what they wait. */
    static final boolean PROBE = Boolean.getBoolean("probe");
    static final int BAD_ROWS = 50;
    static final int AGAIN = 500;
    static final LocalDate FIRST_REGISTRATION = LocalDate.of(2025, 1, 2);

    /** The ten kinds of bad row, five of each, and the column the report must name. */
    enum Bad {
        CHECK_DIGIT("idNumber"), NO_NAME("name"), UNKNOWN_CHOICE("education"), NO_SUCH_DATE("registeredOn"),
        SAME_ID_AS_ROW_ABOVE("idNumber"), GENDER_NOT_THE_ID("gender"), NO_TYPE("type"),
        SHORT_PHONE("phone"), UNKNOWN_UNIT("unit"), TOO_YOUNG("idNumber");

        final String field;

        Bad(String field) {
            this.field = field;
        }
    }

    /** The youth register's import columns, in the template's order (checked against the template). */
    static final List<String> FIELDS = List.of("unit", "name", "gender", "idNumber", "education", "type",
            "needs", "needCategories", "registeredOn", "phone");
    private static final String[] REGIONS = {"110105", "310104", "320106", "330106", "420106", "440305", "510107",
        "610113"};
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
    private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英".split("");
    private static final String[] EDUCATION = {"JUNIOR_HIGH_OR_BELOW", "SENIOR_HIGH", "VOCATIONAL", "JUNIOR_COLLEGE",
        "BACHELOR", "MASTER_OR_ABOVE"};
    private static final String[] NEEDS = {"TRAINING", "INTERNSHIP", "JOB_REFERRAL", "LOAN", "MENTOR", "INCUBATION"};

    private ImportBenchmark() {
    }

    /** One person of the file, valid. */
    record Person(String name, String gender, LocalDate birth, String id, String education, String type, String needs,
            List<String> needCategories, LocalDate registeredOn, String phone) {
    }

    /** What a phase cost. */
    record Cost(long wallMs, long cpuMs, long gcMs, long heapPeakMb) {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("repo", ".")).toAbsolutePath().normalize();
        Function<String, String> msg = ImportFixture.messages(repo);
        List<Person> people = people(ROWS);
        Map<Integer, Bad> bad = badRows(ROWS);
        System.out.printf("%,d rows, %d bad (%s), %d runs, -Xmx %,d MB, %d cores, load %s%n", ROWS, bad.size(),
                bad.values().stream().distinct().count() + " kinds", RUNS,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                RegisterDashboard.load());
        List<Map<String, Cost>> runs = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Path dir = RegisterFixture.baseDir().resolveSibling("import-bench").resolve("run");
            try (ImportFixture f = new ImportFixture(dir)) {
                System.out.printf("%n== run %d (load %s)%n", run, RegisterDashboard.load());
                runs.add(run(f, msg, people, bad));
            }
        }
        System.out.printf("%n== summary: wall ms per run (CPU ms of the JVM in brackets), load %s%n",
                RegisterDashboard.load());
        for (String phase : runs.get(0).keySet()) {
            StringBuilder line = new StringBuilder(String.format("%-28s", phase));
            for (Map<String, Cost> r : runs) {
                Cost c = r.get(phase);
                line.append(String.format(" %,9d (%,7d)", c.wallMs(), c.cpuMs()));
            }
            System.out.println(line);
        }
    }

    static Map<String, Cost> run(ImportFixture f, Function<String, String> msg, List<Person> people,
            Map<Integer, Bad> bad) throws Exception {
        Transfer transfer = ImportAccess.transfer(f.engine);
        Map<String, Cost> costs = new LinkedHashMap<>();
        List<String> headers = templateHeaders(f, msg);
        byte[] badFile = file(headers, f, msg, people, bad);
        byte[] goodFile = file(headers, f, msg, people, Map.of());
        System.out.printf("files: %,d bytes with the bad rows, %,d fixed%n", badFile.length, goodFile.length);

        // 1. The file with 50 bad rows: exactly those reported, nothing written.
        Transfer.Job checked = measure("check, 50 bad rows", costs,
                () -> await(transfer.start(f.staff, f.project, ImportFixture.REGISTER,
                        new Upload("青年.xlsx", null, badFile), msg), Transfer.Phase.CHECKED));
        Set<Integer> reported = new TreeSet<>();
        checked.problems().forEach(p -> reported.add(p.row()));
        Set<Integer> expected = new TreeSet<>();
        bad.keySet().forEach(i -> expected.add(i + 2));
        require(reported.equals(expected), "reported rows " + reported + ", expected " + expected);
        for (Transfer.Problem p : checked.problems()) {
            Bad kind = bad.get(p.row() - 2);
            require(p.column() == FIELDS.indexOf(kind.field), "row " + p.row() + " (" + kind + "): "
                    + Transfer.describe(checked, p, msg));
        }
        require(checked.valid() == ROWS - BAD_ROWS, "valid " + checked.valid());
        require(checked.duplicates() == BAD_ROWS / Bad.values().length, "duplicates " + checked.duplicates());
        requireNothingWritten(f);
        System.out.printf("check: %d problems on exactly the %d bad rows, %,d valid, %d duplicates; nothing "
                + "written%n", checked.problems().size(), reported.size(), checked.valid(), checked.duplicates());
        for (Bad kind : Bad.values()) {
            Transfer.Problem p = checked.problems().stream().filter(x -> bad.get(x.row() - 2) == kind).findFirst()
                    .orElseThrow();
            System.out.printf("  %-20s row %5d  %s%n", kind, p.row(), Transfer.describe(checked, p, msg));
        }

        // 2. The report to download: the file again with the bad cells marked and a column of reasons.
        byte[] report = measure("error report (.xlsx)", costs, () -> transfer.errorReport(checked, msg));
        Sheet back = SheetReader.read(new ByteArrayInputStream(report), "report.xlsx", Limits.DEFAULT);
        long explained = back.rows().stream().filter(r -> !r.cell(FIELDS.size()).isBlank()).count();
        require(back.rows().size() == ROWS && explained == BAD_ROWS, "report rows " + back.rows().size()
                + ", explained " + explained);
        System.out.printf("error report: %,d bytes, %,d rows, %d explained%n", report.length, back.rows().size(),
                explained);

        // 3. The fixed file: checked clean, then written on confirmation.
        Transfer.Job fixed = measure("check, fixed file", costs,
                () -> await(transfer.start(f.staff, f.project, ImportFixture.REGISTER,
                        new Upload("青年.xlsx", null, goodFile), msg), Transfer.Phase.CHECKED));
        require(fixed.problems().isEmpty() && fixed.valid() == ROWS, "fixed: " + fixed.problems().size()
                + " problems, valid " + fixed.valid());
        requireNothingWritten(f);
        Probe probe = PROBE ? new Probe(f) : null;
        Transfer.Job written = measure("write (confirmed)", costs,
                () -> await(transfer.confirm(f.staff, fixed.id()), Transfer.Phase.WRITTEN));
        if (probe != null) {
            probe.stop();
        }
        long records = f.count("SELECT COUNT(*) FROM EMP_YOUTH WHERE DELETED_AT IS NULL AND COUNTY_ID = "
                + f.county.id());
        Map<String, BigDecimal> totals = f.engine.actualsAsOf(f.project, List.of(f.county.id()),
                FIRST_REGISTRATION.getYear(), LocalDate.of(FIRST_REGISTRATION.getYear(), 12, 31)).get(f.county.id());
        BigDecimal counted = totals.get("youth.jobseekers").add(totals.get("youth.entrepreneurs"));
        require(written.written() == ROWS && records == ROWS && counted.intValueExact() == ROWS,
                "written " + written.written() + ", records " + records + ", counted " + counted);
        System.out.printf("written: %,d records, %,d need rows, %,d history rows, indicators %s%n", records,
                f.count("SELECT COUNT(*) FROM EMP_YOUTH_NEED"), f.count("SELECT COUNT(*) FROM REG_HISTORY"),
                totals.entrySet().stream().filter(e -> e.getKey().startsWith("youth.")).toList());

        // 4. The same people again: every one a duplicate, nothing doubled.
        byte[] againFile = file(headers, f, msg, people.subList(0, AGAIN), Map.of());
        Transfer.Job again = measure("check, " + AGAIN + " already there", costs,
                () -> await(transfer.start(f.staff, f.project, ImportFixture.REGISTER,
                        new Upload("again.xlsx", null, againFile), msg), Transfer.Phase.CHECKED));
        require(again.duplicates() == AGAIN && again.valid() == 0, "again: duplicates " + again.duplicates()
                + ", valid " + again.valid());
        expectRefused(() -> transfer.confirm(f.staff, again.id()));
        require(f.count("SELECT COUNT(*) FROM EMP_YOUTH") == ROWS, "doubled");
        System.out.printf("again: %d of %d flagged as duplicates, none written%n", again.duplicates(), AGAIN);

        // 5. The export of the 10,000, as the list page's buttons give it.
        byte[] xlsx = measure("export (.xlsx)", costs,
                () -> ImportAccess.export(f.engine, f.staff, f.project, ImportFixture.REGISTER, false, msg));
        Sheet exported = SheetReader.read(new ByteArrayInputStream(xlsx), "export.xlsx", Limits.DEFAULT);
        require(exported.rows().size() == ROWS, "exported " + exported.rows().size());
        byte[] csv = measure("export (.csv)", costs,
                () -> ImportAccess.export(f.engine, f.staff, f.project, ImportFixture.REGISTER, true, msg));
        System.out.printf("export: .xlsx %,d bytes, %,d rows; .csv %,d bytes%n", xlsx.length, exported.rows().size(),
                csv.length);
        if (probe != null) {
            probe.report();
        }
        return costs;
    }

    // ---------------------------------------------------------------- the files

    /** The people of the file: distinct valid resident ID numbers whose birth date and sex the row states. */
    static List<Person> people(int rows) {
        Set<String> ids = new HashSet<>();
        List<Person> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            LocalDate birth = LocalDate.of(1985 + (i * 7) % 21, 1 + (i * 5) % 12, 1 + (i * 11) % 28);
            boolean male = i % 2 == 0;
            String id = idNumber(REGIONS[i % REGIONS.length], birth, male, i, ids);
            List<String> needs = new ArrayList<>();
            for (int n = 0; n < NEEDS.length; n++) {
                if ((i >> n & 1) == 1 && needs.size() < 3) {
                    needs.add(NEEDS[n]);
                }
            }
            out.add(new Person(SURNAMES[i % SURNAMES.length] + GIVEN[(i / 7) % GIVEN.length]
                    + (i % 3 == 0 ? "" : GIVEN[(i / 3) % GIVEN.length]), male ? "M" : "F", birth, id,
                    EDUCATION[i % EDUCATION.length], i % 4 == 0 ? "ENTREPRENEUR" : "JOB_SEEKING",
                    i % 5 == 0 ? "希望参加电商直播技能培训，并了解创业担保贷款政策" : "", needs,
                    FIRST_REGISTRATION.plusDays(i % 300), String.format("13%09d", 100_000_000L + i)));
        }
        return out;
    }

    /** A GB 11643 number of that region, birth date and sex, not among {@code taken}. */
    static String idNumber(String region, LocalDate birth, boolean male, int seed, Set<String> taken) {
        for (int sequence = (seed * 37) % 500 * 2 + (male ? 1 : 0);; sequence = (sequence + 2) % 1000) {
            String body = region + birth.toString().replace("-", "") + String.format("%03d", sequence);
            String id = body + checkCharacter(body);
            if (taken.add(id)) {
                return id;
            }
        }
    }

    static char checkCharacter(String body) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** 50 rows spread over the file, the ten kinds in turn. */
    static Map<Integer, Bad> badRows(int rows) {
        Map<Integer, Bad> out = new LinkedHashMap<>();
        int step = rows / BAD_ROWS;
        for (int k = 0; k < BAD_ROWS; k++) {
            out.put(step / 2 + k * step, Bad.values()[k % Bad.values().length]);
        }
        return out;
    }

    /** The template's headers, which a clerk's file keeps. */
    static List<String> templateHeaders(ImportFixture f, Function<String, String> msg) throws IOException {
        byte[] template = ImportAccess.template(f.engine, f.staff, f.project, ImportFixture.REGISTER, msg);
        List<String> headers = SheetReader.read(new ByteArrayInputStream(template), "t.xlsx", Limits.DEFAULT)
                .header().cells();
        require(headers.size() == FIELDS.size(), "template headers " + headers);
        return headers;
    }

    /** The template filled in: dates as date cells, choices by their Chinese labels; {@code bad} rows spoilt. */
    static byte[] file(List<String> headers, ImportFixture f, Function<String, String> msg, List<Person> people,
            Map<Integer, Bad> bad) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Set<String> taken = new HashSet<>();
        people.forEach(p -> taken.add(p.id()));
        try (SheetWriter w = new SheetWriter(out)) {
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < headers.size(); c++) {
                boolean date = FIELDS.get(c).equals("registeredOn");
                columns.add(Column.of(headers.get(c), date ? Cell.Kind.DATE : Cell.Kind.TEXT));
            }
            w.startSheet(SheetSpec.of(SheetWriter.safeSheetName(msg.apply("youth.title")), columns));
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                Bad kind = bad.get(i);
                if (kind == Bad.SAME_ID_AS_ROW_ABOVE) {
                    Person above = people.get(i - 1);
                    p = new Person(p.name(), above.gender(), above.birth(), above.id(), p.education(), p.type(),
                            p.needs(), p.needCategories(), p.registeredOn(), p.phone());
                } else if (kind == Bad.TOO_YOUNG) {
                    LocalDate birth = p.registeredOn().minusYears(13);
                    p = new Person(p.name(), p.gender(), birth, idNumber(REGIONS[0], birth, p.gender().equals("M"), i,
                            taken), p.education(), p.type(), p.needs(), p.needCategories(), p.registeredOn(),
                            p.phone());
                }
                String prefix = "youth.";
                String id = kind == Bad.CHECK_DIGIT ? p.id().substring(0, 17)
                        + (checkCharacter(p.id().substring(0, 17)) == '0' ? '1' : '0') : p.id();
                String gender = kind == Bad.GENDER_NOT_THE_ID ? (p.gender().equals("M") ? "F" : "M") : p.gender();
                w.row(List.of(
                        Cell.text(kind == Bad.UNKNOWN_UNIT ? "不存在县团委" : f.county.name()),
                        Cell.text(kind == Bad.NO_NAME ? "" : p.name()),
                        Cell.text(msg.apply(prefix + "gender." + gender)),
                        Cell.text(id),
                        Cell.text(kind == Bad.UNKNOWN_CHOICE ? "博士后" : msg.apply(prefix + "education."
                                + p.education())),
                        Cell.text(kind == Bad.NO_TYPE ? "" : msg.apply(prefix + "type." + p.type())),
                        Cell.text(p.needs()),
                        Cell.text(String.join("、", p.needCategories().stream()
                                .map(n -> msg.apply(prefix + "needCategories." + n)).toList())),
                        kind == Bad.NO_SUCH_DATE ? Cell.text("2025-02-30") : Cell.date(p.registeredOn()),
                        Cell.text(kind == Bad.SHORT_PHONE ? p.phone().substring(0, 10) : p.phone())));
            }
            w.finish();
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- measuring

    /** Waits for the job's running phase to end, sampling its progress as the page's bar does. */
    static Transfer.Job await(Transfer.Job job, Transfer.Phase expected) throws InterruptedException {
        Set<Integer> seen = new TreeSet<>();
        while (job.phase() == Transfer.Phase.CHECKING || job.phase() == Transfer.Phase.WRITING) {
            seen.add(job.done());
            Thread.sleep(50);
        }
        require(job.phase() == expected, "job ended " + job.phase() + " " + job.problems().stream().limit(5).toList());
        System.out.printf("  (progress bar: %d distinct positions seen, every 50 ms)%n", seen.size());
        return job;
    }

    static <T> T measure(String phase, Map<String, Cost> costs, Callable<T> work) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gc0 = gcMillis();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        T result = work.call();
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        Cost c = new Cost(wall, cpu, gcMillis() - gc0, peak);
        costs.put(phase, c);
        System.out.printf("%-28s %,8d ms wall, %,8d ms CPU, GC %,6d ms, heap peak %,5d MB (load %s)%n", phase,
                c.wallMs(), c.cpuMs(), c.gcMs(), c.heapPeakMb(), RegisterDashboard.load());
        return result;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void requireNothingWritten(ImportFixture f) {
        for (String table : List.of("EMP_YOUTH", "EMP_YOUTH_NEED", "REG_HISTORY", "REG_TOTAL", "REG_TOTAL_KEY")) {
            long n = f.count("SELECT COUNT(*) FROM " + table);
            require(n == 0, table + " has " + n + " rows after a check");
        }
        long audited = f.count("SELECT COUNT(*) FROM JX_AUDIT WHERE ACTION LIKE 'youth.%'");
        require(audited == 0, audited + " audit lines after a check");
    }

    private static void expectRefused(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return;
        }
        throw new IllegalStateException("a confirmation of nothing valid was accepted");
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    /** Another county's clerk registering one youth a second (a fresh ID number each) while the import writes. */
    private static final class Probe {
        private final List<long[]> calls = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();
        private final Thread thread;
        private volatile boolean stop;

        Probe(ImportFixture f) {
            Set<String> taken = new HashSet<>();
            thread = new Thread(() -> {
                for (int i = 0; !stop; i++) {
                    LocalDate birth = LocalDate.of(1990, 1, 1).plusDays(i);
                    Map<String, Object> input = Map.of("name", "探针" + i, "gender", "M",
                            "idNumber", idNumber("130102", birth, true, i, taken), "education", "BACHELOR",
                            "type", "JOB_SEEKING", "registeredOn", "2025-06-01");
                    long t0 = System.nanoTime();
                    try {
                        f.engine.create(f.otherStaff, f.project, ImportFixture.REGISTER, input);
                        synchronized (calls) {
                            calls.add(new long[] {t0, System.nanoTime() - t0});
                        }
                    } catch (RuntimeException e) {
                        synchronized (calls) {
                            failures.add(e.getClass().getSimpleName() + ": " + e.getMessage() + " after "
                                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
                        }
                    }
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "probe");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.interrupt();
            thread.join();
        }

        void report() {
            long[] ms = calls.stream().mapToLong(c -> c[1] / 1_000_000).sorted().toArray();
            System.out.printf("probe: another county's clerk created %d records during the write, %d failed; "
                    + "ms each: %s%n", ms.length, failures.size(), java.util.Arrays.toString(ms));
            failures.forEach(x -> System.out.println("  failed: " + x));
        }
    }
}
