package org.jixiao.core.internal.milestone;

import static org.jixiao.core.internal.performance.UnitYearScope.atRoot;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.performance.MilestoneMark;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.MilestoneTimeliness;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.performance.Actuals;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.jixiao.core.internal.performance.UnitYearService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Time nodes per year and evaluated unit. The nodes are what the active key projects declare; only the days the
 * city moved (JX_MILESTONE_DUE) and the units' markings (JX_MILESTONE_DONE, every marking kept, the newest
 * counting) are stored. Days are moved by an admin or target setter of the city; units' staff mark their own
 * nodes done. Every write is audited in its own transaction.
 */
@Component(service = MilestoneService.class)
public final class MilestoneServiceImpl extends UnitYearService implements MilestoneService {

    private static final System.Logger LOG = System.getLogger(MilestoneServiceImpl.class.getName());


    static final int EVIDENCE_MAX = 1000;
    static final int USERNAME_MAX = 40;
    static final int PROJECT_ID_MAX = 64;
    static final int MILESTONE_ID_MAX = 100;

    // Day changes hold writeLock too, so that the upsert's UPDATE-then-INSERT cannot interleave.
    private final ProjectRegistry projects;

    @Activate
    public MilestoneServiceImpl(@Reference Store store, @Reference CoreSchema schema,
            @Reference ProjectRegistry projects, @Reference OrgUnitService orgUnits,
            @Reference PerformanceCycle cycle) {
        this(store, projects, orgUnits, cycle, nodeClock());
    }

    MilestoneServiceImpl(Store store, ProjectRegistry projects, OrgUnitService orgUnits, PerformanceCycle cycle,
            Clock clock) {
        super(store, orgUnits, cycle, clock);
        this.projects = Objects.requireNonNull(projects, "projects");
    }

    /**
     * A time node an active project declares, with its and its project's localised names (null when no locale
     * was asked for).
     */
    record Declared(String projectId, String projectName, MilestoneDefinition definition, String name) {

        String key() {
            return key(projectId, definition.id());
        }

        static String key(String projectId, String milestoneId) {
            return projectId + ":" + milestoneId;
        }
    }

    /** A day the city moved. */
    private record Due(LocalDate due, Instant setAt, String setBy) {
    }

    /** The marking that counts, of one unit's node. */
    private record Done(long orgUnitId, String key, MilestoneMark mark) {
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<Milestone> milestones(Actor actor, int year, long orgUnitId) {
        Objects.requireNonNull(actor, "actor");
        scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        List<Declared> declared = declared(locale(actor));
        Map<String, Due> dues = store.read(c -> loadDues(c, year));
        Map<String, MilestoneMark> done = store.read(c -> latestMarks(c, year, orgUnitId));
        LocalDate opened = openedOn(year);
        LocalDate today = LocalDate.now(clock);
        List<Milestone> out = new ArrayList<>(declared.size());
        for (Declared d : declared) {
            if (falls(d, year, dues, opened)) {
                out.add(milestone(year, orgUnitId, d, dues.get(d.key()), done.get(d.key()), today));
            }
        }
        // Stable: nodes of the same day stay in the projects' order.
        out.sort(Comparator.comparing(Milestone::due));
        return out;
    }

    @Override
    public List<MilestoneMark> history(Actor actor, int year, long orgUnitId, String projectId, String milestoneId) {
        Objects.requireNonNull(actor, "actor");
        scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        if (projectId == null || milestoneId == null) {
            throw new NotFoundException("milestone");
        }
        return store.read(c -> {
            return Jdbc.list(c, "SELECT DONE_ON, EVIDENCE, DONE_BY, DONE_AT"
                    + " FROM JX_MILESTONE_DONE WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? AND PROJECT_ID = ?"
                    + " AND MILESTONE_ID = ? ORDER BY ID DESC", MilestoneServiceImpl::mark, year, orgUnitId, projectId,
                    milestoneId);
        });
    }

    @Override
    public List<Milestone> overdue(Actor actor, int year, LocalDate today) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(today, "today");
        if (cycle.year(year).isEmpty()) {
            return List.of();
        }
        Map<Long, OrgUnit> units = new HashMap<>();
        for (OrgUnit u : orgUnits.visibleTo(actor)) {
            if (Actuals.EVALUATED.contains(u.level())) {
                units.put(u.id(), u);
            }
        }
        if (units.isEmpty()) {
            return List.of();
        }
        List<Declared> declared = declared(locale(actor));
        if (declared.isEmpty()) {
            return List.of();
        }
        Map<String, Due> dues = store.read(c -> loadDues(c, year));
        Map<Long, Map<String, MilestoneMark>> done = new HashMap<>();
        for (Done d : store.read(c -> latestMarks(c, year))) {
            if (units.containsKey(d.orgUnitId())) {
                done.computeIfAbsent(d.orgUnitId(), k -> new HashMap<>()).put(d.key(), d.mark());
            }
        }
        LocalDate opened = openedOn(year);
        declared = declared.stream().filter(d -> falls(d, year, dues, opened)).toList();
        List<Milestone> out = new ArrayList<>();
        for (OrgUnit unit : units.values()) {
            Map<String, MilestoneMark> marks = done.getOrDefault(unit.id(), Map.of());
            for (Declared d : declared) {
                Milestone m = milestone(year, unit.id(), d, dues.get(d.key()), marks.get(d.key()), today);
                if (m.state() == Milestone.State.OVERDUE) {
                    out.add(m);
                }
            }
        }
        Comparator<Milestone> order = Comparator.comparing(Milestone::due)
                .thenComparing(m -> units.get(m.orgUnitId()).code())
                .thenComparing(Milestone::projectId)
                .thenComparing(Milestone::milestoneId);
        out.sort(order);
        return out;
    }

    @Override
    public MilestoneTimeliness timeliness(int year, long orgUnitId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (orgUnits.find(orgUnitId).isEmpty()) {
            throw new NotFoundException("orgUnit:" + orgUnitId);
        }
        List<Declared> declared = declared(null);
        if (declared.isEmpty()) {
            return new MilestoneTimeliness(year, orgUnitId, asOf, 0, 0, 0, 0);
        }
        Map<String, Due> dues = store.read(c -> loadDues(c, year));
        Map<String, MilestoneMark> done = store.read(c -> latestMarks(c, year, orgUnitId));
        int due = 0;
        int onTime = 0;
        int late = 0;
        int overdue = 0;
        LocalDate opened = openedOn(year);
        for (Declared d : declared) {
            if (!falls(d, year, dues, opened)) {
                continue;
            }
            Due moved = dues.get(d.key());
            LocalDate day = moved == null ? d.definition().dueIn(year) : moved.due();
            if (day.isAfter(asOf)) {
                continue;
            }
            due++;
            MilestoneMark mark = done.get(d.key());
            switch (Milestone.stateOf(day, mark == null ? null : mark.doneOn(), asOf)) {
                case DONE -> onTime++;
                case DONE_LATE -> late++;
                // Due on asOf itself and not done: not done on time, whatever the day still allows.
                default -> overdue++;
            }
        }
        return new MilestoneTimeliness(year, orgUnitId, asOf, due, onTime, late, overdue);
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void setDue(Actor actor, int year, String projectId, String milestoneId, LocalDate due) {
        if (actor == null || !(actor.has(Role.ADMIN) || actor.has(Role.TARGET_SETTER)) || !atRoot(actor)) {
            throw new AccessDeniedException("milestone.due");
        }
        scope.requireOpen(year);
        ValidationException.Collector errors = new ValidationException.Collector();
        Declared declared = find(projectId, milestoneId);
        if (declared == null) {
            errors.add("milestone", "milestone.unknown");
        }
        if (due == null) {
            errors.add("due", "milestone.due.required");
        } else if (due.getYear() != year) {
            errors.add("due", "milestone.due.range");
        }
        errors.throwIfAny();

        synchronized (writeLock) {
            store.inTransaction(c -> {
                Instant now = clock.instant();
                String by = Jdbc.truncate(actor.username(), USERNAME_MAX);
                Due before = loadDues(c, year).get(declared.key());
                int n = Jdbc.update(c, "UPDATE JX_MILESTONE_DUE SET DUE_ON = ?, SET_AT = ?,"
                        + " SET_BY = ? WHERE PERF_YEAR = ? AND PROJECT_ID = ? AND MILESTONE_ID = ?", due, now, by, year,
                        projectId, milestoneId);
                if (n == 0) {
                    Jdbc.update(c, "INSERT INTO JX_MILESTONE_DUE (PERF_YEAR,"
                            + " PROJECT_ID, MILESTONE_ID, DUE_ON, SET_AT, SET_BY) VALUES (?, ?, ?, ?, ?, ?)", year,
                            projectId, milestoneId, due, now, by);
                }
                String was = before == null ? "default " + declared.definition().dueIn(year) : before.due().toString();
                AuditRecords.insert(c, now, actor, "milestone.due",
                        "milestone:" + year + ":" + declared.key(), "before=" + was + "; after=" + due, null);
                return null;
            });
        }
    }

    @Override
    public Milestone markDone(Actor actor, int year, long orgUnitId, String projectId, String milestoneId,
            LocalDate doneOn, String evidence) {
        if (actor == null || !actor.canWrite()) {
            throw new AccessDeniedException("milestone.done");
        }
        scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        LocalDate today = LocalDate.now(clock);
        ValidationException.Collector errors = new ValidationException.Collector();
        Declared declared = find(projectId, milestoneId);
        if (declared == null) {
            errors.add("milestone", "milestone.unknown");
        } else if (!falls(declared, year, store.read(c -> loadDues(c, year)), openedOn(year))) {
            errors.add("milestone", "milestone.notDue");
        }
        if (doneOn == null) {
            errors.add("doneOn", "milestone.doneOn.required");
        } else if (doneOn.isAfter(today)) {
            errors.add("doneOn", "milestone.doneOn.future");
        } else if (doneOn.isBefore(LocalDate.of(year, 1, 1)) || doneOn.isAfter(LocalDate.of(year + 1, 1, 31))) {
            errors.add("doneOn", "milestone.doneOn.range");
        }
        String text = evidence == null ? "" : evidence.strip();
        if (text.isEmpty()) {
            errors.add("evidence", "milestone.evidence.required");
        } else if (text.length() > EVIDENCE_MAX) {
            errors.add("evidence", "milestone.evidence.tooLong");
        }
        errors.throwIfAny();

        store.inTransaction(c -> {
            Instant now = clock.instant();
            MilestoneMark before = latestMarks(c, year, orgUnitId).get(declared.key());
            Due moved = loadDues(c, year).get(declared.key());
            LocalDate due = moved == null ? declared.definition().dueIn(year) : moved.due();
            long mark = Jdbc.insert(c, "INSERT INTO JX_MILESTONE_DONE (PERF_YEAR, ORG_UNIT_ID,"
                    + " PROJECT_ID, MILESTONE_ID, DONE_ON, EVIDENCE, DONE_BY, DONE_AT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", year, orgUnitId, projectId, milestoneId, doneOn, text,
                    Jdbc.truncate(actor.username(), USERNAME_MAX), now);
            replicate(c, "JX_MILESTONE_DONE", Map.of("ID", mark));
            // The evidence may name people; the audit trail keeps only its size.
            String detail = "doneOn=" + doneOn + "; due=" + due + "; " + Milestone.stateOf(due, doneOn, doneOn)
                    + "; evidence=" + text.length() + " chars"
                    + (before == null ? "" : "; replaces doneOn=" + before.doneOn() + " by " + before.doneBy());
            AuditRecords.insert(c, now, actor, "milestone.done",
                    "milestone:" + year + ":" + orgUnitId + ":" + declared.key(), detail, null);
            return null;
        });
        // The node just marked, as the list shows it; the write stands even if the project fails meanwhile.
        for (Milestone m : milestones(actor, year, orgUnitId)) {
            if (m.projectId().equals(projectId) && m.milestoneId().equals(milestoneId)) {
                return m;
            }
        }
        Due moved = store.read(c -> loadDues(c, year)).get(declared.key());
        MilestoneMark mark = store.read(c -> latestMarks(c, year, orgUnitId)).get(declared.key());
        return milestone(year, orgUnitId, declared, moved, mark, today);
    }

    // ---------------------------------------------------------------- declared nodes

    /**
     * Every time node of the active projects, ordered by project id and then as each project declares them. A
     * project that throws is left out until it recovers; so is a node whose id cannot be stored.
     *
     * @param locale for the names; null when no names are needed
     */
    List<Declared> declared(Locale locale) {
        Map<String, String> names = new TreeMap<>();
        for (ProjectStatus status : projects.projects(locale == null ? Locale.ROOT : locale)) {
            if (status.state() == ProjectState.ACTIVE) {
                names.put(status.id(), status.name());
            }
        }
        List<Declared> out = new ArrayList<>();
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String projectId = entry.getKey();
            KeyProject project = projects.active(projectId).orElse(null);
            if (project == null || projectId.length() > PROJECT_ID_MAX) {
                continue;
            }
            try {
                out.addAll(declaredBy(projectId, locale == null ? null : entry.getValue(), project, locale));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Key project " + projectId + " failed to list its time nodes; they are left"
                        + " out", e);
            }
        }
        return out;
    }

    private static List<Declared> declaredBy(String projectId, String projectName, KeyProject project,
            Locale locale) {
        List<MilestoneDefinition> definitions = project.milestones();
        if (definitions == null || definitions.isEmpty()) {
            return List.of();
        }
        ResourceBundle messages = null;
        if (locale != null) {
            try {
                messages = project.messages(locale);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Key project " + projectId + " has no messages for " + locale, e);
            }
        }
        List<Declared> out = new ArrayList<>(definitions.size());
        Set<String> seen = new HashSet<>();
        for (MilestoneDefinition d : definitions) {
            if (d == null || d.id().isEmpty() || d.id().length() > MILESTONE_ID_MAX || !seen.add(d.id())) {
                LOG.log(Level.WARNING, "Key project " + projectId + " declares an empty, over-long or repeated time"
                        + " node id; it is left out");
                continue;
            }
            String name = locale == null ? null : text(messages, d.nameKey());
            out.add(new Declared(projectId, projectName, d, name));
        }
        return out;
    }

    /** The node when an active project declares it, else null. */
    private Declared find(String projectId, String milestoneId) {
        if (projectId == null || milestoneId == null || projectId.length() > PROJECT_ID_MAX
                || milestoneId.length() > MILESTONE_ID_MAX) {
            return null;
        }
        KeyProject project = projects.active(projectId).orElse(null);
        if (project == null) {
            return null;
        }
        try {
            for (Declared d : declaredBy(projectId, null, project, null)) {
                if (d.definition().id().equals(milestoneId)) {
                    return d;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Key project " + projectId + " failed to list its time nodes", e);
        }
        return null;
    }

    private static Milestone milestone(int year, long orgUnitId, Declared d, Due moved, MilestoneMark mark,
            LocalDate day) {
        LocalDate defaultDue = d.definition().dueIn(year);
        LocalDate due = moved == null ? defaultDue : moved.due();
        LocalDate doneOn = mark == null ? null : mark.doneOn();
        return new Milestone(year, orgUnitId, d.projectId(), d.projectName() == null ? d.projectId() : d.projectName(),
                d.definition().id(),
                d.name() == null ? d.definition().nameKey() : d.name(), d.definition().clause(), due, defaultDue,
                moved == null ? null : moved.setBy(), moved == null ? null : moved.setAt(), doneOn,
                mark == null ? null : mark.evidence(), mark == null ? null : mark.doneBy(),
                mark == null ? null : mark.doneAt(), Milestone.stateOf(due, doneOn, day));
    }

    // ---------------------------------------------------------------- scope

    private static String text(ResourceBundle messages, String key) {
        try {
            return messages != null && messages.containsKey(key) ? messages.getString(key) : key;
        } catch (RuntimeException e) {
            return key;
        }
    }

    private static Locale locale(Actor actor) {
        return actor.locale() == null ? Locale.ROOT : actor.locale();
    }

    /**
     * Whether the node falls due in the year: on the city's day when the city set one; else on its own day, when its
     * declaration says it falls due that year (not before its policy, a one-time node only once) and, for a year
     * opened within itself, not before the day it was opened. A year opened after it ended is recorded in
     * retrospect, and its nodes keep their days.
     */
    private static boolean falls(Declared d, int year, Map<String, Due> dues, LocalDate opened) {
        if (dues.containsKey(d.key())) {
            return true;
        }
        return d.definition().fallsDueIn(year) && (opened == null || opened.getYear() != year
                || !d.definition().dueIn(year).isBefore(opened));
    }

    /** The day the year was opened, in the node's zone; null when it is not open. */
    private LocalDate openedOn(int year) {
        return store.read(c -> Jdbc.one(c, "SELECT OPENED_AT FROM JX_PERF_YEAR WHERE PERF_YEAR = ?",
                rs -> LocalDate.ofInstant(Jdbc.getInstant(rs, "OPENED_AT"), clock.getZone()), year));
    }

    // ---------------------------------------------------------------- SQL

    private static Map<String, Due> loadDues(Connection c, int year) throws SQLException {
        Map<String, Due> out = new HashMap<>();
        Jdbc.each(c, "SELECT PROJECT_ID, MILESTONE_ID, DUE_ON, SET_AT, SET_BY FROM JX_MILESTONE_DUE"
                + " WHERE PERF_YEAR = ?",
                // java.sql.Date converts through the JVM's zone both ways, so the calendar day survives.
                rs -> out.put(Declared.key(rs.getString("PROJECT_ID"), rs.getString("MILESTONE_ID")),
                        new Due(rs.getDate("DUE_ON").toLocalDate(), Jdbc.getInstant(rs, "SET_AT"),
                                rs.getString("SET_BY"))),
                year);
        return out;
    }

    /** The marking that counts of each node of one unit: the newest. */
    private static Map<String, MilestoneMark> latestMarks(Connection c, int year, long orgUnitId) throws SQLException {
        Map<String, MilestoneMark> out = new HashMap<>();
        Jdbc.each(c, "SELECT PROJECT_ID, MILESTONE_ID, DONE_ON, EVIDENCE, DONE_BY, DONE_AT FROM JX_MILESTONE_DONE"
                + " WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? ORDER BY ID",
                rs -> out.put(Declared.key(rs.getString("PROJECT_ID"), rs.getString("MILESTONE_ID")), mark(rs)),
                year, orgUnitId);
        return out;
    }

    /** The marking that counts of each node of every unit. */
    private static List<Done> latestMarks(Connection c, int year) throws SQLException {
        Map<String, Done> out = new HashMap<>();
        Jdbc.each(c, "SELECT ORG_UNIT_ID, PROJECT_ID, MILESTONE_ID, DONE_ON, EVIDENCE, DONE_BY, DONE_AT"
                + " FROM JX_MILESTONE_DONE WHERE PERF_YEAR = ? ORDER BY ID", rs -> {
                    long unit = rs.getLong("ORG_UNIT_ID");
                    String key = Declared.key(rs.getString("PROJECT_ID"), rs.getString("MILESTONE_ID"));
                    out.put(unit + "/" + key, new Done(unit, key, mark(rs)));
                }, year);
        return new ArrayList<>(out.values());
    }

    private static MilestoneMark mark(ResultSet rs) throws SQLException {
        return new MilestoneMark(rs.getDate("DONE_ON").toLocalDate(), rs.getString("EVIDENCE"),
                rs.getString("DONE_BY"), Jdbc.getInstant(rs, "DONE_AT"));
    }
}
