package org.jixiao.register.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Page;
import org.jixiao.api.ResidentIdNumber;
import org.jixiao.api.ValidationException;
import org.jixiao.api.federation.Outbox;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Attachment;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.register.Scope;
import org.jixiao.api.register.Transition;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebHandler;
import org.jixiao.register.internal.web.RegisterWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The register engine: every declared register's records, with the rules the platform applies to all of them. A
 * record belongs to one evaluated unit and is reached from there or above (or, need-to-know, by its assignees and
 * offices only); out of reach answers "not found". Bad input answers every field's problem at once and writes nothing.
 * Each write keeps its history, its audit line and the running totals of its indicators in its own transaction.
 */
@Component(service = {RegisterService.class, Lookups.class}, immediate = true)
public final class RegisterEngine implements RegisterService, Lookups {

    public static final String OWNER = "register";
    static final String DUPLICATE = "register.error.duplicate";
    static final String DUPLICATE_ELSEWHERE = "register.error.duplicateElsewhere";
    static final String STALE = "register.error.stale";
    static final String LOCKED = "register.error.locked";
    static final String UNIT = "register.error.unit";
    static final String REASON = "register.error.reason";
    /** The list filter asking for a register's archived records instead of its current ones. */
    public static final String ARCHIVED = "archived";
    static final String STEP = "register.error.step";
    static final String HASH_DOMAIN = "resident-id";
    /** Ids per audit line of a sensitive list read: the detail column holds 1,000 characters. */
    private static final int IDS_PER_AUDIT_LINE = 50;

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final Clock clock;
    private final Ids ids;
    private final Transfer transfer;
    /** Present on a county node only: each write hands the record's new state to it, in the write's transaction. */
    private volatile Outbox outbox;
    private final Map<KeyProject, ProjectModel> models = new WeakHashMap<>();
    /** Models whose tables are known to hold no clear value of an encrypted field, by identity. */
    private final Set<ProjectModel> clearValuesSealed = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new WeakHashMap<>()));
    /** Models whose running totals are known to match their declarations, by identity. */
    private final Set<ProjectModel> totalsChecked = java.util.Collections.newSetFromMap(new WeakHashMap<>());

    @Activate
    public RegisterEngine(@Reference Store store, @Reference OrgUnitService orgUnits, @Reference AuditLog audit,
            @Reference FieldCipher cipher) {
        this(store, orgUnits, audit, cipher, Clock.system(ZoneId.systemDefault()),
                Integer.getInteger("jixiao.node.number", 0));
    }

    /**
     * For tests and tools outside OSGi: a fixed clock and node number.
     *
     * @param node this node's number in {@link org.jixiao.api.register.RecordId record ids}
     */
    public RegisterEngine(Store store, OrgUnitService orgUnits, AuditLog audit, FieldCipher cipher, Clock clock,
            int node) {
        this.store = store;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
        store.migrate(OWNER, migrations());
        this.ids = new Ids(store, node);
        this.transfer = new Transfer(this, store);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unsetOutbox")
    public void setOutbox(Outbox o) {
        outbox = o;
    }

    public void unsetOutbox(Outbox o) {
        if (outbox == o) {
            outbox = null;
        }
    }

    private void replicate(Connection c, ProjectModel model, RegisterDefinition def, long id) throws SQLException {
        Outbox o = outbox;
        if (o != null) {
            o.registerChanged(c, model.projectId, def.id(), def.table(), id);
        }
    }

    @Deactivate
    void deactivate() {
        transfer.close();
    }

    Transfer transfer() {
        return transfer;
    }

    /** The engine's own schema, which it applies when it starts; public for tests that prepare a database. */
    public static List<Migration> migrations() {
        // The baseline builds what V1 to V5 built (their files are in git's history). V6 came after the last
        // distribution a node may still run, so it stays a step of its own: such a node's ledger ends at V5.
        return Migration.resources(RegisterEngine.class, "/db/register/", "B5__baseline.sql", "V6__total_stripes.sql");
    }

    /**
     * The project's registers, compiled once per project service. Touches no table: a project asks for its pages
     * while it activates, before the core has applied its migrations.
     */
    private synchronized ProjectModel compiled(KeyProject project) {
        return models.computeIfAbsent(project, ProjectModel::new);
    }

    /**
     * The project's registers, ready to be read and written: on their first use, the clear values their tables held
     * before fields were declared {@link Field.Flag#ENCRYPTED encrypted} are encrypted, so that no read ever meets a
     * clear one (see {@link ClearValues}).
     */
    ProjectModel model(KeyProject project) {
        ProjectModel model = compiled(project);
        if (!clearValuesSealed.contains(model)) {
            synchronized (clearValuesSealed) {
                if (!clearValuesSealed.contains(model) && ClearValues.sealAll(store, model.registers(),
                        (def, f, clear) -> new RecordSql.Sealed(cipher.encrypt(clear), textHash(def, f, clear), null),
                        (c, def, id) -> replicate(c, model, def, id))) {
                    clearValuesSealed.add(model);
                }
            }
        }
        return model;
    }

    /** A register's SQL, with the keyed hash its encrypted fields are searched and compared by. */
    RecordSql sql(RegisterDefinition def) {
        return new RecordSql(def, (f, clear) -> textHash(def, f, clear));
    }

    /**
     * The keyed hash of an encrypted field's normalised value; its domain is the field's column, so equal values of
     * two fields (a youth named like another's guardian) do not show as equal.
     */
    private String textHash(RegisterDefinition def, Field f, String clear) {
        return cipher.keyedHash("field:" + def.table() + "." + f.column(), Field.normalized(clear));
    }

    /**
     * The record with its encrypted fields in clear, for {@code actor}, who may read it: the values decrypted are
     * audited by the cipher as one read of the record's fields, beside the engine's own line of the read.
     */
    private RegisterRecord open(Actor actor, RegisterDefinition def, RegisterRecord r) {
        if (r == null || def.fields().stream().noneMatch(RecordSql::encrypted)) {
            return r;
        }
        Map<String, Object> values = new LinkedHashMap<>(r.values());
        List<String> names = new ArrayList<>();
        List<String> sealed = new ArrayList<>();
        for (Field f : def.fields()) {
            if (RecordSql.encrypted(f) && values.get(f.name()) instanceof String s) {
                names.add(f.name());
                sealed.add(s);
            }
        }
        // One audit line for the record's fields: a list of twenty youth is twenty lines, not one per field.
        List<String> clear = cipher.decryptAll(sealed, actor, target(def, r.id()) + "/" + String.join(",", names));
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), clear.get(i));
        }
        return new RegisterRecord(r.id(), r.register(), r.unitId(), r.parentId(), r.state(), values, r.version(),
                r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy());
    }

    /** The record's title for {@code actor}, who may read it (an encrypted title decrypted, and so audited). */
    private String title(Actor actor, RegisterDefinition def, RegisterRecord r) {
        Optional<Field> title = def.title();
        if (title.isEmpty()) {
            return String.valueOf(r.id());
        }
        Object v = r.value(title.get().name());
        return RecordSql.encrypted(title.get()) && v instanceof String sealed
                ? cipher.decrypt(sealed, actor, target(def, r.id()) + "/" + title.get().name()) : Values.plain(v);
    }

    /**
     * The model, its running totals rebuilt first when a register's declared aggregates are not those they were kept
     * for (a project's first start on the engine, or an update that changed an indicator). Writes before that keep
     * adding to the old totals, which the rebuild then recomputes from the records.
     */
    private ProjectModel withTotals(KeyProject project) {
        ProjectModel model = model(project);
        if (!totalsChecked.contains(model)) {
            synchronized (totalsChecked) {
                if (!totalsChecked.contains(model)) {
                    for (RegisterDefinition def : model.registers()) {
                        store.inTransaction(c -> Totals.rebuildIfChanged(c, model.projectId, def,
                                at -> LocalDate.ofInstant(at, clock.getZone())));
                    }
                    totalsChecked.add(model);
                }
            }
        }
        return model;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- web

    @Override
    public WebHandler web(KeyProject project, WebHandler custom) {
        compiled(project);
        // The project's own pages read the tables the engine keeps: they run after its one-time encryption too.
        WebHandler ready = custom == null ? null : r -> {
            model(project);
            return custom.handle(r);
        };
        return new RegisterWeb(project, this, this, ready, new TransferPages(project, this));
    }

    @Override
    public WebHandler publicWeb(KeyProject project) {
        return new PublicPages(project, compiled(project), this);
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Page<RegisterRecord> list(Actor actor, KeyProject project, String register, RecordQuery query) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        refusalAudited(actor, def, def.id(), () -> requireReader(actor, def));
        List<Long> reach = def.scope() == Scope.CITY ? List.of(orgUnits.root().id()) : unitIds(actor);
        RegisterDefinition root = root(model, def);
        List<Long> own = reach.stream().filter(u -> u == actor.orgUnit().id()).toList();
        // An office lists its unit's records (with break-glass its own unit's only: above it, the city lists none but
        // those assigned to its holder); anyone else, those assigned to them.
        boolean asOffice = root != null && holdsOffice(actor, def, root) && (!root.breakGlass() || !own.isEmpty());
        List<Long> units = root != null && root.breakGlass() && asOffice ? own : reach;
        // A need-to-know register's archive is its office's: a helper once assigned does not keep browsing it.
        refusalAudited(actor, def, def.id(), () -> {
            if (root != null && !asOffice && "true".equals(query.filters().get(ARCHIVED))) {
                throw new AccessDeniedException("archived " + def.id());
            }
        });
        Map<String, String> assignees = root == null || asOffice ? Map.of() : assigneeColumns(root);
        // An office the records are routed to by name (a city department) lists those too, wherever they sit.
        Field routed = root == null || !holdsOffice(actor, def, root) ? null : officeUnit(model, root);
        RegisterDefinition guard = root == def ? null : root;
        RecordSql sql = sql(def);
        String idHash = query.search() == null || ResidentIdNumber.problem(query.search(), today()).isPresent() ? null
                : cipher.keyedHash(HASH_DOMAIN, ResidentIdNumber.normalize(query.search()));
        return store.inTransaction(c -> {
            RecordSql.Where where = sql.where(units, query, assignees, actor.userId(), idHash,
                    guard == null ? null : guard.table(), routed == null ? null : routedCondition(model, routed),
                    actor.orgUnit().code());
            where = archived(c, def, query, where);
            if (def.sealedBy() != null) {
                // A sealed record is in no list, whoever reads it: it is opened one at a time, by name.
                String col = def.field(def.sealedBy()).orElseThrow().column();
                where = new RecordSql.Where(where.sql() + " AND (" + col + " IS NULL OR " + col + " = FALSE)",
                        where.args());
            }
            long total = sql.count(c, where);
            int pages = (int) Math.max(1, (total + query.size() - 1) / query.size());
            int page = Math.min(query.page(), pages);
            List<RegisterRecord> items = total == 0 ? List.of()
                    : sql.page(c, where, query, (page - 1) * query.size(), query.size());
            if (def.sensitive() && !items.isEmpty()) {
                auditList(c, actor, def, items);
            }
            for (RegisterRecord r : root == null ? List.<RegisterRecord>of() : items) {
                logAccess(c, model, root, def, r, actor, Accesses.LIST, null);
            }
            return new Page<>(items.stream().map(r -> open(actor, def, r)).toList(), page, query.size(), total);
        });
    }

    /** The list's archived records left out, or only those when it asks for them ({@code archived=true}). */
    private RecordSql.Where archived(Connection c, RegisterDefinition def, RecordQuery query, RecordSql.Where where)
            throws SQLException {
        Field end = def.fields().stream().filter(f -> f.has(Field.Flag.ARCHIVE) && f.type() == FieldType.DATE)
                .findFirst().orElse(null);
        if (end == null) {
            return where;
        }
        LocalDate cutoff = today().minus(def.hooks().archiveAfter(c));
        List<Object> args = new ArrayList<>(where.args());
        args.add(java.sql.Date.valueOf(cutoff));
        return new RecordSql.Where(where.sql() + ("true".equals(query.filters().get(ARCHIVED))
                ? " AND " + end.column() + " <= ?" : " AND (" + end.column() + " IS NULL OR " + end.column() + " > ?)"),
                args);
    }

    /** Which records a sensitive list showed, to whom (the audit line's actor) and when (its time). */
    private void auditList(Connection c, Actor actor, RegisterDefinition def, List<RegisterRecord> items)
            throws SQLException {
        for (int i = 0; i < items.size(); i += IDS_PER_AUDIT_LINE) {
            List<String> shown = items.subList(i, Math.min(items.size(), i + IDS_PER_AUDIT_LINE)).stream()
                    .map(r -> String.valueOf(r.id())).toList();
            audit.record(c, actor, def.messagePrefix() + ".list", def.id(), "ids=" + String.join(",", shown));
        }
    }

    @Override
    public RegisterRecord get(Actor actor, KeyProject project, String register, long id) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        return refusalAudited(actor, def, target(def, id), () -> refusalLogged(actor, model, def, id, () -> {
            requireReader(actor, def);
            return store.inTransaction(c -> {
                RegisterRecord r = visible(c, actor, model, def, id);
                String opening = sealed(def, r) ? Accesses.opened(c, model.projectId, def.id(), id, actor.userId(),
                        clock.instant()).orElseThrow() : null;
                return readIn(c, actor, model, def, r, opening);
            });
        }));
    }

    /** What a read of a record it may read leaves: its audit lines and, need to know, its access-log line. */
    private RegisterRecord readIn(Connection c, Actor actor, ProjectModel model, RegisterDefinition def,
            RegisterRecord r, String opening) throws SQLException {
        if (def.sensitive()) {
            audit.record(c, actor, def.messagePrefix() + ".read", target(def, r.id()), null);
        }
        if (opening != null) {
            audit.record(c, actor, def.messagePrefix() + ".unsealed", target(def, r.id()), null);
        }
        RegisterDefinition root = root(model, def);
        if (root != null) {
            logAccess(c, model, root, def, r, actor, opening != null ? Accesses.UNSEALED : Accesses.READ, opening);
        }
        return open(actor, def, r);
    }

    @Override
    public Created createAndRead(Actor actor, KeyProject project, String register, Map<String, ?> input) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        requireWriter(actor, def);
        long fresh = ids.next(def.table());
        return store.inTransaction(c -> {
            long id = writeIn(c, actor, model, def, null, input, -1, null, null, null, null, false, fresh);
            RegisterRecord r = mayRead(actor, def) ? new RecordSql(def).find(c, id).orElse(null) : null;
            // Only what get would answer without refusing, which then keeps its own refusal lines.
            boolean readable = r != null && !sealed(def, r) && reaches(c, actor, model, def, r);
            return new Created(id, readable ? readIn(c, actor, model, def, r, null) : null);
        });
    }

    /** A refused read of a need-to-know record is kept in its access log too: the office sees who tried. */
    private <T> T refusalLogged(Actor actor, ProjectModel model, RegisterDefinition def, long id,
            java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (AccessDeniedException | NotFoundException e) {
            RegisterDefinition root = root(model, def);
            if (root != null && actor != null) {
                store.inTransaction(c -> {
                    Optional<RegisterRecord> r = new RecordSql(def).find(c, id);
                    if (r.isPresent()) {
                        logAccess(c, model, root, def, r.get(), actor, Accesses.REFUSED, null);
                    }
                    return null;
                });
            }
            throw e;
        }
    }

    @Override
    public RegisterRecord breakGlass(Actor actor, KeyProject project, String register, long id, String reason) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        RegisterDefinition root = root(model, def);
        if (root == null || !root.breakGlass()) {
            throw new NotFoundException(target(def, id) + "/break-glass");
        }
        requireReader(actor, def);
        if (!holdsOffice(actor, def, root)) {
            throw new AccessDeniedException(def.id() + ": break-glass is for an office");
        }
        String why = reason(reason);
        return store.inTransaction(c -> {
            RegisterRecord r = new RecordSql(def).find(c, id).orElse(null);
            Optional<OrgUnit> unit = r == null ? Optional.empty() : orgUnits.find(r.unitId());
            if (unit.isEmpty() || !actor.covers(unit.get()) || sealed(def, r)) {
                throw new NotFoundException(target(def, id));
            }
            audit.record(c, actor, def.messagePrefix() + ".breakGlass", target(def, id), "unit=" + r.unitId());
            logAccess(c, model, root, def, r, actor, Accesses.BREAK_GLASS, why);
            return open(actor, def, r);
        });
    }

    /** A stated reason, at most 1,000 characters; a blank one is refused. */
    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw ValidationException.of("reason", REASON);
        }
        return why;
    }

    @Override
    public List<Access> accessLog(Actor actor, KeyProject project, String register, long id) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        if (root(model, def) != def) {
            throw new NotFoundException(target(def, id) + "/access");
        }
        requireReader(actor, def);
        List<Accesses.Line> lines = store.read(c -> {
            RegisterRecord r = new RecordSql(def).find(c, id).orElse(null);
            if (r == null || !actor.covers(orgUnits.find(r.unitId()).orElse(null))
                    || !isOffice(actor, def, def, r.unitId())) {
                throw new NotFoundException(target(def, id) + "/access");
            }
            return Accesses.of(c, model.projectId, def.id(), id);
        });
        Map<Long, String> names = userNames(lines.stream().map(l -> l.userId()).toList());
        return lines.stream().map(l -> new Access(l.at(), l.userId(), names.getOrDefault(l.userId(), ""), l.kind(),
                l.register(), l.readId(), l.reason())).toList();
    }

    @Override
    public long requestUnseal(Actor actor, KeyProject project, String register, long id, String reason) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        if (def.sealedBy() == null) {
            throw new NotFoundException(target(def, id) + "/unseal");
        }
        requireReader(actor, def);
        String why = reason(reason);
        return store.inTransaction(c -> {
            RegisterRecord r = new RecordSql(def).find(c, id).orElse(null);
            if (r == null || !reaches(c, actor, model, def, r) || !sealed(def, r)) {
                throw new NotFoundException(target(def, id));
            }
            long request = Accesses.request(c, model.projectId, def.id(), id, r.unitId(),
                    actor.userId(), clock.instant(), why);
            audit.record(c, actor, def.messagePrefix() + ".unsealRequest", target(def, id), "request=" + request);
            return request;
        });
    }

    @Override
    public void approveUnseal(Actor actor, KeyProject project, long request) {
        ProjectModel model = model(project);
        store.inTransaction(c -> {
            Accesses.Request q = Accesses.request(c,
                    model.projectId, request).filter(x -> model.has(x.register()))
                    .orElseThrow(() -> new NotFoundException("unseal " + request));
            RegisterDefinition def = model.register(q.register());
            if (!mayApprove(actor, model, def, q)) {
                throw new NotFoundException("unseal " + request);
            }
            if (q.requestedBy() == actor.userId()) {
                // The second person of the rule: who asks never approves.
                throw new AccessDeniedException("unseal " + request + ": the requester's own");
            }
            if (!Accesses.approve(c, request, actor.userId(), clock.instant())) {
                throw ValidationException.of("request", "register.error.unsealDone");
            }
            audit.record(c, actor, def.messagePrefix() + ".unsealApprove", target(def, q.recordId()),
                    "request=" + request);
            return null;
        });
    }

    /** A holder of an office of the register who reaches the record's unit as an office. */
    private boolean mayApprove(Actor actor, ProjectModel model, RegisterDefinition def,
            Accesses.Request q) {
        RegisterDefinition root = root(model, def);
        Optional<OrgUnit> unit = orgUnits.find(q.unitId());
        return actor != null && unit.isPresent() && actor.covers(unit.get()) && (root == null
                ? holdsAny(actor, def.offices()) : isOffice(actor, def, root, q.unitId()));
    }

    @Override
    public List<UnsealRequest> unsealRequests(Actor actor, KeyProject project) {
        ProjectModel model = model(project);
        List<Accesses.Request> open = store.read(c ->
                Accesses.open(c, model.projectId)).stream()
                .filter(q -> model.has(q.register()) && q.requestedBy() != actor.userId()
                        && mayApprove(actor, model, model.register(q.register()), q)).toList();
        Map<Long, String> names = userNames(open.stream().map(q -> q.requestedBy()).toList());
        return open.stream().map(q -> new UnsealRequest(q.id(), q.register(), q.recordId(), q.requestedBy(),
                names.getOrDefault(q.requestedBy(), ""), q.requestedAt(), q.reason())).toList();
    }

    /**
     * Runs a read; in a sensitive register a refusal (a role that may not read it, a record out of reach) is audited
     * too, in its own transaction, since the read's is rolled back: an attempt is what the owner wants to see.
     */
    private <T> T refusalAudited(Actor actor, RegisterDefinition def, String target,
            java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (AccessDeniedException | NotFoundException e) {
            if (def.sensitive() && actor != null) {
                audit.record(actor, def.messagePrefix() + ".refused", target, e instanceof NotFoundException ? "reach"
                        : String.valueOf(e.getMessage()).endsWith(": sealed") ? "sealed" : "role");
            }
            throw e;
        }
    }

    /**
     * Keeps a read in the access log of the need-to-know record it concerns ({@code root}'s: the record, or a child's
     * parent), for the record's own office to see.
     */
    private void logAccess(Connection c, ProjectModel model, RegisterDefinition root, RegisterDefinition def,
            RegisterRecord r, Actor actor, String kind, String reason) throws SQLException {
        long record = root == def ? r.id() : r.parentId();
        Accesses.log(c, model.projectId, root.id(), record, def.id(), r.id(), actor.userId(), clock.instant(), kind,
                reason);
    }

    private void refusalAudited(Actor actor, RegisterDefinition def, String target, Runnable check) {
        refusalAudited(actor, def, target, () -> {
            check.run();
            return null;
        });
    }

    @Override
    public String reveal(Actor actor, KeyProject project, String register, long id, String field) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        Field f = def.field(field).filter(x -> x.type() == FieldType.ID_NUMBER)
                .orElseThrow(() -> new NotFoundException(target(def, id) + "/" + field));
        // A reader sees the mask; only who may change the record may see the number (a viewer never does).
        requireWriter(actor, def);
        String sealed = store.read(c -> {
            visible(c, actor, model, def, id);
            return new RecordSql(def).cipher(c, id, f).orElse(null);
        });
        return sealed == null ? null : cipher.decrypt(sealed, actor, target(def, id) + "/" + field);
    }

    @Override
    public Attachment.Content attachment(Actor actor, KeyProject project, String register, long id, String field) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        String target = target(def, id) + "/" + field;
        Field f = def.field(field).filter(x -> x.type() == FieldType.FILE)
                .orElseThrow(() -> new NotFoundException(target));
        if (def.sensitive() || f.has(Field.Flag.PRIVATE)) {
            // As with an ID number in clear: a poverty certificate is for who works the record, not its viewers.
            if (!holdsAny(actor, def.offices())) {
                requireWriter(actor, def);
            }
        } else {
            requireReader(actor, def);
        }
        record Sealed(Attachment attachment, byte[] bytes) {
        }
        Sealed sealed = store.read(c -> {
            RegisterRecord r = visible(c, actor, model, def, id);
            if (!(r.value(field) instanceof Attachment a)) {
                throw new NotFoundException(target);
            }
            return new Sealed(a, Attachments.sealed(c, a.id(), model.projectId, def.id(), id, field)
                    .orElseThrow(() -> new NotFoundException(target)));
        });
        return new Attachment.Content(sealed.attachment(), cipher.decryptFile(sealed.bytes(), actor, target));
    }

    private RegisterRecord visible(Connection c, Actor actor, ProjectModel model, RegisterDefinition def, long id)
            throws SQLException {
        RegisterRecord r = new RecordSql(def).find(c, id).orElse(null);
        if (r == null || !reaches(c, actor, model, def, r)) {
            throw new NotFoundException(target(def, id));
        }
        // Sealed: whoever reaches it reads it only through an opening approved for them.
        if (sealed(def, r) && Accesses.opened(c, model.projectId, def.id(), id, actor.userId(), clock.instant())
                .isEmpty()) {
            throw new AccessDeniedException(target(def, id) + ": sealed");
        }
        return r;
    }

    private static boolean sealed(RegisterDefinition def, RegisterRecord r) {
        return def.sealedBy() != null && Boolean.TRUE.equals(r.value(def.sealedBy()));
    }

    /**
     * Whether the actor reaches the record: in their subtree and, need to know, as an office of its unit (not above
     * it, when the glass must be broken) or as one of its assignees (a child's: its parent's).
     */
    private boolean reaches(Connection c, Actor actor, ProjectModel model, RegisterDefinition def, RegisterRecord r)
            throws SQLException {
        Optional<OrgUnit> unit = orgUnits.find(r.unitId());
        if (def.scope() == Scope.CITY) {
            return unit.isPresent();
        }
        if (unit.isEmpty()) {
            return false;
        }
        RegisterDefinition root = root(model, def);
        Field routed = root == null || !holdsOffice(actor, def, root) ? null : officeUnit(model, root);
        RegisterRecord held = root == null || root == def ? r : null;
        if (routed != null) {
            held = held != null ? held : new RecordSql(root).find(c, r.parentId()).orElse(null);
            if (held != null && actor.orgUnit().code().equals(routedTo(c, model, routed, held))) {
                return true;
            }
        }
        if (!actor.covers(unit.get())) {
            return false;
        }
        if (root == null || isOffice(actor, def, root, r.unitId())) {
            return true;
        }
        held = held != null ? held : new RecordSql(root).find(c, r.parentId()).orElse(null);
        return held != null && assigned(actor, root, held);
    }

    /**
     * The reference field of a need-to-know register whose record names (in its own office-unit field) the unit
     * whose offices the record is routed to, or null.
     */
    private static Field officeUnit(ProjectModel model, RegisterDefinition root) {
        return root.fields().stream().filter(f -> f.has(Field.Flag.OFFICE_UNIT) && f.type() == FieldType.REFERENCE
                && codeField(model.register(f.target())) != null).findFirst().orElse(null);
    }

    /** The text field holding the code of the unit a record names as an office, or null. */
    private static Field codeField(RegisterDefinition def) {
        return def.fields().stream().filter(f -> f.has(Field.Flag.OFFICE_UNIT) && f.type() == FieldType.TEXT)
                .findFirst().orElse(null);
    }

    /** The code of the unit {@code held} is routed to, through the record its {@code routed} field names. */
    private static String routedTo(Connection c, ProjectModel model, Field routed, RegisterRecord held)
            throws SQLException {
        RegisterDefinition target = model.register(routed.target());
        return held.value(routed.name()) instanceof Long id ? new RecordSql(target).find(c, id)
                .map(x -> x.value(codeField(target).name()))
                .map(String::valueOf).orElse(null) : null;
    }

    /** The condition on a need-to-know register's columns that its record is routed to the unit of a code. */
    private static String routedCondition(ProjectModel model, Field routed) {
        RegisterDefinition target = model.register(routed.target());
        return routed.column() + " IN (SELECT ID FROM " + target.table() + " WHERE DELETED_AT IS NULL AND "
                + codeField(target).column() + " = ?)";
    }

    private static boolean assigned(Actor actor, RegisterDefinition def, RegisterRecord r) {
        return def.fields().stream().filter(f -> f.has(Field.Flag.ASSIGNEE))
                .anyMatch(f -> Long.valueOf(actor.userId()).equals(r.value(f.name())));
    }

    /**
     * The need-to-know register whose rules a record of {@code def} follows: its own, or its need-to-know parent's
     * (a youth's visits are for who may read the youth); null when unit scope decides.
     */
    private static RegisterDefinition root(ProjectModel model, RegisterDefinition def) {
        if (def.parent() != null) {
            RegisterDefinition parent = model.register(def.parent());
            if (parent.scope() == Scope.NEED_TO_KNOW) {
                return parent;
            }
        }
        return def.scope() == Scope.NEED_TO_KNOW ? def : null;
    }

    /** Whether the actor holds an office of the register or of the need-to-know register it follows. */
    private static boolean holdsOffice(Actor actor, RegisterDefinition def, RegisterDefinition root) {
        return holdsAny(actor, def.offices()) || holdsAny(actor, root.offices());
    }

    /** An office reaches the records of its unit and below, or of its own unit only when the glass must be broken. */
    private static boolean isOffice(Actor actor, RegisterDefinition def, RegisterDefinition root, long unitId) {
        return holdsOffice(actor, def, root) && (!root.breakGlass() || actor.orgUnit().id() == unitId);
    }

    /** The assignee columns of a need-to-know register, which must name who lists it without an office. */
    private static Map<String, String> assigneeColumns(RegisterDefinition def) {
        Map<String, String> columns = new LinkedHashMap<>();
        def.fields().stream().filter(f -> f.has(Field.Flag.ASSIGNEE)).forEach(f -> columns.put(f.column(), f.name()));
        return columns;
    }

    private static boolean holdsAny(Actor actor, Collection<String> roles) {
        return roles.stream().anyMatch(actor::hasRole);
    }

    void requireReader(Actor actor, RegisterDefinition def) {
        if (actor == null || !actor.hasAnyRole()) {
            throw new AccessDeniedException(def.id() + ": no role");
        }
        if (!def.readRoles().isEmpty() && !holdsAny(actor, def.readRoles()) && !holdsAny(actor, def.writeRoles())
                && !holdsAny(actor, def.offices())) {
            throw new AccessDeniedException(def.id() + ": not a reader");
        }
    }

    void requireWriter(Actor actor, RegisterDefinition def) {
        requireReader(actor, def);
        if (!holdsAny(actor, def.writeRoles())) {
            throw new AccessDeniedException(def.id() + ": read-only role");
        }
    }

    boolean mayWrite(Actor actor, RegisterDefinition def) {
        return actor != null && holdsAny(actor, def.writeRoles())
                && (def.scope() != Scope.CITY || actor.orgUnit().parentId() == null);
    }

    /** A city list is written by the city's writers only: a county's holder of the same role reads it. */
    private static void requireCityWriter(Actor actor, RegisterDefinition def) {
        if (def.scope() == Scope.CITY && actor.orgUnit().parentId() != null) {
            throw new AccessDeniedException(def.id() + ": the city's list");
        }
    }

    /** The evaluated units the actor reaches. */
    private List<Long> unitIds(Actor actor) {
        return units(actor).stream().map(OrgUnit::id).toList();
    }

    // ---------------------------------------------------------------- writing

    @Override
    public long create(Actor actor, KeyProject project, String register, Map<String, ?> input) {
        return write(actor, model(project), model(project).register(register), null, input, -1, null, null);
    }

    @Override
    public void update(Actor actor, KeyProject project, String register, long id, Map<String, ?> input,
            int version) {
        write(actor, model(project), model(project).register(register), id, input, version, null, null);
    }

    @Override
    public void transition(Actor actor, KeyProject project, String register, long id, String transition,
            Map<String, ?> input, String reason) {
        RegisterDefinition def = model(project).register(register);
        Transition t = def.workflow() == null ? null : def.workflow().transition(transition).orElse(null);
        if (t == null) {
            throw new NotFoundException(target(def, id) + "/" + transition);
        }
        write(actor, model(project), def, id, input, -1, t, reason);
    }

    /**
     * One create, edit or workflow step: parse every field, check the unit, references, duplicates and hooks, and
     * write the record, its history, its audit line and its totals in one transaction, or nothing.
     */
    private long write(Actor actor, ProjectModel model, RegisterDefinition def, Long id, Map<String, ?> input,
            int version, Transition step, String reason) {
        // A new record's id is taken first: a block of ids is taken in a transaction of its own, which must not
        // wait for a connection while this one holds another (a full pool would wait for itself).
        if (id == null) {
            // Who may not write takes no id either.
            requireWriter(actor, def);
        }
        long fresh = id == null ? ids.next(def.table()) : 0;
        return store.inTransaction(c -> writeIn(c, actor, model, def, id, input, version, step, reason, null, null,
                false, fresh));
    }

    /**
     * {@link #write} on the caller's transaction, for an import that writes many records in one.
     *
     * @param labels a choice field's translated label of a code, so that cells may name choices as users read
     *               them; null to accept codes only
     * @param totals where the record's changes of running totals go until the caller writes them; null: at once
     */
    long writeIn(Connection c, Actor actor, ProjectModel model, RegisterDefinition def, Long id, Map<String, ?> input,
            int version, Transition step, String reason, java.util.function.BiFunction<Field, String, String> labels,
            Totals.Buffer totals) throws SQLException {
        return writeIn(c, actor, model, def, id, input, version, step, reason, labels, totals, false, 0);
    }

    /**
     * Every check of {@link #writeIn} (fields, hooks' validation, links, the key) and nothing written: an import's
     * check of a file, which otherwise wrote each row to undo it. Returns 0; throws as a write would.
     */
    long checkIn(Connection c, Actor actor, ProjectModel model, RegisterDefinition def, Map<String, ?> input,
            java.util.function.BiFunction<Field, String, String> labels) throws SQLException {
        return writeIn(c, actor, model, def, null, input, -1, null, null, labels, null, true, 0);
    }

    private long writeIn(Connection c, Actor actor, ProjectModel model, RegisterDefinition def, Long id,
            Map<String, ?> input, int version, Transition step, String reason,
            java.util.function.BiFunction<Field, String, String> labels, Totals.Buffer totals, boolean checkOnly,
            long fresh) throws SQLException {
        requireCityWriter(actor, def);
        if (step == null) {
            requireWriter(actor, def);
        } else {
            requireReader(actor, def);
            if (!actor.hasRole(step.role()) || (step.level() != null && actor.orgUnit().level() != step.level())) {
                throw new AccessDeniedException(def.id() + ": step " + step.id() + " needs " + step.role());
            }
        }
        LocalDate today = today();
        ValidationException.Collector errors = new ValidationException.Collector();
        Map<String, Object> parsed = parse(def, input, today, step, labels, errors);
        if (step != null && step.reason() && (reason == null || reason.isBlank())) {
            errors.add("reason", REASON);
        }
        Long requestedUnit = def.scope() == Scope.CITY ? Long.valueOf(orgUnits.root().id())
                : def.parent() == null ? unitOf(actor, input.get("unit"), errors) : null;
        Long parentId = def.parent() == null || id != null ? null : idOf(input.get("parent"));
        Instant at = clock.instant();
        {
            // Hooks, a step's carried values and the history's changed fields see what the writer sees: in clear.
            RegisterRecord before = id == null ? null : open(actor, def, visible(c, actor, model, def, id));
            long unit;
            Long parent = before == null ? parentId : before.parentId();
            if (def.parent() != null) {
                if (parent == null) {
                    throw new NotFoundException(def.id() + ": no parent");
                }
                unit = visible(c, actor, model, model.register(def.parent()), parent).unitId();
            } else {
                unit = requestedUnit != null ? requestedUnit : before != null ? before.unitId() : defaultUnit(actor, errors);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            if (step != null) {
                values.putAll(before.values());
                if (!step.from().contains(before.state())) {
                    errors.add("state", STEP);
                }
            } else if (before != null) {
                // Fields only hooks and steps set survive an edit.
                def.fields().stream().filter(f -> f.has(Field.Flag.READ_ONLY) && before.values().containsKey(f.name()))
                        .forEach(f -> values.put(f.name(), before.value(f.name())));
            }
            values.putAll(parsed);
            if (before != null && step == null && def.workflow() != null
                    && def.workflow().locked().contains(before.state())) {
                errors.add("state", LOCKED);
            }
            checkReferences(c, actor, model, def, unit, values, errors);
            long recordId = id != null ? id : checkOnly ? 0 : fresh != 0 ? fresh : ids.next(def.table());
            String state = step != null ? step.to() : before != null ? before.state()
                    : def.workflow() == null ? null : def.workflow().initial();
            RecordChange.Kind kind = step != null ? RecordChange.Kind.TRANSITION
                    : before == null ? RecordChange.Kind.CREATE : RecordChange.Kind.UPDATE;
            // Hooks check the values as entered, ID numbers in clear (a birth date against the number, say).
            Change entered = new Change(kind, def, actor, today, c, Optional.ofNullable(before), values, recordId,
                    unit, Optional.ofNullable(step), parent);
            def.hooks().validate(entered, errors);
            derive(def, entered, values, today, errors);
            if (before != null && before.unitId() != unit) {
                links(c, model, def, recordId, errors);
            }
            Map<String, RecordSql.Sealed> sealed = seal(c, def, before, id, values, input, errors);
            checkKey(c, model.projectId, actor, def, unit, values, sealed, id == null ? 0 : id, errors);
            errors.throwIfAny();
            if (checkOnly) {
                return 0;
            }
            storeFiles(c, model, def, recordId, values, input, actor, at);
            Change change = new Change(kind, def, actor, today, c, Optional.ofNullable(before), values, recordId, unit,
                    Optional.ofNullable(step), parent);
            RecordSql sql = new RecordSql(def);
            RecordSql.Row row = new RecordSql.Row(unit, parent, state, values, sealed);
            try {
                if (before == null) {
                    sql.insert(c, recordId, row, actor.userId(), at);
                } else if (!sql.update(c, recordId, row, step == null ? version : -1, actor.userId(), at)) {
                    throw new ValidationException(Map.of("version", STALE));
                }
            } catch (SQLException e) {
                // Two writers passed the duplicate check at once: the table's unique constraint stops the second.
                if (!def.key().isEmpty() && "23505".equals(e.getSQLState())) {
                    throw ValidationException.of(def.key().get(0), DUPLICATE);
                }
                throw e;
            }
            replicate(c, model, def, recordId);
            Totals.apply(c, model.projectId, def, before == null ? null : snapshot(before),
                    new Totals.Snapshot(unit, state, values, before == null ? LocalDate.ofInstant(at, clock.getZone())
                            : LocalDate.ofInstant(before.createdAt(), clock.getZone())), totals);
            History.add(c, model.projectId, def.id(), recordId, actor.userId(), at, kind,
                    before == null ? null : before.state(), state, reason, changed(def, before, values));
            audit.record(c, actor, def.messagePrefix() + "." + (step != null ? "step." + step.id()
                    : before == null ? "create" : "update"), target(def, recordId), "unit=" + unit);
            def.hooks().afterWrite(change);
            return recordId;
        }
    }

    /**
     * Puts the values the hooks derive from {@code entered} into {@code values}, read-only fields only (a hook must not
     * overrule what the user typed), each checked against its field's rules like typed input.
     */
    private static void derive(RegisterDefinition def, Change entered, Map<String, Object> values, LocalDate today,
            ValidationException.Collector errors) throws SQLException {
        Map<String, Object> derived = def.hooks().derive(entered);
        for (Map.Entry<String, Object> e : derived.entrySet()) {
            Field f = def.field(e.getKey()).filter(x -> x.has(Field.Flag.READ_ONLY)).orElseThrow(
                    () -> new IllegalStateException(def.id() + ": derives " + e.getKey() + ", not a read-only field"));
            Object v = e.getValue() == null ? null : Values.parse(f, e.getValue(), today, null, errors);
            if (v == null) {
                values.remove(f.name());
            } else {
                values.put(f.name(), v);
            }
        }
    }

    private Map<String, Object> parse(RegisterDefinition def, Map<String, ?> input, LocalDate today, Transition step,
            java.util.function.BiFunction<Field, String, String> labels, ValidationException.Collector errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : def.fields()) {
            boolean stepField = step != null && step.fields().contains(f.name());
            if (step != null ? !stepField : f.has(Field.Flag.READ_ONLY)) {
                continue;
            }
            Field rules = stepField && !f.mandatory() ? f.required() : f;
            Object raw = input.get(f.name());
            if (f.type() == FieldType.ID_NUMBER && keepsStoredNumber(input, f)) {
                continue;
            }
            Object v = Values.parse(rules, raw, today, labels == null ? null : code -> labels.apply(f, code), errors);
            if (v != null) {
                out.put(f.name(), v);
            }
        }
        return out;
    }

    /** The unit a new or moved record names: an evaluated unit in the actor's reach. */
    private Long unitOf(Actor actor, Object raw, ValidationException.Collector errors) {
        if (raw == null || String.valueOf(raw).isBlank()) {
            return null;
        }
        Long id = idOf(raw);
        Optional<OrgUnit> unit = id == null ? Optional.empty() : orgUnits.findVisible(actor, id);
        if (unit.isEmpty() || !unit.get().level().evaluated()) {
            errors.add("unit", UNIT);
            return null;
        }
        return id;
    }

    /** A county user's records are their county's; the city names the unit. */
    private long defaultUnit(Actor actor, ValidationException.Collector errors) {
        if (actor.orgUnit().level().evaluated()) {
            return actor.orgUnit().id();
        }
        errors.add("unit", Values.REQUIRED);
        return 0;
    }

    private static Long idOf(Object raw) {
        if (raw instanceof Number n) {
            return n.longValue();
        }
        try {
            return raw == null ? null : Long.parseLong(String.valueOf(raw).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A reference names a live record the actor reaches; in a unit-scoped register, one of the same unit (a youth of
     * another county cannot be this county's borrower). A user field names an enabled user with the declared role.
     */
    private void checkReferences(Connection c, Actor actor, ProjectModel model, RegisterDefinition def, long unit,
            Map<String, Object> values, ValidationException.Collector errors) throws SQLException {
        for (Field f : def.fields()) {
            Object v = values.get(f.name());
            if (v == null || errors.has(f.name())) {
                continue;
            }
            if (f.type() == FieldType.REFERENCE) {
                RegisterDefinition target = model.register(f.target());
                RegisterRecord r = new RecordSql(target).find(c, (Long) v).orElse(null);
                if (r == null || !reaches(c, actor, model, target, r)) {
                    errors.add(f.name(), Values.REFERENCE);
                } else if (def.scope() == Scope.UNIT && target.scope() == Scope.UNIT && r.unitId() != unit) {
                    errors.add(f.name(), "register.error.otherUnit");
                }
            } else if (f.type() == FieldType.USER && !userHolds(c, (Long) v, f.target())) {
                errors.add(f.name(), Values.USER);
            }
        }
    }

    private static boolean userHolds(Connection c, long userId, String role) throws SQLException {
        String sql = role == null || role.isEmpty()
                ? "SELECT 1 FROM JX_USER WHERE ID = ? AND ENABLED = TRUE"
                : "SELECT 1 FROM JX_USER U JOIN JX_USER_ROLE R ON R.USER_ID = U.ID WHERE U.ID = ? AND U.ENABLED = TRUE "
                        + "AND R.ROLE = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, userId);
            if (!(role == null || role.isEmpty())) {
                ps.setString(2, role);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Encrypts each resident-ID value with its keyed hash and mask; an edit that leaves the number unchanged (the
     * form shows only the mask) keeps the stored one.
     */
    private Map<String, RecordSql.Sealed> seal(Connection c, RegisterDefinition def, RegisterRecord before, Long id,
            Map<String, Object> values, Map<String, ?> input, ValidationException.Collector errors)
            throws SQLException {
        Map<String, RecordSql.Sealed> out = new HashMap<>();
        for (Field f : def.fields()) {
            if (RecordSql.encrypted(f) && values.get(f.name()) instanceof String clear) {
                // Stays in clear among the values, for the hooks; only the sealed parts are written.
                out.put(f.name(), new RecordSql.Sealed(cipher.encrypt(clear), textHash(def, f, clear), null));
            }
            if (f.type() != FieldType.ID_NUMBER) {
                continue;
            }
            Object clear = values.remove(f.name());
            // A step carries the record's values as read, the mask among them: that is the stored number, unchanged.
            boolean unchanged = before != null && clear != null && clear.equals(before.value(f.name()));
            if (clear != null && !unchanged) {
                String s = (String) clear;
                String mask = Values.maskId(s);
                out.put(f.name(), new RecordSql.Sealed(cipher.encrypt(s), cipher.keyedHash(HASH_DOMAIN, s), mask));
                values.put(f.name(), mask);
            } else if (before != null && before.values().containsKey(f.name()) && !errors.has(f.name())
                    && (unchanged || keepsStoredNumber(input, f) || f.has(Field.Flag.READ_ONLY))) {
                out.put(f.name(), stored(c, def, id, f));
                values.put(f.name(), before.value(f.name()));
            }
        }
        return out;
    }

    /** New uploads go to the file table in the record's transaction; the record then names them by id. */
    private void storeFiles(Connection c, ProjectModel model, RegisterDefinition def, long recordId,
            Map<String, Object> values, Map<String, ?> input, Actor actor, Instant at) throws SQLException {
        for (Field f : def.fields()) {
            if (values.get(f.name()) instanceof Attachment a && a.id() == 0
                    && input.get(f.name()) instanceof Upload u) {
                values.put(f.name(), Attachments.store(c, cipher, ids.next("REG_FILE"), model.projectId, def.id(),
                        recordId, f, u, a, actor.userId(), at));
            }
        }
    }

    /**
     * An edit sends back the mask a form showed (or says {@code <field>Unchanged}): the stored number stays, since
     * the editor never saw it in clear.
     */
    private static boolean keepsStoredNumber(Map<String, ?> input, Field f) {
        Object raw = input.get(f.name());
        return input.containsKey(f.name() + "Unchanged") && (raw == null || String.valueOf(raw).isBlank())
                || raw instanceof String s && s.contains("*");
    }

    private RecordSql.Sealed stored(Connection c, RegisterDefinition def, long id, Field f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + f.column() + "_CIPHER, " + f.column() + "_HASH, "
                + f.column() + "_MASK FROM " + def.table() + " WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new RecordSql.Sealed(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
    }

    /**
     * A declared key already held by another live record of the unit is a duplicate. Held in another unit (a key
     * across units), the writer is told only to contact the city, and the city gets the conflict to resolve.
     */
    private void checkKey(Connection c, String projectId, Actor actor, RegisterDefinition def, long unit,
            Map<String, Object> values, Map<String, RecordSql.Sealed> sealed, long id,
            ValidationException.Collector errors) throws SQLException {
        if (def.key().isEmpty() || def.key().stream().anyMatch(errors::has)) {
            return;
        }
        Map<String, Object> key = new LinkedHashMap<>();
        for (String k : def.key()) {
            Field f = def.field(k).orElseThrow();
            Object v = f.type() == FieldType.ID_NUMBER || RecordSql.encrypted(f)
                    ? (sealed.get(k) == null ? null : sealed.get(k).hash()) : values.get(k);
            if (v == null) {
                return;
            }
            key.put(k, v);
        }
        RecordSql sql = sql(def);
        List<Long> same = sql.sameKey(c, def.keyAcrossUnits() ? null : unit, key, id);
        if (same.isEmpty()) {
            return;
        }
        if (!def.keyAcrossUnits() || !sql.sameKey(c, unit, key, id).isEmpty()) {
            errors.add(def.key().get(0), DUPLICATE);
            return;
        }
        // Not even "already registered": that would tell a county about a person in another county's records.
        errors.add(def.key().get(0), DUPLICATE_ELSEWHERE);
        long holder = same.get(0);
        Instant at = clock.instant();
        // Its own transaction: the refused write is rolled back, the conflict stays for the city.
        store.inTransaction(other -> {
            Conflicts.record(other, projectId, def.id(), holder, unit, actor.userId(), at);
            return null;
        });
    }

    @Override
    public List<Conflict> conflicts(Actor actor, KeyProject project) {
        ProjectModel model = model(project);
        if (actor == null || actor.orgUnit().parentId() != null) {
            return List.of();
        }
        List<Conflicts.Row> rows = store.read(c -> Conflicts.open(c, model.projectId));
        Map<Long, String> users = userNames(rows.stream().map(Conflicts.Row::requestedBy).toList());
        List<Conflict> out = new ArrayList<>();
        for (Conflicts.Row r : rows) {
            RegisterDefinition def = model.register(r.register());
            if (!mayRead(actor, def)) {
                continue;
            }
            RegisterRecord holder = store.read(c -> new RecordSql(def).find(c, r.recordId())).orElse(null);
            // A need-to-know record's name is not the city's to see here: the holding county is (the glass can be
            // broken with a reason). Any other sensitive name shown is an audited read.
            boolean named = holder != null && def.scope() != Scope.NEED_TO_KNOW;
            String title = !named ? "" : title(actor, def, holder);
            if (named && def.sensitive()) {
                audit.record(actor, def.messagePrefix() + ".list", def.id(), "ids=" + holder.id());
            }
            out.add(new Conflict(r.id(), def.id(), r.recordId(), title,
                    holder == null ? "" : unitName(holder.unitId()), unitName(r.requestingUnit()),
                    users.getOrDefault(r.requestedBy(), ""), r.requestedAt()));
        }
        return out;
    }

    @Override
    public void resolveConflict(Actor actor, KeyProject project, long id, String resolution) {
        ProjectModel model = model(project);
        boolean city = actor != null && actor.orgUnit().parentId() == null;
        if (!city || !actor.canWrite()) {
            throw new AccessDeniedException("conflict " + id);
        }
        String text = resolution == null ? "" : resolution.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw ValidationException.of("resolution", REASON);
        }
        store.inTransaction(c -> {
            if (!Conflicts.resolve(c, model.projectId, id, actor.userId(), clock.instant(), text)) {
                throw new NotFoundException("conflict " + id);
            }
            audit.record(c, actor, "conflict.resolve", model.projectId + "/conflict:" + id, null);
            return null;
        });
    }

    private boolean mayRead(Actor actor, RegisterDefinition def) {
        try {
            requireReader(actor, def);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    private static List<String> changed(RegisterDefinition def, RegisterRecord before, Map<String, Object> values) {
        List<String> names = new ArrayList<>();
        for (Field f : def.fields()) {
            Object was = before == null ? null : before.value(f.name());
            if (!java.util.Objects.equals(was, values.get(f.name()))) {
                names.add(f.name());
            }
        }
        return names;
    }

    private Totals.Snapshot snapshot(RegisterRecord r) {
        return new Totals.Snapshot(r.unitId(), r.state(), r.values(), LocalDate.ofInstant(r.createdAt(),
                clock.getZone()));
    }

    @Override
    public void delete(Actor actor, KeyProject project, String register, long id, String reason) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        requireWriter(actor, def);
        requireCityWriter(actor, def);
        Instant at = clock.instant();
        store.inTransaction(c -> {
            // Out of reach is "not found" whatever else is wrong, so the answer says nothing about other counties.
            // The hooks check the deletion against the record as its writer reads it, in clear.
            RegisterRecord before = open(actor, def, visible(c, actor, model, def, id));
            ValidationException.Collector errors = new ValidationException.Collector();
            if (reason == null || reason.isBlank()) {
                errors.add("reason", REASON);
            }
            if (def.workflow() != null && def.workflow().locked().contains(before.state())) {
                errors.add("state", LOCKED);
            }
            links(c, model, def, id, errors);
            def.hooks().validate(new Change(RecordChange.Kind.DELETE, def, actor, today(), c, Optional.of(before),
                    Map.of(), id, before.unitId(), Optional.empty(), before.parentId()), errors);
            errors.throwIfAny();
            String why = reason.strip();
            if (!new RecordSql(def).softDelete(c, id, actor.userId(), at, why.length() > 500 ? why.substring(0, 500)
                    : why)) {
                throw new NotFoundException(target(def, id));
            }
            replicate(c, model, def, id);
            Totals.apply(c, model.projectId, def, snapshot(before), null);
            History.add(c, model.projectId, def.id(), id, actor.userId(), at, RecordChange.Kind.DELETE,
                    before.state(), null, why, List.of());
            audit.record(c, actor, def.messagePrefix() + ".delete", target(def, id), "unit=" + before.unitId());
            def.hooks().afterWrite(new Change(RecordChange.Kind.DELETE, def, actor, today(), c, Optional.of(before),
                    Map.of(), id, before.unitId(), Optional.empty(), before.parentId()));
            return null;
        });
    }

    /**
     * A record that live records of other registers (or its own children) name is neither deleted nor moved: they
     * would count for a record that is gone or in the wrong unit. Adds one refusal per such register to
     * {@code errors}, beside the register hooks' own, so one answer names them all.
     */
    private static void links(Connection c, ProjectModel model, RegisterDefinition def, long id,
            ValidationException.Collector errors) throws SQLException {
        for (ProjectModel.Link link : model.incoming(def.id())) {
            if (errors.has(link.from().id())) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + link.from().table() + " WHERE "
                    + link.column() + " = ? AND DELETED_AT IS NULL")) {
                ps.setMaxRows(1);
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        errors.add(link.from().id(), link.from().messagePrefix() + ".linked");
                    }
                }
            }
        }
    }

    static String target(RegisterDefinition def, long id) {
        return def.messagePrefix() + ":" + id;
    }

    // ---------------------------------------------------------------- indicators and ids

    @Override
    public Map<Long, Map<String, BigDecimal>> actualsAsOf(KeyProject project, Collection<Long> unitIds, int year,
            LocalDate asOf) {
        ProjectModel model = withTotals(project);
        List<Long> units = unitIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        return store.read(c -> Totals.read(c, model.projectId, model.registers(), units, year, asOf));
    }

    @Override
    public long nextId(String table) {
        if (table == null || !table.matches("[A-Z][A-Z0-9_]{0,59}")) {
            throw new IllegalArgumentException("not a plain upper-case table name: " + table);
        }
        return ids.next(table);
    }

    void auditImport(Connection c, Actor actor, RegisterDefinition def, int rows) throws SQLException {
        audit.record(c, actor, def.messagePrefix() + ".import", def.id(), "rows=" + rows);
    }

    void auditExport(Actor actor, RegisterDefinition def, int rows, String format, boolean clearIds) {
        audit.record(actor, def.messagePrefix() + ".export", def.id(), "rows=" + rows + " format=" + format
                + (clearIds ? " ids=clear" : ""));
    }

    String idHash(String clearIdNumber) {
        return cipher.keyedHash(HASH_DOMAIN, clearIdNumber);
    }

    /** The enabled user a cell names by username or display name, when exactly one matches. */
    Long userNamed(Connection c, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM JX_USER WHERE ENABLED = TRUE AND "
                + "(USERNAME_KEY = ? OR DISPLAY_NAME = ?) FETCH FIRST 2 ROWS ONLY")) {
            ps.setString(1, text.strip().toLowerCase(java.util.Locale.ROOT));
            ps.setString(2, text.strip());
            try (ResultSet rs = ps.executeQuery()) {
                Long found = rs.next() ? rs.getLong(1) : null;
                return found != null && !rs.next() ? found : null;
            }
        }
    }

    // ---------------------------------------------------------------- lookups

    @Override
    public Map<Long, String> titles(Actor actor, KeyProject project, String register, Collection<Long> recordIds) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        requireReader(actor, def);
        Map<Long, String> out = new LinkedHashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        RegisterDefinition root = root(model, def);
        store.inTransaction(c -> {
            List<RegisterRecord> shown = new ArrayList<>();
            for (RegisterRecord r : new RecordSql(def).byIds(c, recordIds)) {
                // A sealed record's title (an offence) is as sealed as the rest of it.
                if (reaches(c, actor, model, def, r) && (!sealed(def, r) || Accesses.opened(c, model.projectId,
                        def.id(), r.id(), actor.userId(), clock.instant()).isPresent())) {
                    out.put(r.id(), title(actor, def, r));
                    shown.add(r);
                }
            }
            // A name in a link or a picker is a read like a list's row.
            if (def.sensitive() && !shown.isEmpty()) {
                auditList(c, actor, def, shown);
            }
            for (RegisterRecord r : root == null ? List.<RegisterRecord>of() : shown) {
                logAccess(c, model, root, def, r, actor, Accesses.LIST, null);
            }
            return null;
        });
        return out;
    }

    @Override
    public List<Option> search(Actor actor, KeyProject project, String register, String query, int limit) {
        RegisterDefinition def = model(project).register(register);
        Map<String, String> filters = def.title().map(f -> Map.of(f.name(), query == null ? "" : query))
                .orElse(Map.of());
        Page<RegisterRecord> page = list(actor, project, register,
                new RecordQuery(null, filters, def.title().filter(f -> f.has(Field.Flag.SORTABLE)).map(Field::name)
                        .orElse(null), false, 1, Math.min(Math.max(1, limit), RecordQuery.MAX_SIZE), null));
        return page.items().stream().map(r -> new Option(r.id(), def.title()
                .map(f -> Values.plain(r.value(f.name()))).orElse(String.valueOf(r.id())))).toList();
    }

    @Override
    public List<OrgUnit> units(Actor actor) {
        return orgUnits.visibleTo(actor).stream().filter(u -> u.level().evaluated()).toList();
    }

    @Override
    public String unitName(long unitId) {
        return orgUnits.find(unitId).map(OrgUnit::name).orElse("");
    }

    @Override
    public Map<Long, String> userNames(Collection<Long> userIds) {
        Map<Long, String> out = new LinkedHashMap<>();
        List<Long> all = userIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (all.isEmpty()) {
            return out;
        }
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, DISPLAY_NAME FROM JX_USER WHERE ID IN ("
                    + RecordSql.placeholders(all.size()) + ")")) {
                RecordSql.bind(ps, new ArrayList<>(all));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Option> users(Actor actor, String role) {
        boolean any = role == null || role.isEmpty();
        return store.read(c -> {
            List<Option> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(any
                    ? "SELECT ID, DISPLAY_NAME, ORG_UNIT_ID FROM JX_USER WHERE ENABLED = TRUE ORDER BY DISPLAY_NAME"
                    : "SELECT U.ID, U.DISPLAY_NAME, U.ORG_UNIT_ID FROM JX_USER U JOIN JX_USER_ROLE R ON R.USER_ID = U.ID "
                            + "WHERE U.ENABLED = TRUE AND R.ROLE = ? ORDER BY U.DISPLAY_NAME")) {
                if (!any) {
                    ps.setString(1, role);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (orgUnits.find(rs.getLong(3)).filter(actor::covers).isPresent()) {
                            out.add(new Option(rs.getLong(1), rs.getString(2)));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Long> sealed(Actor actor, KeyProject project, String register, long parentId) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        if (actor == null || def.sealedBy() == null || def.parent() == null || !holdsAny(actor, def.offices())) {
            return List.of();
        }
        RegisterDefinition parentDef = model.register(def.parent());
        String column = def.field(def.sealedBy()).orElseThrow().column();
        return store.inTransaction(c -> {
            RegisterRecord parent = new RecordSql(parentDef).find(c, parentId).orElse(null);
            if (parent == null || !reaches(c, actor, model, parentDef, parent)) {
                return List.<Long>of();
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM " + def.table() + " WHERE PARENT_ID = ? "
                    + "AND DELETED_AT IS NULL AND " + column + " = TRUE ORDER BY ID")) {
                ps.setLong(1, parentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (!ids.isEmpty()) {
                audit.record(c, actor, def.messagePrefix() + ".sealedList", target(parentDef, parentId),
                        "ids=" + String.join(",", ids.stream().map(String::valueOf).toList()));
            }
            return ids;
        });
    }

    @Override
    public List<Entry> history(Actor actor, KeyProject project, String register, long id) {
        ProjectModel model = model(project);
        RegisterDefinition def = model.register(register);
        requireReader(actor, def);
        List<History.Line> lines = store.inTransaction(c -> {
            visible(c, actor, model, def, id);
            if (def.sensitive()) {
                audit.record(c, actor, def.messagePrefix() + ".history", target(def, id), null);
            }
            return History.of(c, model.projectId, def.id(), id);
        });
        Map<Long, String> names = userNames(lines.stream().map(History.Line::userId).toList());
        return lines.stream().map(l -> new Entry(l.at(), l.userId(), names.getOrDefault(l.userId(), ""), l.action(),
                l.fromState(), l.toState(), l.reason(), l.fields())).toList();
    }

    /** The live records of a public view, newest first, at most {@code limit}: no actor, no scope, no audit. */
    List<RegisterRecord> published(ProjectModel model, RegisterDefinition def, int limit) {
        RecordSql sql = new RecordSql(def);
        List<Long> all = orgUnits.subtree(orgUnits.root().id()).stream().filter(u -> u.level().evaluated())
                .map(OrgUnit::id).toList();
        return store.read(c -> {
            RecordQuery q = new RecordQuery(null, Map.of(), null, false, 1, limit, null);
            return sql.page(c, sql.where(all, q, Map.of(), 0, null, null, null, null), q, 0, limit).stream()
                    .filter(r -> Totals.matches(def.publicView().where(), snapshot(r))).toList();
        });
    }
}
