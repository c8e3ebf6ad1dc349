package org.jixiao.core.internal.org;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.federation.Outbox;
import org.jixiao.api.federation.Replicated;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The org-unit tree, held in memory as an immutable snapshot: every request checks scope against it, and
 * the tree is small and rarely changes. Writes go to the database first and then replace the snapshot.
 */
@Component(service = {OrgUnitService.class, Replicated.class})
public final class OrgUnitServiceImpl implements OrgUnitService, Replicated {

    static final String TABLE = "JX_ORG_UNIT";

    static final int NAME_MAX = 100;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    // Siblings by code, case-insensitively first so that "b" does not sort after "Z"; the evaluation, its
    // questionnaires and the self-assessment list units in this order too.
    public static final Comparator<OrgUnit> BY_CODE = Comparator.comparing(OrgUnit::code, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(OrgUnit::code);

    private final Store store;
    private final Clock clock;
    // Serialises writes, so that a slower refresh can never publish an older snapshot over a newer one.
    private final Object writeLock = new Object();
    private volatile Tree tree;
    /** The federation's outbox on a county or city node: the tree is the city's, a county holds a copy. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Outbox outbox;

    @Activate
    public OrgUnitServiceImpl(@Reference Store store, @Reference CoreSchema schema) {
        this(store, Clock.systemUTC());
    }

    OrgUnitServiceImpl(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tree = load();
    }

    // ---------------------------------------------------------------- reads

    @Override
    public OrgUnit root() {
        OrgUnit root = tree().root;
        if (root == null) {
            throw new IllegalStateException("the org-unit tree has no root yet");
        }
        return root;
    }

    @Override
    public Optional<OrgUnit> find(long id) {
        return Optional.ofNullable(tree().byId.get(id));
    }

    @Override
    public List<OrgUnit> subtree(long rootId) {
        Tree t = tree();
        OrgUnit start = t.byId.get(rootId);
        if (start == null) {
            return List.of();
        }
        List<OrgUnit> out = new ArrayList<>();
        Deque<OrgUnit> todo = new ArrayDeque<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            OrgUnit u = todo.pop();
            out.add(u);
            List<OrgUnit> children = t.children.getOrDefault(u.id(), List.of());
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The root is created by the bootstrap, which may run after this component activated; until the snapshot
     * has a root it is re-read, afterwards every change passes through this service and refreshes it.
     */
    private Tree tree() {
        Tree t = tree;
        if (t.root == null) {
            synchronized (writeLock) {
                t = tree;
                if (t.root == null) {
                    t = load();
                    tree = t;
                }
            }
        }
        return t;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public OrgUnit create(Actor actor, OrgUnitDraft draft) {
        requireAdmin(actor);
        Objects.requireNonNull(draft, "draft");
        requireOwned();
        synchronized (writeLock) {
            Tree t = tree();
            OrgUnit parent = null;
            if (draft.parentId() != null) {
                parent = t.byId.get(draft.parentId());
                if (parent == null || !actor.covers(parent)) {
                    throw new NotFoundException("orgUnit:" + draft.parentId());
                }
            }
            ValidationException.Collector errors = new ValidationException.Collector();
            if (parent == null) {
                // The root exists from the first start on, and a tree has only one.
                errors.add("parentId", "orgUnit.parent.required");
            }
            Fields f = validate(t, draft, null, false, errors);
            errors.throwIfAny();

            OrgUnit p = parent;
            OrgUnit created = write(() -> store.inTransaction(c -> {
                OrgUnit u = insert(c, p, f.code, f.name, f.level);
                AuditRecords.insert(c, clock.instant(), actor, "orgUnit.create", "orgUnit:" + u.id(),
                        "code=" + u.code(), null);
                Outbox.rowChanged(outbox, c, TABLE, Map.of("ID", u.id()));
                return u;
            }));
            tree = load();
            return created;
        }
    }

    @Override
    public OrgUnit update(Actor actor, long id, OrgUnitDraft draft) {
        requireAdmin(actor);
        Objects.requireNonNull(draft, "draft");
        requireOwned();
        synchronized (writeLock) {
            Tree t = tree();
            OrgUnit existing = t.byId.get(id);
            if (existing == null || !actor.covers(existing)) {
                throw new NotFoundException("orgUnit:" + id);
            }
            ValidationException.Collector errors = new ValidationException.Collector();
            Fields f = validate(t, draft, existing, existing.parentId() == null, errors);
            // Whether a unit is evaluated, and as what, is the city's decision: a county admin could otherwise take
            // its own county out of the evaluation.
            if (f.level != null && f.level != existing.level() && actor.orgUnit().parentId() != null) {
                errors.add("level", "orgUnit.level.cityOnly");
            }
            errors.throwIfAny();

            OrgUnit updated = new OrgUnit(existing.id(), existing.parentId(), f.code, f.name, f.level, existing.path());
            write(() -> store.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE JX_ORG_UNIT SET CODE = ?, NAME = ?, LEVEL = ? WHERE ID = ?")) {
                    ps.setString(1, f.code);
                    ps.setString(2, f.name);
                    ps.setString(3, f.level.name());
                    ps.setLong(4, id);
                    if (ps.executeUpdate() != 1) {
                        throw new NotFoundException("orgUnit:" + id);
                    }
                }
                String detail = existing.code().equals(f.code) ? "code=" + f.code
                        : "code=" + existing.code() + "->" + f.code;
                AuditRecords.insert(c, clock.instant(), actor, "orgUnit.update", "orgUnit:" + id, detail, null);
                Outbox.rowChanged(outbox, c, TABLE, Map.of("ID", id));
                return updated;
            }));
            tree = load();
            return updated;
        }
    }

    private record Fields(String code, String name, OrgLevel level) {
    }

    /** The parent is not part of an update: a unit keeps its place, so paths below it stay valid. */
    private static Fields validate(Tree t, OrgUnitDraft draft, OrgUnit existing, boolean isRoot,
            ValidationException.Collector errors) {
        String code = draft.code() == null ? "" : draft.code().strip();
        if (code.isEmpty()) {
            errors.add("code", "orgUnit.code.required");
        } else if (!CODE.matcher(code).matches()) {
            errors.add("code", "orgUnit.code.format");
        } else {
            // Case-insensitive, though the constraint is not: "County1" beside "county1" only confuses.
            String key = code.toLowerCase(Locale.ROOT);
            for (OrgUnit u : t.byId.values()) {
                if ((existing == null || u.id() != existing.id()) && u.code().toLowerCase(Locale.ROOT).equals(key)) {
                    errors.add("code", "orgUnit.code.taken");
                    break;
                }
            }
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            errors.add("name", "orgUnit.name.required");
        } else if (name.length() > NAME_MAX) {
            errors.add("name", "orgUnit.name.tooLong");
        }
        OrgLevel level = draft.level();
        if (level == null) {
            errors.add("level", "orgUnit.level.required");
        } else if ((level == OrgLevel.CITY) != isRoot) {
            errors.add("level", "orgUnit.level.city");
        }
        return new Fields(code, name, level);
    }

    private static <T> T write(Supplier<T> work) {
        // Only a concurrent writer outside this service could slip past the check above.
        return Jdbc.unlessTaken(work, () -> ValidationException.of("code", "orgUnit.code.taken"));
    }

    /** A county node holds the city's tree as a copy: the city changes it, and the change reaches the county. */
    private void requireOwned() {
        if (Outbox.isCopy(outbox, TABLE)) {
            throw ValidationException.of("name", "federation.cityOwned");
        }
    }

    /** The federation wrote the city's units here: the snapshot reads them again. */
    @Override
    public void applied(java.util.Set<String> tables) {
        if (tables.contains(TABLE)) {
            synchronized (writeLock) {
                tree = load();
            }
        }
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("orgUnit.write");
        }
    }

    /**
     * Inserts a unit below {@code parent} (null for the root) and fills in its path, which needs the generated
     * id. Shared with the bootstrap, which creates the root in its own transaction; callers that bypass this
     * service must not add units once the root exists, or the cached tree goes stale.
     */
    public static OrgUnit insert(Connection c, OrgUnit parent, String code, String name, OrgLevel level)
            throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO JX_ORG_UNIT (PARENT_ID, CODE, NAME, LEVEL, PATH) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.setNullableLong(ps, 1, parent == null ? null : parent.id());
            ps.setString(2, code);
            ps.setString(3, name);
            ps.setString(4, level.name());
            ps.setString(5, "/");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for org unit " + code);
                }
                id = keys.getLong(1);
            }
        }
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        Jdbc.update(c, "UPDATE JX_ORG_UNIT SET PATH = ? WHERE ID = ?", path, id);
        return new OrgUnit(id, parent == null ? null : parent.id(), code, name, level, path);
    }

    // ---------------------------------------------------------------- snapshot

    private Tree load() {
        List<OrgUnit> units = store.read(c -> {
            List<OrgUnit> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ID, PARENT_ID, CODE, NAME, LEVEL, PATH FROM JX_ORG_UNIT");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long p = rs.getLong("PARENT_ID");
                    Long parentId = rs.wasNull() ? null : p;
                    rows.add(new OrgUnit(rs.getLong("ID"), parentId, rs.getString("CODE"),
                            rs.getString("NAME"), OrgLevel.valueOf(rs.getString("LEVEL")), rs.getString("PATH")));
                }
            }
            return rows;
        });
        return Tree.of(units);
    }

    private static final class Tree {
        final OrgUnit root;
        final Map<Long, OrgUnit> byId;
        final Map<Long, List<OrgUnit>> children;

        private Tree(OrgUnit root, Map<Long, OrgUnit> byId, Map<Long, List<OrgUnit>> children) {
            this.root = root;
            this.byId = byId;
            this.children = children;
        }

        static Tree of(List<OrgUnit> units) {
            OrgUnit root = null;
            Map<Long, OrgUnit> byId = new HashMap<>();
            Map<Long, List<OrgUnit>> children = new HashMap<>();
            for (OrgUnit u : units) {
                byId.put(u.id(), u);
                if (u.parentId() == null) {
                    root = u;
                } else {
                    children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
                }
            }
            Map<Long, List<OrgUnit>> sorted = new HashMap<>();
            children.forEach((parent, list) -> {
                list.sort(BY_CODE);
                sorted.put(parent, List.copyOf(list));
            });
            return new Tree(root, Map.copyOf(byId), Map.copyOf(sorted));
        }
    }
}
