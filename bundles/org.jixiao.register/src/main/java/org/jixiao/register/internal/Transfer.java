package org.jixiao.register.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Page;
import org.jixiao.api.ResidentIdNumber;
import org.jixiao.api.ValidationException;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.Upload;
import org.jixiao.register.internal.sheet.Cell;
import org.jixiao.register.internal.sheet.Column;
import org.jixiao.register.internal.sheet.CsvWriter;
import org.jixiao.register.internal.sheet.DropDown;
import org.jixiao.register.internal.sheet.Limits;
import org.jixiao.register.internal.sheet.RowWriter;
import org.jixiao.register.internal.sheet.Sheet;
import org.jixiao.register.internal.sheet.SheetException;
import org.jixiao.register.internal.sheet.SheetReader;
import org.jixiao.register.internal.sheet.SheetRow;
import org.jixiao.register.internal.sheet.SheetSpec;
import org.jixiao.register.internal.sheet.SheetWriter;

/**
 * Import and export of a register's records as .xlsx or .csv, with the same rules as its forms. An import is checked
 * row by row first, in a transaction that is rolled back, so the report lists every bad row and cell and nothing is
 * written; once the user confirms, every valid row is written in one transaction, or none. Long files run in the
 * background while the page shows their progress.
 */
public final class Transfer {

    /** The most data rows a file may hold. */
    public static final int MAX_ROWS = 20_000;
    /** The most records an export holds. */
    public static final int MAX_EXPORT = 100_000;
    static final String UNIT_HEADER = "register.unit";
    private static final Duration KEEP = Duration.ofHours(2);
    /** Rows a check goes through per transaction (see {@link #run}). */
    static final int CHECK_ROWS = 500;

    public enum Phase { CHECKING, CHECKED, WRITING, WRITTEN, FAILED }

    /**
     * One thing wrong: in a data row (its spreadsheet row number) and column (0-based, -1 for the whole row), or in
     * the file (row 0). {@code key} is a message key the page translates; {@code arg} fills its placeholder.
     */
    public record Problem(int row, int column, String key, String arg) {
    }

    /** What a column of the file holds. */
    record Col(String field, String header) {
    }

    /** An import in progress or done: only its owner sees or confirms it. */
    public static final class Job {
        private final String id = UUID.randomUUID().toString();
        private final long owner;
        private final KeyProject project;
        private final RegisterDefinition def;
        private final Sheet sheet;
        private final List<Col> columns;
        private final Map<String, Map<String, String>> labels;
        private final Instant created = Instant.now();
        private volatile Phase phase = Phase.CHECKING;
        private volatile int done;
        private volatile List<Problem> problems = List.of();
        private volatile int valid;
        private volatile int duplicates;
        private volatile int written;
        /** The rows the check found wrong: a confirmation skips them and writes the others. */
        private volatile java.util.Set<Integer> refused = java.util.Set.of();

        Job(long owner, KeyProject project, RegisterDefinition def, Sheet sheet, List<Col> columns,
                Map<String, Map<String, String>> labels) {
            this.owner = owner;
            this.project = project;
            this.def = def;
            this.sheet = sheet;
            this.columns = columns;
            this.labels = labels;
        }

        public String id() {
            return id;
        }

        public String register() {
            return def.id();
        }

        public Phase phase() {
            return phase;
        }

        /** Rows looked at so far in the running phase. */
        public int done() {
            return done;
        }

        public int rows() {
            return sheet == null ? 0 : sheet.rows().size();
        }

        public List<Problem> problems() {
            return problems;
        }

        /** Rows without a problem: what a confirmation writes. */
        public int valid() {
            return valid;
        }

        /** Rows refused because their key (an ID number…) is already registered or repeats in the file. */
        public int duplicates() {
            return duplicates;
        }

        public int written() {
            return written;
        }

        public List<String> headers() {
            return columns.stream().map(Col::header).toList();
        }
    }

    private final RegisterEngine engine;
    private final Store store;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** One import at a time: each holds a transaction over thousands of rows, and the node has two cores. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "register-import");
        t.setDaemon(true);
        return t;
    });

    Transfer(RegisterEngine engine, Store store) {
        this.engine = engine;
        this.store = store;
    }

    void close() {
        worker.shutdownNow();
    }

    // ---------------------------------------------------------------- columns

    /** The columns of the register's files: its unit (unless a child's), its parent, then its editable fields. */
    List<Col> columns(RegisterDefinition def, ProjectModel model, Function<String, String> msg) {
        List<Col> out = new ArrayList<>();
        if (def.parent() != null) {
            RegisterDefinition parent = model.register(def.parent());
            out.add(new Col("parent", msg.apply(parent.messagePrefix() + ".title")));
        } else {
            out.add(new Col("unit", msg.apply(UNIT_HEADER)));
        }
        for (Field f : def.fields()) {
            if (!f.has(Field.Flag.READ_ONLY) && f.type() != FieldType.FILE) {
                out.add(new Col(f.name(), msg.apply(def.messagePrefix() + ".field." + f.name())));
            }
        }
        return out;
    }

    /** Each choice field's codes with their labels in the reader's language; booleans as 是/否. */
    private static Map<String, Map<String, String>> labels(RegisterDefinition def, Function<String, String> msg) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Field f : def.fields()) {
            if (f.type() == FieldType.CHOICE || f.type() == FieldType.MULTI_CHOICE) {
                Map<String, String> m = new LinkedHashMap<>();
                f.choices().forEach(c -> m.put(c, msg.apply(def.messagePrefix() + "." + f.name() + "." + c)));
                out.put(f.name(), m);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- template

    /**
     * An empty .xlsx to fill: the headers as the reader reads them (required ones marked *), drop-downs of the choices
     * and units, and a sheet explaining each column with an example.
     */
    byte[] template(Actor actor, KeyProject project, String register, Function<String, String> msg)
            throws IOException {
        ProjectModel model = engine.model(project);
        RegisterDefinition def = model.register(register);
        engine.requireWriter(actor, def);
        List<Col> cols = columns(def, model, msg);
        Map<String, Map<String, String>> labels = labels(def, msg);
        String listSheet = SheetWriter.safeSheetName(msg.apply("register.import.listsSheet"));
        List<List<String>> lists = new ArrayList<>();
        List<DropDown> dropDowns = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Col col = cols.get(i);
            Field f = def.field(col.field()).orElse(null);
            boolean required = f == null ? col.field().equals("parent") : f.mandatory();
            columns.add(Column.of(col.header() + (required ? " *" : ""),
                    f != null && f.type() == FieldType.DATE ? Cell.Kind.DATE : Cell.Kind.TEXT));
            List<String> choices = f == null
                    ? col.field().equals("unit") ? engine.units(actor).stream().map(OrgUnit::name).toList() : List.of()
                    : f.type() == FieldType.CHOICE ? List.copyOf(labels.get(f.name()).values())
                    : f.type() == FieldType.BOOLEAN ? List.of(msg.apply("register.yes"), msg.apply("register.no"))
                    : List.of();
            if (!choices.isEmpty()) {
                dropDowns.add(new DropDown(i, SheetWriter.listRange(listSheet, lists.size(), 2, choices.size() + 1)));
                lists.add(choices);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            w.startSheet(SheetSpec.of(SheetWriter.safeSheetName(msg.apply(def.messagePrefix() + ".title")), columns)
                    .withDropDowns(dropDowns));
            w.startSheet(SheetSpec.of(SheetWriter.safeSheetName(msg.apply("register.import.helpSheet")), List.of(
                    Column.text(msg.apply("register.import.help.column")),
                    Column.text(msg.apply("register.import.help.required")),
                    Column.text(msg.apply("register.import.help.rule")),
                    Column.text(msg.apply("register.import.help.example")))));
            for (int i = 0; i < cols.size(); i++) {
                Col col = cols.get(i);
                Field f = def.field(col.field()).orElse(null);
                boolean required = f == null ? col.field().equals("parent") : f.mandatory();
                w.textRow(List.of(col.header(), msg.apply(required ? "register.yes" : "register.no"),
                        rule(def, f, col, labels, msg), example(f, col, labels, msg)));
            }
            List<Column> listColumns = new ArrayList<>();
            for (Integer i : listIndexes(lists)) {
                listColumns.add(Column.text(String.valueOf(i + 1)));
            }
            w.startSheet(SheetSpec.of(listSheet, listColumns).asHidden());
            int longest = lists.stream().mapToInt(List::size).max().orElse(0);
            for (int r = 0; r < longest; r++) {
                List<String> row = new ArrayList<>();
                for (List<String> l : lists) {
                    row.add(r < l.size() ? l.get(r) : "");
                }
                w.textRow(row);
            }
            w.finish();
        }
        return out.toByteArray();
    }

    private static List<Integer> listIndexes(List<List<String>> lists) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            out.add(i);
        }
        return out;
    }

    private static String rule(RegisterDefinition def, Field f, Col col, Map<String, Map<String, String>> labels,
            Function<String, String> msg) {
        if (f == null) {
            return msg.apply(col.field().equals("unit") ? "register.import.rule.unit" : "register.import.rule.parent");
        }
        String rule = msg.apply("register.import.rule." + f.type().name());
        if (labels.containsKey(f.name())) {
            rule += String.join("、", labels.get(f.name()).values());
        }
        if (f.has(Field.Flag.HELP)) {
            rule += " " + msg.apply(def.messagePrefix() + ".field." + f.name() + ".help");
        }
        return rule;
    }

    private static String example(Field f, Col col, Map<String, Map<String, String>> labels,
            Function<String, String> msg) {
        if (f == null) {
            return "";
        }
        return switch (f.type()) {
            case CHOICE, MULTI_CHOICE -> labels.get(f.name()).values().iterator().next();
            case BOOLEAN -> msg.apply("register.yes");
            case DATE -> "2024-03-01";
            case INTEGER -> "10";
            case DECIMAL -> "1.5";
            case MONEY -> "12.5";
            case PHONE -> "13800138000";
            default -> msg.apply("register.import.example." + f.type().name());
        };
    }

    // ---------------------------------------------------------------- import

    /**
     * Reads the file and starts checking it in the background. A file that cannot be read, or whose header lacks a
     * required column, is a job that failed at once, with the reason.
     */
    public Job start(Actor actor, KeyProject project, String register, Upload upload, Function<String, String> msg) {
        ProjectModel model = engine.model(project);
        RegisterDefinition def = model.register(register);
        engine.requireWriter(actor, def);
        forgetOld();
        Sheet sheet;
        try {
            sheet = SheetReader.read(new ByteArrayInputStream(upload.bytes()), upload.fileName(),
                    Limits.DEFAULT.withMaxRows(MAX_ROWS));
        } catch (SheetException e) {
            return failed(actor, project, def, List.of(new Problem(e.row(), -1,
                    "register.import.file." + e.reason().name(), String.valueOf(MAX_ROWS))));
        } catch (IOException e) {
            return failed(actor, project, def, List.of(new Problem(0, -1, "register.import.file.CORRUPT", "")));
        }
        List<Col> expected = columns(def, model, msg);
        List<Col> found = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String header : sheet.header().cells()) {
            String h = header.replace("*", "").strip();
            Col match = expected.stream().filter(c -> c.header().equalsIgnoreCase(h) || c.field().equalsIgnoreCase(h))
                    .findFirst().orElse(null);
            found.add(match == null ? new Col(null, header) : match);
        }
        for (Col c : expected) {
            Field f = def.field(c.field()).orElse(null);
            boolean required = f == null ? c.field().equals("parent") : f.mandatory();
            if (required && found.stream().noneMatch(x -> c.field().equals(x.field()))) {
                problems.add(new Problem(0, -1, "register.import.missingColumn", c.header()));
            }
        }
        if (!problems.isEmpty()) {
            return failed(actor, project, def, problems);
        }
        Job job = new Job(actor.userId(), project, def, sheet, found, labels(def, msg));
        jobs.put(job.id(), job);
        worker.submit(() -> run(job, actor, false));
        return job;
    }

    private Job failed(Actor actor, KeyProject project, RegisterDefinition def, List<Problem> problems) {
        Job job = new Job(actor.userId(), project, def, null, List.of(), Map.of());
        job.problems = List.copyOf(problems);
        job.phase = Phase.FAILED;
        jobs.put(job.id(), job);
        return job;
    }

    /** @throws NotFoundException for another user's job, or one that expired */
    public Job job(Actor actor, String id) {
        Job job = id == null ? null : jobs.get(id);
        if (job == null || job.owner != actor.userId()) {
            throw new NotFoundException("import " + id);
        }
        return job;
    }

    /** Writes the valid rows of a checked import. */
    public Job confirm(Actor actor, String id) {
        Job job = job(actor, id);
        engine.requireWriter(actor, job.def);
        synchronized (job) {
            if (job.phase != Phase.CHECKED || job.valid == 0) {
                throw ValidationException.of("import", "register.import.notReady");
            }
            job.phase = Phase.WRITING;
            job.done = 0;
        }
        worker.submit(() -> run(job, actor, true));
        return job;
    }

    private void forgetOld() {
        Instant cutoff = Instant.now().minus(KEEP);
        jobs.values().removeIf(j -> j.created.isBefore(cutoff));
    }

    /** Thrown to roll a check back once every row was tried. */
    private static final class DryRun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DryRun() {
            super(null, null, false, false);
        }
    }

    /**
     * A confirmed import goes through every row in one transaction, committed; a check goes through them in
     * transactions of {@link #CHECK_ROWS} rows, each rolled back.
     *
     * <p>Why a check is cut in parts: Derby keeps a row that a savepoint took back on its page, marked deleted, until
     * the transaction ends, so a table scan within the transaction still reads it. The engine's duplicate lookup
     * scans the register's table when its key has no index (the employment youth register's ID_HASH has none), and in
     * one transaction every row would read every row checked before it: 10,000 rows took 55–90 s of CPU here. Ending
     * the transaction every few hundred rows frees them; a check still writes nothing, and keys repeated across its
     * parts are found by {@code checkedKeys}.
     */
    private void run(Job job, Actor actor, boolean write) {
        List<Problem> problems = new ArrayList<>();
        int[] counts = new int[2];
        try {
            List<SheetRow> rows = job.sheet.rows();
            Map<List<Object>, Integer> checkedKeys = write ? null : new HashMap<>();
            for (int from = 0; from < rows.size(); from += write ? rows.size() : CHECK_ROWS) {
                List<SheetRow> part = write ? rows : rows.subList(from, Math.min(rows.size(), from + CHECK_ROWS));
                try {
                    store.inTransaction(c -> {
                        ProjectModel model = engine.model(job.project);
                        Totals.Buffer totals = new Totals.Buffer();
                        for (SheetRow row : part) {
                            if (!write || !job.refused.contains(row.number())) {
                                importRow(c, actor, model, job, row, problems, counts, totals, checkedKeys);
                            }
                            job.done++;
                        }
                        if (!write || !problems.isEmpty()) {
                            // A check writes nothing; nor does a confirmation when a row the check passed went bad
                            // since.
                            throw new DryRun();
                        }
                        totals.flush(c);
                        engine.auditImport(c, actor, job.def, counts[0]);
                        return null;
                    });
                } catch (DryRun e) {
                    // rolled back on purpose
                }
            }
        } catch (AccessDeniedException e) {
            problems.add(new Problem(0, -1, "register.import.denied", ""));
        } catch (RuntimeException e) {
            System.getLogger(Transfer.class.getName()).log(System.Logger.Level.ERROR, "import " + job.id() + " failed", e);
            problems.add(new Problem(0, -1, "register.import.failed", ""));
        }
        synchronized (job) {
            job.problems = List.copyOf(problems);
            job.duplicates = counts[1];
            if (write) {
                job.written = problems.isEmpty() ? counts[0] : 0;
                job.phase = problems.isEmpty() ? Phase.WRITTEN : Phase.FAILED;
            } else {
                job.valid = counts[0];
                job.refused = problems.stream().map(Problem::row).collect(java.util.stream.Collectors.toSet());
                job.phase = problems.stream().anyMatch(p -> p.row() == 0) ? Phase.FAILED : Phase.CHECKED;
            }
        }
    }

    /**
     * One row: written under a savepoint, taken back with its problems when it has any.
     *
     * @param checkedKeys null when writing; in a check, the keys of the rows that passed so far. A check takes every
     *                    row back at once, so that each row is checked against the register as it was before the
     *                    import, whichever part of the check it falls in; a key repeated within the file is found
     *                    here instead of by the engine.
     */
    private void importRow(Connection c, Actor actor, ProjectModel model, Job job, SheetRow row, List<Problem> problems,
            int[] counts, Totals.Buffer totals, Map<List<Object>, Integer> checkedKeys) throws SQLException {
        Map<String, Object> input = new HashMap<>();
        List<Problem> own = new ArrayList<>();
        Long unit = null;
        for (int i = 0; i < job.columns.size(); i++) {
            Col col = job.columns.get(i);
            String text = row.cell(i).strip();
            if (col.field() == null || text.isEmpty()) {
                continue;
            }
            if (col.field().equals("unit")) {
                unit = unitNamed(actor, text);
                if (unit == null) {
                    own.add(new Problem(row.number(), i, RegisterEngine.UNIT, text));
                } else {
                    input.put("unit", unit);
                }
            } else if (col.field().equals("parent")) {
                RegisterDefinition parent = model.register(job.def.parent());
                resolve(c, actor, parent, null, text, row.number(), i, own).ifPresent(id -> input.put("parent", id));
            } else {
                input.put(col.field(), text);
            }
        }
        Long rowUnit = unit != null ? unit : actor.orgUnit().level().evaluated() ? actor.orgUnit().id() : null;
        for (int i = 0; i < job.columns.size(); i++) {
            Col col = job.columns.get(i);
            Field f = col.field() == null ? null : job.def.field(col.field()).orElse(null);
            String text = row.cell(i).strip();
            if (f == null || text.isEmpty()) {
                continue;
            }
            if (f.type() == FieldType.REFERENCE) {
                input.remove(f.name());
                resolve(c, actor, model.register(f.target()), rowUnit, text, row.number(), i, own)
                        .ifPresent(id -> input.put(f.name(), id));
            } else if (f.type() == FieldType.USER) {
                input.remove(f.name());
                Long user = engine.userNamed(c, text);
                if (user == null) {
                    own.add(new Problem(row.number(), i, Values.USER, text));
                } else {
                    input.put(f.name(), user);
                }
            }
        }
        List<Object> key = checkedKeys == null || !own.isEmpty() ? null : keyOf(c, model, job.def, job.labels, input,
                rowUnit);
        Map<String, String> errors = Map.of();
        java.util.function.BiFunction<Field, String, String> labels =
                (f, code) -> job.labels.getOrDefault(f.name(), Map.of()).get(code);
        // The check writes nothing: the engine's every check, without the row in the table (a row written to be
        // undone cost Derby more than the checks themselves). Rows repeated within the file are found by their keys.
        Savepoint sp = checkedKeys == null ? c.setSavepoint() : null;
        try {
            if (!own.isEmpty()) {
                throw new ValidationException(Map.of());
            }
            if (checkedKeys != null) {
                engine.checkIn(c, actor, model, job.def, input, labels);
            } else {
                // The row's totals join the import's only once the row is in: a refused row leaves them untouched.
                Totals.Buffer rowTotals = new Totals.Buffer();
                engine.writeIn(c, actor, model, job.def, null, input, -1, null, null, labels, rowTotals);
                c.releaseSavepoint(sp);
                totals.add(rowTotals);
            }
        } catch (ValidationException e) {
            takeBack(c, sp);
            errors = e.fieldErrors();
        } catch (NotFoundException e) {
            takeBack(c, sp);
            problems.add(new Problem(row.number(), -1, Values.REFERENCE, ""));
            return;
        }
        if (key != null && checkedKeys.containsKey(key) && job.def.key().stream().noneMatch(errors::containsKey)) {
            // As the engine's own check would have found it, had the earlier row stayed in the table.
            errors = new LinkedHashMap<>(errors);
            errors.put(job.def.key().get(0), RegisterEngine.DUPLICATE);
        }
        if (errors.isEmpty() && own.isEmpty()) {
            counts[0]++;
            if (key != null) {
                checkedKeys.put(key, row.number());
            }
            return;
        }
        for (Map.Entry<String, String> err : errors.entrySet()) {
            if (err.getValue().equals(RegisterEngine.DUPLICATE) || err.getValue().equals(RegisterEngine.DUPLICATE_ELSEWHERE)) {
                counts[1]++;
            }
            own.add(new Problem(row.number(), columnOf(job, err.getKey()), err.getValue(), ""));
        }
        problems.addAll(own);
    }

    /**
     * Undoes a row and forgets its savepoint: a savepoint outlives a rollback to it, and Derby looks through every
     * savepoint of the transaction on each statement (Xact.getSavePointPosition), so a check of 500 rows whose
     * savepoints stayed made each statement slower than the one before.
     */
    private static void takeBack(Connection c, Savepoint sp) throws SQLException {
        if (sp != null) {
            c.rollback(sp);
            c.releaseSavepoint(sp);
        }
    }

    /**
     * A row's declared key as the engine compares keys: ID numbers normalised (the engine compares their keyed hash,
     * one to one with the number), other fields parsed, the unit first unless the key spans units. Null when the
     * register has no key or a part is missing or unreadable: the engine's check reports those.
     */
    private List<Object> keyOf(Connection c, ProjectModel model, RegisterDefinition def,
            Map<String, Map<String, String>> labels, Map<String, Object> input, Long rowUnit) throws SQLException {
        if (def.key().isEmpty()) {
            return null;
        }
        List<Object> key = new ArrayList<>();
        if (!def.keyAcrossUnits()) {
            Long unit = rowUnit;
            if (def.parent() != null) {
                // A child record is its parent's unit's.
                unit = input.get("parent") instanceof Long parent ? new RecordSql(model.register(def.parent()))
                        .find(c, parent).map(RegisterRecord::unitId).orElse(null) : null;
            }
            if (unit == null) {
                return null;
            }
            key.add(unit);
        }
        for (String name : def.key()) {
            Field f = def.field(name).orElseThrow();
            Object raw = input.get(name);
            ValidationException.Collector errors = new ValidationException.Collector();
            Object v = f.type() == FieldType.ID_NUMBER
                    ? raw == null ? null : ResidentIdNumber.normalize(String.valueOf(raw))
                    : Values.parse(f, raw, engine.today(), code -> labels.getOrDefault(name, Map.of()).get(code),
                            errors);
            if (v == null || errors.has(name)) {
                return null;
            }
            // The engine compares an encrypted key by the hash of its normalised value: so does the file.
            key.add(RecordSql.encrypted(f) ? Field.normalized((String) v) : v);
        }
        return key;
    }

    private static int columnOf(Job job, String field) {
        for (int i = 0; i < job.columns.size(); i++) {
            if (field.equals(job.columns.get(i).field())) {
                return i;
            }
        }
        return -1;
    }

    private Long unitNamed(Actor actor, String text) {
        for (OrgUnit u : engine.units(actor)) {
            if (u.name().equals(text) || u.code().equalsIgnoreCase(text)) {
                return u.id();
            }
        }
        return null;
    }

    /**
     * The record a cell names: by its ID number when the target register is keyed by one and the cell is one, else
     * by its title in the row's unit. Unknown and ambiguous names are problems of the cell.
     */
    private java.util.Optional<Long> resolve(Connection c, Actor actor, RegisterDefinition target, Long unit,
            String text, int rowNumber, int column, List<Problem> problems) throws SQLException {
        RecordSql sql = engine.sql(target);
        Field idField = target.key().stream().map(k -> target.field(k).orElseThrow())
                .filter(f -> f.type() == FieldType.ID_NUMBER).findFirst().orElse(null);
        List<Long> ids;
        if (idField != null && ResidentIdNumber.problem(text, engine.today()).isEmpty()) {
            ids = sql.byIdHash(c, idField, unit, engine.idHash(ResidentIdNumber.normalize(text)));
        } else {
            Field title = target.title().orElse(null);
            ids = title == null ? List.of() : sql.byTitle(c, title, unit, text);
        }
        if (ids.size() == 1) {
            return java.util.Optional.of(ids.get(0));
        }
        problems.add(new Problem(rowNumber, column, ids.isEmpty() ? Values.REFERENCE : "register.error.ambiguous",
                text));
        return java.util.Optional.empty();
    }

    /**
     * The uploaded file again, every bad cell marked and each row's problems in a last column, in the uploader's
     * language: fix it and upload it again.
     */
    public byte[] errorReport(Job job, Function<String, String> msg) throws IOException {
        Map<Integer, List<Problem>> byRow = new HashMap<>();
        job.problems.forEach(p -> byRow.computeIfAbsent(p.row(), k -> new ArrayList<>()).add(p));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter w = new SheetWriter(out)) {
            List<Column> columns = job.columns.stream().map(c -> Column.text(c.header())).toList();
            w.startSheet(SheetSpec.of(SheetWriter.safeSheetName(msg.apply(job.def.messagePrefix() + ".title")),
                    columns).withErrorColumn(msg.apply("register.import.errors")));
            for (SheetRow row : job.sheet.rows()) {
                List<Problem> ps = byRow.getOrDefault(row.number(), List.of());
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < job.columns.size(); i++) {
                    int col = i;
                    Cell cell = Cell.text(row.cell(i));
                    cells.add(ps.stream().anyMatch(p -> p.column() == col) ? cell.asError() : cell);
                }
                w.row(cells, String.join("；", ps.stream().map(p -> describe(job, p, msg)).toList()));
            }
            w.finish();
        }
        return out.toByteArray();
    }

    /** "第17行 身份证号码：…" in the reader's language. */
    public static String describe(Job job, Problem p, Function<String, String> msg) {
        String column = p.column() >= 0 && p.column() < job.columns.size() ? job.columns.get(p.column()).header() + "："
                : "";
        String text = msg.apply(p.key());
        if (p.arg() != null && !p.arg().isEmpty() && !text.contains(p.arg())) {
            text += "（" + p.arg() + "）";
        }
        return column + text;
    }

    // ---------------------------------------------------------------- export

    /**
     * The records of the list as filtered, every page of it (at most {@link #MAX_EXPORT}), as .xlsx or CSV (UTF-8
     * with BOM, formula-safe). Choices by their labels, ID numbers masked unless {@code clearIds} and the reader may
     * see them; the export is audited with its count, and each clear number like every reveal.
     */
    byte[] export(Actor actor, KeyProject project, String register, RecordQuery query, boolean csv, boolean clearIds,
            Function<String, String> msg) throws IOException {
        ProjectModel model = engine.model(project);
        RegisterDefinition def = model.register(register);
        engine.requireReader(actor, def);
        boolean reveal = clearIds && engine.mayWrite(actor, def);
        List<Col> cols = columns(def, model, msg);
        Map<String, Map<String, String>> labels = labels(def, msg);
        List<String> headers = new ArrayList<>();
        headers.add(msg.apply("register.column.number"));
        cols.forEach(c -> headers.add(c.header()));
        if (def.workflow() != null) {
            headers.add(msg.apply("register.state"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 0;
        try (RowWriter rows = csv ? new CsvWriter(out) : sheet(out, SheetWriter.safeSheetName(
                msg.apply(def.messagePrefix() + ".title")), headers)) {
            if (csv) {
                rows.row(headers.stream().map(Cell::text).toList());
            }
            for (int page = 1; n < MAX_EXPORT; page++) {
                Page<RegisterRecord> p = engine.list(actor, project, register, new RecordQuery(query.search(),
                        query.filters(), query.sort(), query.descending(), page, RecordQuery.MAX_SIZE, query.parent()));
                Map<String, Map<Long, String>> names = names(actor, project, model, def, p.items());
                for (RegisterRecord r : p.items()) {
                    List<Cell> cells = new ArrayList<>();
                    cells.add(Cell.number(++n));
                    for (Col c : cols) {
                        cells.add(cell(actor, project, def, r, c, labels, names, reveal, msg));
                    }
                    if (def.workflow() != null) {
                        cells.add(Cell.text(msg.apply(def.messagePrefix() + ".state." + r.state())));
                    }
                    rows.row(cells);
                }
                if (!p.hasNext()) {
                    break;
                }
            }
        }
        engine.auditExport(actor, def, n, csv ? "csv" : "xlsx", reveal);
        return out.toByteArray();
    }

    /** Titles of the records and names of the users the page's rows name, by field. */
    private Map<String, Map<Long, String>> names(Actor actor, KeyProject project, ProjectModel model,
            RegisterDefinition def, List<RegisterRecord> items) {
        Map<String, Map<Long, String>> out = new HashMap<>();
        for (Field f : def.fields()) {
            List<Long> ids = items.stream().map(r -> r.value(f.name())).filter(Long.class::isInstance)
                    .map(Long.class::cast).distinct().toList();
            if (f.type() == FieldType.REFERENCE) {
                out.put(f.name(), engine.titles(actor, project, f.target(), ids));
            } else if (f.type() == FieldType.USER) {
                out.put(f.name(), engine.userNames(ids));
            }
        }
        if (def.parent() != null) {
            out.put("parent", engine.titles(actor, project, def.parent(),
                    items.stream().map(RegisterRecord::parentId).distinct().toList()));
        }
        return out;
    }

    private Cell cell(Actor actor, KeyProject project, RegisterDefinition def, RegisterRecord r, Col c,
            Map<String, Map<String, String>> labels, Map<String, Map<Long, String>> names, boolean reveal,
            Function<String, String> msg) {
        if (c.field().equals("unit")) {
            return Cell.text(engine.unitName(r.unitId()));
        }
        if (c.field().equals("parent")) {
            return Cell.text(names.get("parent").getOrDefault(r.parentId(), ""));
        }
        Field f = def.field(c.field()).orElseThrow();
        Object v = r.value(f.name());
        if (v == null) {
            return Cell.BLANK;
        }
        return switch (f.type()) {
            case CHOICE -> Cell.text(labels.get(f.name()).getOrDefault((String) v, (String) v));
            case MULTI_CHOICE -> Cell.text(String.join("、", ((List<?>) v).stream()
                    .map(x -> labels.get(f.name()).getOrDefault(String.valueOf(x), String.valueOf(x))).toList()));
            case BOOLEAN -> Cell.text(msg.apply(Boolean.TRUE.equals(v) ? "register.yes" : "register.no"));
            case DATE -> Cell.date((java.time.LocalDate) v);
            case INTEGER, DECIMAL, MONEY -> Cell.number(v instanceof Long l ? java.math.BigDecimal.valueOf(l)
                    : (java.math.BigDecimal) v);
            case REFERENCE, USER -> Cell.text(names.get(f.name()).getOrDefault((Long) v, ""));
            case ID_NUMBER -> Cell.text(reveal ? engine.reveal(actor, project, def.id(), r.id(), f.name())
                    : String.valueOf(v));
            case PHONE -> Cell.text(reveal ? String.valueOf(v) : Values.maskPhone(String.valueOf(v)));
            default -> Cell.text(Values.plain(v));
        };
    }

    /** A workbook of one sheet whose header row holds {@code headers}, for an export's rows. */
    private static SheetWriter sheet(ByteArrayOutputStream out, String name, List<String> headers)
            throws IOException {
        SheetWriter w = new SheetWriter(out);
        w.startSheet(SheetSpec.of(name, headers.stream().map(Column::text).toList()));
        return w;
    }
}
