package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Page;
import org.jixiao.api.ResidentIdNumber;
import org.jixiao.api.ValidationException;
import org.jixiao.api.store.Store;

/**
 * The youth database with its rules: who may read and write what, validation before any write, one live
 * record per person across all counties, and an audit line for every change.
 *
 * <p>Scope is the county: a record belongs to one county unit, and an actor reaches it only when that unit
 * lies in their subtree. A record out of scope is reported exactly like a missing one.
 */
final class YouthService {

    static final int PAGE_SIZE = 20;
    /** The domain of the keyed hash, shared by every bundle that hashes resident ID numbers. */
    static final String HASH_DOMAIN = "resident-id";

    static final String INDICATOR_JOBSEEKERS = "youth.jobseekers";
    static final String INDICATOR_ENTREPRENEURS = "youth.entrepreneurs";

    private final Store store;
    private final FieldCipher cipher;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthRepository repo = new YouthRepository();
    private final YouthValidator validator;

    YouthService(Store store, FieldCipher cipher, OrgUnitService orgUnits, AuditLog audit, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.cipher = Objects.requireNonNull(cipher);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.validator = new YouthValidator(orgUnits);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The counties of the actor's scope in tree order: what a county picker offers. */
    List<OrgUnit> counties(Actor actor) {
        requireReader(actor);
        return orgUnits.visibleTo(actor).stream().filter(u -> u.level() == OrgLevel.COUNTY).toList();
    }

    String countyName(long countyId) {
        return orgUnits.find(countyId).map(OrgUnit::name).orElse("");
    }

    // ---------------------------------------------------------------- reading

    Page<Youth> list(Actor actor, YouthFilter filter, int requestedPage) {
        List<Long> scope = scope(actor, filter.countyId());
        String idHash = idHashOf(filter.query());
        return store.read(c -> {
            long total = repo.count(c, scope, filter, idHash);
            int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            int page = Math.min(Math.max(1, requestedPage), pages);
            List<Youth> items = repo.list(c, scope, filter, idHash, (page - 1) * PAGE_SIZE, PAGE_SIZE);
            return new Page<>(items, page, PAGE_SIZE, total);
        });
    }

    YouthStats stats(Actor actor, Long countyId) {
        List<OrgUnit> counties = scopeUnits(actor, countyId);
        List<Long> ids = counties.stream().map(OrgUnit::id).toList();
        LocalDate today = today();
        return store.read(c -> {
            Map<Long, Map<YouthType, Long>> perCounty = repo.countByCountyAndType(c, ids, null);
            Map<YouthType, Long> byType = new EnumMap<>(YouthType.class);
            for (YouthType t : YouthType.values()) {
                byType.put(t, 0L);
            }
            List<YouthStats.CountyCount> rows = new ArrayList<>();
            for (OrgUnit county : counties) {
                Map<YouthType, Long> counts = perCounty.getOrDefault(county.id(), Map.of());
                long jobSeeking = counts.getOrDefault(YouthType.JOB_SEEKING, 0L);
                long entrepreneurs = counts.getOrDefault(YouthType.ENTREPRENEUR, 0L);
                byType.merge(YouthType.JOB_SEEKING, jobSeeking, Long::sum);
                byType.merge(YouthType.ENTREPRENEUR, entrepreneurs, Long::sum);
                rows.add(new YouthStats.CountyCount(county.id(), county.name(), jobSeeking, entrepreneurs));
            }
            long total = byType.values().stream().mapToLong(Long::longValue).sum();
            return new YouthStats(total, byType, repo.countByEducation(c, ids), repo.countByAgeBand(c, ids, today),
                    repo.countByNeed(c, ids), rows);
        });
    }

    /** The live records of each county in scope (narrowed to {@code countyId} when given), ages as of today. */
    YouthCountyStats countyStats(Actor actor, Long countyId) {
        List<OrgUnit> counties = scopeUnits(actor, countyId);
        List<Long> ids = counties.stream().map(OrgUnit::id).toList();
        LocalDate today = today();
        Map<Long, YouthCountyStats.Row> counted = store.read(c -> repo.countByCounty(c, ids, today));
        List<YouthCountyStats.Row> rows = new ArrayList<>();
        YouthCountyStats.Row total = YouthCountyStats.Row.empty(0, "");
        for (OrgUnit county : counties) {
            YouthCountyStats.Row row = YouthCountyStats.Row.empty(county.id(), county.name());
            YouthCountyStats.Row found = counted.get(county.id());
            if (found != null) {
                row = row.plus(found);
            }
            rows.add(row);
            total = total.plus(row);
        }
        return new YouthCountyStats(rows, total);
    }

    /** @throws NotFoundException when the record does not exist, was deleted or lies out of the actor's scope */
    Youth get(Actor actor, long id) {
        requireReader(actor);
        return visible(actor, store.read(c -> repo.findLive(c, id).orElse(null)), id);
    }

    /** The record's resident ID number in clear. The cipher writes the audit line naming reader and record. */
    String revealIdNumber(Actor actor, Youth youth) {
        requireReader(actor);
        return cipher.decrypt(youth.idCipher(), actor, target(youth.id()));
    }

    // ---------------------------------------------------------------- writing

    /**
     * @return the new record's id
     * @throws ValidationException on bad input, with nothing written
     */
    long create(Actor actor, YouthInput input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        YouthData data = validator.validate(actor, input, today(), errors);
        String hash = hashOf(input, errors);
        if (hash == null) {
            // Without a valid ID number there is no duplicate to look for: answer without taking a connection.
            errors.throwIfAny();
        }
        YouthRepository.Stamp stamp = new YouthRepository.Stamp(actor.userId(), clock.instant());
        long id = store.inTransaction(c -> {
            checkDuplicate(c, hash, null, errors);
            errors.throwIfAny();
            long created = mapDuplicate(() -> repo.insert(c, data, cipher.encrypt(data.idNumber()), hash,
                    ResidentIdNumber.mask(data.idNumber()), stamp));
            verifyUnique(c, hash);
            audit.record(c, actor, "youth.create", target(created), "county=" + data.countyId() + " type="
                    + data.type());
            return created;
        });
        return id;
    }

    /**
     * @throws NotFoundException when the record is missing or out of scope (checked before the input)
     * @throws ValidationException on bad input, with nothing written
     */
    void update(Actor actor, long id, YouthInput input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        YouthData data = validator.validate(actor, input, today(), errors);
        String hash = hashOf(input, errors);
        YouthRepository.Stamp stamp = new YouthRepository.Stamp(actor.userId(), clock.instant());
        store.inTransaction(c -> {
            Youth before = visible(actor, repo.findLive(c, id).orElse(null), id);
            checkDuplicate(c, hash, id, errors);
            errors.throwIfAny();
            if (data.countyId() != before.countyId()) {
                // A placement, loan or pairing of the old county would then count for the new one.
                Links.requireNone(c, Links.YOUTH, id);
            }
            mapDuplicate(() -> {
                repo.update(c, id, data, cipher.encrypt(data.idNumber()), hash, ResidentIdNumber.mask(data.idNumber()),
                        stamp);
                return null;
            });
            verifyUnique(c, hash);
            audit.record(c, actor, "youth.update", target(id), "county=" + data.countyId() + " type=" + data.type());
            return null;
        });
    }

    /**
     * Soft delete; the person may be registered again afterwards.
     *
     * @throws ValidationException while another register's live record names the youth, with nothing written
     */
    void delete(Actor actor, long id) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = new YouthRepository.Stamp(actor.userId(), clock.instant());
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            Links.requireNone(c, Links.YOUTH, id);
            if (!repo.softDelete(c, id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "youth.delete", target(id), null);
            return null;
        });
    }

    // ---------------------------------------------------------------- indicators

    /**
     * For each unit, its live records by type registered on or before 31 December of {@code year}. Only records
     * whose county is the unit itself count; a total over a subtree is the caller's sum.
     */
    Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        return actualsAsOf(orgUnitIds, year, LocalDate.of(year, 12, 31));
    }

    /**
     * As {@link #actuals}, counting the records registered on or before {@code asOf}, or on or before 31 December of
     * {@code year} when {@code asOf} is later.
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate registeredBy = asOf == null || asOf.isAfter(yearEnd) ? yearEnd : asOf;
        Set<Long> ids = new LinkedHashSet<>();
        for (Long id : orgUnitIds) {
            if (id != null) {
                ids.add(id);
            }
        }
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, Map<YouthType, Long>> counts = store.read(c -> repo.countByCountyAndType(c, ids, registeredBy));
        for (Long id : ids) {
            Map<YouthType, Long> byType = counts.getOrDefault(id, Map.of());
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_JOBSEEKERS, BigDecimal.valueOf(byType.getOrDefault(YouthType.JOB_SEEKING, 0L)));
            values.put(INDICATOR_ENTREPRENEURS, BigDecimal.valueOf(byType.getOrDefault(YouthType.ENTREPRENEUR, 0L)));
            out.put(id, values);
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    static String target(long id) {
        return "youth:" + id;
    }

    /** The hash of a valid ID number even when other fields are wrong, so a duplicate shows with the rest. */
    private String hashOf(YouthInput input, ValidationException.Collector errors) {
        return errors.has("idNumber") ? null
                : cipher.keyedHash(HASH_DOMAIN, ResidentIdNumber.normalize(input.idNumber()));
    }

    /** A search text that is a whole valid ID number is matched by hash, never by decrypting. */
    private String idHashOf(String query) {
        if (query == null || ResidentIdNumber.problem(query, today()).isPresent()) {
            return null;
        }
        return cipher.keyedHash(HASH_DOMAIN, ResidentIdNumber.normalize(query));
    }

    private void checkDuplicate(Connection c, String hash, Long exceptId, ValidationException.Collector errors)
            throws SQLException {
        // The message says only "already registered": naming the other county would leak another unit's data.
        if (hash != null && repo.countLive(c, hash, exceptId) > 0) {
            errors.add("idNumber", YouthValidator.ID_DUPLICATE);
        }
    }

    /**
     * Re-counts after the write, inside the same transaction. Derby 10.16 lets an UPDATE set a nullable UNIQUE
     * column back to a value whose index entry the same row left behind (edit A to B, someone registers A, edit
     * back to A) without a violation; on PostgreSQL this never fires. Seeing our own uncommitted row plus a
     * committed one means a concurrent registration won, and rolling back keeps one live record per person.
     */
    private void verifyUnique(Connection c, String hash) throws SQLException {
        if (repo.countLive(c, hash, null) > 1) {
            throw ValidationException.of("idNumber", YouthValidator.ID_DUPLICATE);
        }
    }

    /** Two concurrent registrations of one person both pass the check; the UNIQUE constraint stops the second. */
    private static <T> T mapDuplicate(SqlCall<T> call) throws SQLException {
        try {
            return call.run();
        } catch (SQLException e) {
            for (SQLException x = e; x != null; x = x.getNextException()) {
                if (YouthRepository.UNIQUE_VIOLATION.equals(x.getSQLState())) {
                    throw ValidationException.of("idNumber", YouthValidator.ID_DUPLICATE);
                }
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    private Youth visible(Actor actor, Youth youth, long id) {
        if (youth == null || orgUnits.find(youth.countyId()).filter(actor::covers).isEmpty()) {
            throw new NotFoundException(target(id));
        }
        return youth;
    }

    private List<Long> scope(Actor actor, Long countyId) {
        return scopeUnits(actor, countyId).stream().map(OrgUnit::id).toList();
    }

    /** The counties in scope, narrowed to one when asked; an out-of-scope county narrows to none. */
    private List<OrgUnit> scopeUnits(Actor actor, Long countyId) {
        List<OrgUnit> counties = counties(actor);
        if (countyId == null) {
            return counties;
        }
        return counties.stream().filter(u -> u.id() == countyId).toList();
    }

    private static void requireReader(Actor actor) {
        if (actor == null || actor.roles().isEmpty()) {
            throw new AccessDeniedException("youth: no role");
        }
    }

    private static void requireWriter(Actor actor) {
        requireReader(actor);
        if (!actor.canWrite()) {
            throw new AccessDeniedException("youth: read-only role");
        }
    }
}
