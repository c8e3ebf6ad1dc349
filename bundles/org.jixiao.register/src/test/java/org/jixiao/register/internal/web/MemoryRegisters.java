package org.jixiao.register.internal.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Attachment;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.register.Transition;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebHandler;
import org.jixiao.register.internal.Lookups;

/**
 * An in-memory stand-in for the engine's service and lookups, for the web tests only: it keeps records, parses
 * form text into each field type's Java value, checks required fields, versions and reasons, and writes down every
 * call so a test can see what a page asked of it. Scope is not checked: that is the engine's business.
 */
final class MemoryRegisters implements RegisterService, Lookups {

    /** One call of the service: the method, the register, the record id, the input and the reason or step. */
    record Call(String method, String register, Long id, Map<String, ?> input, String extra, RecordQuery query,
            int version) {
    }

    static final Instant AT = Instant.parse("2031-03-01T02:00:00Z");
    static final long OFFICER = 7;

    final List<Call> calls = new ArrayList<>();
    final Map<Long, RegisterRecord> records = new LinkedHashMap<>();
    final Map<Long, Map<String, String>> clear = new HashMap<>();
    final List<Entry> history = new ArrayList<>();
    private final KeyProject project;
    private long nextId = 100;
    private int files = 1;
    /** A file every test fixture's record may hold, and what reading it gives. */
    static final Attachment OLD_FILE = new Attachment(1, "旧证明.pdf", "application/pdf", 8);
    final Map<Long, byte[]> fileBytes = new HashMap<>(Map.of(1L, "%PDF-old".getBytes()));

    MemoryRegisters(KeyProject project) {
        this.project = project;
    }

    private RegisterDefinition def(String register) {
        return project.registers().stream().filter(d -> d.id().equals(register)).findFirst()
                .orElseThrow(() -> new NotFoundException(register));
    }

    Call last(String method) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).method().equals(method)) {
                return calls.get(i);
            }
        }
        throw new AssertionError("no call of " + method + " in " + calls);
    }

    /** A record put in place directly, as if created earlier; values of the fields' Java types. */
    long put(String register, long unit, Long parent, String state, Map<String, Object> values) {
        long id = ++nextId;
        records.put(id, new RegisterRecord(id, register, unit, parent, state, values, 1, AT, 2, AT, OFFICER));
        return id;
    }

    // ---------------------------------------------------------------- RegisterService

    @Override
    public WebHandler web(KeyProject p, WebHandler custom) {
        return new RegisterWeb(p, this, this, custom);
    }

    @Override
    public WebHandler publicWeb(KeyProject p) {
        return null;
    }

    @Override
    public Page<RegisterRecord> list(Actor actor, KeyProject p, String register, RecordQuery query) {
        calls.add(new Call("list", register, null, null, null, query, 0));
        RegisterDefinition d = def(register);
        List<RegisterRecord> found = new ArrayList<>();
        for (RegisterRecord r : records.values()) {
            if (r.register().equals(register) && (query.parent() == null || query.parent().equals(r.parentId()))
                    && (query.search() == null || title(d, r).contains(query.search()))) {
                found.add(r);
            }
        }
        if (query.sort() != null) {
            Comparator<RegisterRecord> by = Comparator.comparing(r -> String.valueOf(r.value(query.sort())));
            found.sort(query.descending() ? by.reversed() : by);
        }
        int from = Math.min(found.size(), (query.page() - 1) * query.size());
        return new Page<>(found.subList(from, Math.min(found.size(), from + query.size())), query.page(),
                query.size(), found.size());
    }

    @Override
    public RegisterRecord get(Actor actor, KeyProject p, String register, long id) {
        RegisterRecord r = records.get(id);
        if (r == null || !r.register().equals(register)) {
            throw new NotFoundException(register + " " + id);
        }
        return r;
    }

    @Override
    public Created createAndRead(Actor actor, KeyProject p, String register, Map<String, ?> input) {
        return new Created(create(actor, p, register, input), null);
    }

    @Override
    public long create(Actor actor, KeyProject p, String register, Map<String, ?> input) {
        calls.add(new Call("create", register, null, input, null, null, 0));
        RegisterDefinition d = def(register);
        ValidationException.Collector errors = check(d, input, d.fields());
        Long parent = d.parent() == null ? null : Values.id(input.get("parent"));
        if (d.parent() == null && Values.id(input.get("unit")) == null) {
            errors.add("unit", "test.required");
        }
        if (d.parent() != null && (parent == null || !records.containsKey(parent))) {
            errors.add("parent", "test.required");
        }
        errors.throwIfAny();
        long id = ++nextId;
        long unit = parent != null ? records.get(parent).unitId() : Values.id(input.get("unit"));
        records.put(id, new RegisterRecord(id, register, unit, parent,
                d.workflow() == null ? null : d.workflow().initial(), parse(d, id, input), 1, AT, actor.userId(), AT,
                actor.userId()));
        return id;
    }

    @Override
    public void update(Actor actor, KeyProject p, String register, long id, Map<String, ?> input, int version) {
        calls.add(new Call("update", register, id, input, null, null, version));
        RegisterRecord before = get(actor, p, register, id);
        RegisterDefinition d = def(register);
        ValidationException.Collector errors = check(d, input, d.fields());
        if (version != -1 && version != before.version()) {
            errors.add("version", "test.version.conflict");
        }
        errors.throwIfAny();
        Map<String, Object> values = parse(d, id, input);
        d.fields().stream().filter(f -> f.has(Field.Flag.READ_ONLY) && before.value(f.name()) != null)
                .forEach(f -> values.put(f.name(), before.value(f.name())));
        Long unit = Values.id(input.get("unit"));
        records.put(id, new RegisterRecord(id, register, unit == null ? before.unitId() : unit, before.parentId(),
                before.state(), values, before.version() + 1, before.createdAt(), before.createdBy(), AT,
                actor.userId()));
    }

    @Override
    public void delete(Actor actor, KeyProject p, String register, long id, String reason) {
        calls.add(new Call("delete", register, id, null, reason, null, 0));
        get(actor, p, register, id);
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "test.reason.required");
        }
        records.remove(id);
    }

    @Override
    public void transition(Actor actor, KeyProject p, String register, long id, String transition,
            Map<String, ?> input, String reason) {
        calls.add(new Call("transition", register, id, input, transition + (reason == null ? "" : ":" + reason),
                null, 0));
        RegisterRecord before = get(actor, p, register, id);
        RegisterDefinition d = def(register);
        Transition t = d.workflow().transition(transition).orElseThrow(() -> new NotFoundException(transition));
        List<Field> fields = t.fields().stream().map(n -> d.field(n).orElseThrow()).toList();
        ValidationException.Collector errors = check(d, input, fields);
        fields.forEach(f -> {
            if (!input.containsKey(f.name())) {
                errors.add(f.name(), "test.required");
            }
        });
        if (t.reason() && reason == null) {
            errors.add("reason", "test.reason.required");
        }
        errors.throwIfAny();
        Map<String, Object> values = new LinkedHashMap<>(before.values());
        values.putAll(parse(d, id, input));
        records.put(id, new RegisterRecord(id, register, before.unitId(), before.parentId(), t.to(), values,
                before.version() + 1, before.createdAt(), before.createdBy(), AT, actor.userId()));
    }

    @Override
    public String reveal(Actor actor, KeyProject p, String register, long id, String field) {
        calls.add(new Call("reveal", register, id, null, field, null, 0));
        get(actor, p, register, id);
        return clear.getOrDefault(id, Map.of()).get(field);
    }

    private Attachment upload(Upload u) {
        Attachment a = new Attachment(++files, u.fileName(), u.contentType(), u.size());
        fileBytes.put(a.id(), u.bytes());
        return a;
    }

    /** The demo's registers seal nothing. */
    @Override
    public List<Long> sealed(Actor actor, KeyProject p, String register, long parentId) {
        return List.of();
    }

    @Override
    public List<Conflict> conflicts(Actor actor, KeyProject p) {
        return List.of();
    }

    @Override
    public void resolveConflict(Actor actor, KeyProject p, long id, String resolution) {
        throw new NotFoundException("conflict " + id);
    }

    @Override
    public Attachment.Content attachment(Actor actor, KeyProject p, String register, long id, String field) {
        calls.add(new Call("attachment", register, id, null, field, null, 0));
        if (get(actor, p, register, id).value(field) instanceof Attachment a) {
            return new Attachment.Content(a, fileBytes.get(a.id()));
        }
        throw new NotFoundException(register + "/" + id + "/" + field);
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actualsAsOf(KeyProject p, Collection<Long> unitIds, int year,
            LocalDate asOf) {
        throw new UnsupportedOperationException("not a web concern");
    }

    @Override
    public long nextId(String table) {
        throw new UnsupportedOperationException("not a web concern");
    }

    @Override
    public RegisterRecord breakGlass(Actor actor, KeyProject p, String register, long id, String reason) {
        throw new UnsupportedOperationException("the engine's, tested there");
    }

    @Override
    public List<Access> accessLog(Actor actor, KeyProject p, String register, long id) {
        // The double keeps no access log: a record page shows none.
        return List.of();
    }

    @Override
    public long requestUnseal(Actor actor, KeyProject p, String register, long id, String reason) {
        throw new UnsupportedOperationException("the engine's, tested there");
    }

    @Override
    public void approveUnseal(Actor actor, KeyProject p, long request) {
        throw new UnsupportedOperationException("the engine's, tested there");
    }

    @Override
    public List<UnsealRequest> unsealRequests(Actor actor, KeyProject p) {
        throw new UnsupportedOperationException("the engine's, tested there");
    }

    private static ValidationException.Collector check(RegisterDefinition d, Map<String, ?> input,
            List<Field> fields) {
        ValidationException.Collector errors = new ValidationException.Collector();
        for (Field f : fields) {
            if (f.mandatory() && !f.has(Field.Flag.READ_ONLY) && input.get(f.name()) == null) {
                errors.add(f.name(), "test.required");
            }
        }
        return errors;
    }

    /** Form text to each field's Java type, as the engine stores it; an ID number kept as its mask only. */
    private Map<String, Object> parse(RegisterDefinition d, long id, Map<String, ?> input) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : d.fields()) {
            Object in = input.get(f.name());
            if (in == null || f.has(Field.Flag.READ_ONLY) && !(in instanceof String)) {
                continue;
            }
            String text = in instanceof String s ? s : null;
            values.put(f.name(), switch (f.type()) {
                case INTEGER, REFERENCE, USER -> Long.valueOf(text);
                case DECIMAL, MONEY -> new BigDecimal(text);
                case DATE -> LocalDate.parse(text);
                case BOOLEAN -> Boolean.valueOf(text);
                case MULTI_CHOICE -> List.copyOf((List<?>) in);
                case FILE -> {
                    if (in instanceof Upload u) {
                        yield upload(u);
                    }
                    if (!(in instanceof Attachment)) {
                        throw ValidationException.of(f.name(), "register.error.file");
                    }
                    yield in;
                }
                case ID_NUMBER -> {
                    clear.computeIfAbsent(id, k -> new HashMap<>()).put(f.name(), text);
                    yield "**************" + text.substring(text.length() - 4);
                }
                default -> text;
            });
        }
        return values;
    }

    private static String title(RegisterDefinition d, RegisterRecord r) {
        return d.title().map(f -> Objects.toString(r.value(f.name()), "")).orElse("");
    }

    // ---------------------------------------------------------------- Lookups

    @Override
    public Map<Long, String> titles(Actor actor, KeyProject p, String register, Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        for (Long id : ids) {
            RegisterRecord r = records.get(id);
            if (r != null && r.register().equals(register)) {
                out.put(id, title(def(register), r));
            }
        }
        return out;
    }

    @Override
    public List<Option> search(Actor actor, KeyProject p, String register, String query, int limit) {
        calls.add(new Call("search", register, null, null, query, null, limit));
        return records.values().stream().filter(r -> r.register().equals(register))
                .filter(r -> title(def(register), r).contains(query)).limit(limit)
                .map(r -> new Option(r.id(), title(def(register), r))).toList();
    }

    @Override
    public List<OrgUnit> units(Actor actor) {
        return actor.orgUnit().parentId() == null ? List.of(Demo.COUNTY_A, Demo.COUNTY_B) : List.of(actor.orgUnit());
    }

    @Override
    public String unitName(long unitId) {
        return unitId == Demo.COUNTY_A.id() ? Demo.COUNTY_A.name() : unitId == Demo.COUNTY_B.id()
                ? Demo.COUNTY_B.name() : "";
    }

    @Override
    public Map<Long, String> userNames(Collection<Long> userIds) {
        Map<Long, String> out = new HashMap<>();
        userIds.forEach(id -> out.put(id, id == OFFICER ? Demo.EVIL : "user" + id));
        return out;
    }

    @Override
    public List<Option> users(Actor actor, String role) {
        return List.of(new Option(OFFICER, Demo.EVIL), new Option(2, "staff"));
    }

    @Override
    public List<Entry> history(Actor actor, KeyProject p, String register, long id) {
        return history;
    }
}
