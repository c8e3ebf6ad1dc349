package org.jixiao.project.employment.internal;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.store.Store;
import org.jixiao.project.employment.internal.rules.LiveKeys;

/**
 * The March and September refresh of the youth database. In each window a county confirms its records: that
 * freezes a snapshot of its live records (youth number and the compared fields only) with who confirmed and when,
 * and fulfils the window's time node. Confirming again in the same window adds a new version; nothing is ever
 * updated, so a snapshot stays as it was once its window has closed. The changes since the last refresh compare a
 * county's newest confirmation before a window with its confirmation in the window, or with its live records
 * while it has not confirmed.
 *
 * <p>Scope as everywhere in the project: a county user reaches only its own county, the city every county; a county
 * out of scope is reported like a missing one.
 */
final class RefreshService {

    private static final System.Logger LOG = System.getLogger(RefreshService.class.getName());

    static final String WINDOW_CLOSED = "refresh.window.closed";
    static final String COUNTY_REQUIRED = "refresh.county.required";
    static final String COUNTY_INVALID = "refresh.county.invalid";
    static final String CONCURRENT = "refresh.confirm.concurrent";

    static final int PAGE_SIZE = 100;
    /** The core stores at most 40 characters of a user name; the snapshot keeps as much. */
    private static final int USERNAME_MAX = 40;

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final CountyScope scope;
    private final RefreshMilestones milestones;
    private final RefreshRepository repo;

    RefreshService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth,
            RefreshMilestones milestones) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.scope = new CountyScope(orgUnits, youth, "refresh");
        this.milestones = Objects.requireNonNull(milestones);
        this.repo = new RefreshRepository(clock.getZone());
    }

    /** A confirmation just made, and whether the core took the time node as done. */
    record Confirmed(RefreshConfirmation confirmation, boolean timeNodeMarked) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Optional<RefreshWindow> openWindow() {
        return RefreshWindow.openOn(today());
    }

    /** The window the pages show unless asked otherwise: the open one, else the last one that closed. */
    RefreshWindow latestWindow() {
        return RefreshWindow.latestBy(today());
    }

    List<OrgUnit> counties(Actor actor) {
        return scope.counties(actor);
    }

    // ---------------------------------------------------------------- reading

    /** Each county in scope (or just {@code countyId}) in window {@code w}. */
    List<RefreshStatus> overview(Actor actor, RefreshWindow w, Long countyId) {
        scope.requireReader(actor);
        List<OrgUnit> counties = counties(actor).stream()
                .filter(u -> countyId == null || u.id() == countyId).toList();
        List<Long> ids = counties.stream().map(OrgUnit::id).toList();
        List<RefreshConfirmation> all = store.read(c -> repo.confirmations(c, ids));
        Map<Long, Long> live = store.read(c -> repo.liveCounts(c, ids));
        List<RefreshStatus> out = new ArrayList<>();
        for (OrgUnit county : counties) {
            List<RefreshConfirmation> own = all.stream().filter(x -> x.countyId() == county.id()).toList();
            List<RefreshConfirmation> inWindow = own.stream().filter(x -> x.window().equals(w)).toList();
            out.add(new RefreshStatus(county, w, newest(inWindow), inWindow.size(), previous(own, w),
                    live.getOrDefault(county.id(), 0L)));
        }
        return out;
    }

    /**
     * The changes in one county since its last confirmation before window {@code w}.
     *
     * @throws NotFoundException when the county is unknown, no county or out of scope
     */
    RefreshDiff changes(Actor actor, long countyId, RefreshWindow w) {
        scope.requireReader(actor);
        county(actor, countyId);
        LocalDate today = today();
        return store.read(c -> {
            List<RefreshConfirmation> own = repo.confirmations(c, List.of(countyId));
            RefreshConfirmation target = newest(own.stream().filter(x -> x.window().equals(w)).toList());
            RefreshConfirmation base = previous(own, w);
            Map<Long, RefreshItem> after = target == null ? repo.live(c, countyId, today) : repo.items(c, target.id());
            Map<Long, RefreshItem> before = base == null ? Map.of() : repo.items(c, base.id());
            RefreshDiff.Raw raw = RefreshDiff.Raw.of(before, after);
            List<RefreshItem> added = head(raw.added());
            List<RefreshItem> removed = head(raw.removed());
            List<RefreshItem[]> changed = head(raw.changed());
            List<Long> named = new ArrayList<>();
            added.forEach(i -> named.add(i.youthId()));
            removed.forEach(i -> named.add(i.youthId()));
            changed.forEach(pair -> named.add(pair[0].youthId()));
            Map<Long, RefreshRepository.YouthRef> refs = repo.youth(c, named);
            List<RefreshDiff.Entry> addedList = new ArrayList<>();
            for (RefreshItem i : added) {
                addedList.add(new RefreshDiff.Entry(i, name(refs, i.youthId()), null));
            }
            List<RefreshDiff.Entry> removedList = new ArrayList<>();
            for (RefreshItem i : removed) {
                RefreshRepository.YouthRef ref = refs.get(i.youthId());
                // As the record stands now: deleted, or registered elsewhere (the other county is not named).
                RefreshDiff.Gone gone = ref == null || ref.deleted() ? RefreshDiff.Gone.DELETED : RefreshDiff.Gone.MOVED;
                removedList.add(new RefreshDiff.Entry(i, name(refs, i.youthId()), gone));
            }
            List<RefreshDiff.Change> changedList = new ArrayList<>();
            for (RefreshItem[] pair : changed) {
                changedList.add(new RefreshDiff.Change(pair[0], pair[1], name(refs, pair[0].youthId()),
                        RefreshDiff.changedFields(pair[0], pair[1])));
            }
            return new RefreshDiff(countyId, w, base, target, raw.added().size(), raw.removed().size(),
                    raw.changed().size(), raw.unchanged(), addedList, removedList, changedList);
        });
    }

    /** Every confirmation of the county, every version, newest first. */
    List<RefreshConfirmation> history(Actor actor, long countyId) {
        scope.requireReader(actor);
        county(actor, countyId);
        List<RefreshConfirmation> own = new ArrayList<>(store.read(c -> repo.confirmations(c, List.of(countyId))));
        own.sort(NEWEST_FIRST);
        return own;
    }

    /** @throws NotFoundException when the confirmation is missing or its county out of scope */
    RefreshConfirmation get(Actor actor, long id) {
        scope.requireReader(actor);
        RefreshConfirmation found = store.read(c -> repo.find(c, id).orElse(null));
        return scope.visible(actor, found, found == null ? 0 : found.countyId(), id);
    }

    /** One page of the frozen items of a confirmation. */
    Page<RefreshItem> items(Actor actor, long id, int requestedPage) {
        RefreshConfirmation found = get(actor, id);
        int page = CountyScope.page(found.total(), PAGE_SIZE, requestedPage);
        return new Page<>(store.read(c -> repo.items(c, id, (page - 1) * PAGE_SIZE, PAGE_SIZE)), page, PAGE_SIZE,
                found.total());
    }

    // ---------------------------------------------------------------- writing

    /**
     * Freezes the county's live records as its confirmation in the open window and reports the window's time node
     * done. Again in the same window: a new version, the earlier one kept.
     *
     * @throws org.jixiao.api.AccessDeniedException for a read-only role
     * @throws ValidationException no window open today, or the window asked for is not the open one, or the county
     *         is missing, unknown or out of scope; nothing written
     */
    Confirmed confirm(Actor actor, RefreshInput input) {
        scope.requireWriter(actor);
        LocalDate today = today();
        ValidationException.Collector errors = new ValidationException.Collector();
        Long county = ProjectValidator.county(orgUnits, actor, input.county(), errors, COUNTY_REQUIRED,
                COUNTY_INVALID);
        Optional<RefreshWindow> open = RefreshWindow.openOn(today);
        if (open.isEmpty() || !asked(input, open.get())) {
            errors.add("window", WINDOW_CLOSED);
        }
        errors.throwIfAny();
        RefreshWindow w = open.get();
        Instant at = clock.instant();
        String userName = truncate(actor.username() == null ? "" : actor.username());
        RefreshConfirmation made = store.inTransaction(c -> {
            int version = repo.lastVersion(c, county, w) + 1;
            Map<Long, RefreshItem> items = repo.live(c, county, today);
            long id = insert(c, county, w, version, at, actor.userId(), userName, items);
            audit.record(c, actor, "refresh.confirm", "refresh:" + id, "county=" + county + " window=" + w.year()
                    + "-" + w.period() + " version=" + version + " records=" + items.size());
            return repo.find(c, id).orElseThrow();
        });
        return new Confirmed(made, reportTimeNode(actor, made));
    }

    // ---------------------------------------------------------------- helpers

    private static final Comparator<RefreshConfirmation> NEWEST_FIRST = Comparator
            .comparing(RefreshConfirmation::window).thenComparingInt(RefreshConfirmation::version).reversed();

    private long insert(Connection c, long county, RefreshWindow w, int version, Instant at, long userId,
            String userName, Map<Long, RefreshItem> items) throws SQLException {
        try {
            return repo.insert(c, county, w, version, at, userId, userName, new ArrayList<>(items.values()));
        } catch (SQLException e) {
            // Two confirmations of one county racing in one window: the version's UNIQUE constraint stops the second.
            for (SQLException x = e; x != null; x = x.getNextException()) {
                if (LiveKeys.UNIQUE_VIOLATION.equals(x.getSQLState())) {
                    throw ValidationException.of("window", CONCURRENT);
                }
            }
            throw e;
        }
    }

    /** The confirmation stands whatever the core answers: a refused time node is marked by hand on its page. */
    private boolean reportTimeNode(Actor actor, RefreshConfirmation made) {
        String evidence = "/p/employment/refresh/" + made.countyId() + "?year=" + made.window().year() + "&period="
                + made.window().period() + " (version " + made.version() + ", " + made.total() + " records)";
        try {
            return milestones.confirmed(actor, made, evidence);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refresh " + made.id() + " confirmed, but its time node was not marked: " + e);
            return false;
        }
    }

    /** Whether the window the user asked for, if any, is the open one. */
    private static boolean asked(RefreshInput input, RefreshWindow open) {
        if (ProjectValidator.blank(input.year()) && ProjectValidator.blank(input.period())) {
            return true;
        }
        Optional<RefreshPeriod> period = Enums.parse(RefreshPeriod.class, input.period());
        return period.isPresent() && input.year() != null && input.year().strip().equals(String.valueOf(open.year()))
                && period.get() == open.period();
    }

    private OrgUnit county(Actor actor, long countyId) {
        return orgUnits.findVisible(actor, countyId).filter(u -> u.level() == OrgLevel.COUNTY)
                .orElseThrow(() -> new NotFoundException("refresh:county:" + countyId));
    }

    private static RefreshConfirmation newest(List<RefreshConfirmation> list) {
        return list.stream().max(Comparator.comparing(RefreshConfirmation::window)
                .thenComparingInt(RefreshConfirmation::version)).orElse(null);
    }

    /** The newest confirmation of a window before {@code w}. */
    private static RefreshConfirmation previous(List<RefreshConfirmation> own, RefreshWindow w) {
        return newest(own.stream().filter(x -> x.window().compareTo(w) < 0).toList());
    }

    private static <T> List<T> head(List<T> list) {
        return list.size() <= RefreshDiff.LIST_LIMIT ? list : list.subList(0, RefreshDiff.LIST_LIMIT);
    }

    private static String name(Map<Long, RefreshRepository.YouthRef> refs, long id) {
        RefreshRepository.YouthRef ref = refs.get(id);
        return ref == null ? "" : ref.name();
    }

    private static String truncate(String s) {
        return s.codePointCount(0, s.length()) <= USERNAME_MAX ? s
                : s.substring(0, s.offsetByCodePoints(0, USERNAME_MAX));
    }
}
