package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.store.Store;

/**
 * Incubation bases (work item 10): by the end of 2013 each county has at least one base with at least 30
 * entrepreneurship projects in residence. Residents are projects of the county's project database; a project is in
 * residence in one base at a time. Scope, validation and audit follow {@link MentorService}.
 *
 * <p>"At least one base with at least 30 projects" is measured as two indicators: the bases open on the day, and
 * the projects in residence in the fullest base that day. Summing the residents of all bases would let two bases
 * of 15 pass a rule that asks for one base of 30.
 */
final class IncubatorService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;

    static final String INDICATOR_BASES = "incubator.bases";
    static final String INDICATOR_RESIDENTS = "incubator.residents";
    /** Projects in residence a base should hold (POLICY.md section 3, item 10). */
    static final int MIN_RESIDENTS = 30;

    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 200;
    static final int OPERATOR_MAX = 100;
    /** Square metres: ten digits before the point are more than any base. */
    static final int AREA_DIGITS = 10;

    static final String NAME_REQUIRED = "incubator.name.required";
    static final String NAME_TOO_LONG = "incubator.name.tooLong";
    static final String ADDRESS_REQUIRED = "incubator.address.required";
    static final String ADDRESS_TOO_LONG = "incubator.address.tooLong";
    static final String OPERATOR_REQUIRED = "incubator.operator.required";
    static final String OPERATOR_TOO_LONG = "incubator.operator.tooLong";
    static final String COUNTY_REQUIRED = "incubator.county.required";
    static final String COUNTY_INVALID = "incubator.county.invalid";
    static final String COUNTY_LINKED = "incubator.county.linked";
    static final String AREA_INVALID = "incubator.area.invalid";
    static final String DATE_INVALID = "incubator.date.invalid";
    static final String DATE_FUTURE = "incubator.date.future";
    static final String DATE_TOO_EARLY = "incubator.date.tooEarly";
    static final String CLOSED_BEFORE_OPENED = "incubator.closedOn.beforeOpened";
    static final String OPENED_AFTER_RESIDENTS = "incubator.openedOn.residents";
    static final String CLOSED_WITH_RESIDENTS = "incubator.closedOn.residents";
    static final String PROJECT_REQUIRED = "incubator.project.required";
    static final String PROJECT_UNKNOWN = "incubator.project.unknown";
    static final String PROJECT_OTHER_COUNTY = "incubator.project.otherCounty";
    static final String PROJECT_ELSEWHERE = "incubator.project.elsewhere";
    static final String OUTSIDE_OPENING = "incubator.date.outsideOpening";
    static final String MOVED_OUT_BEFORE_IN = "incubator.movedOutOn.notAfterMovedIn";
    static final String MOVED_OUT_ALREADY = "incubator.movedOutOn.already";

    /** A base that passed the field rules. */
    record Data(String name, String address, String operator, long countyId, LocalDate openedOn, BigDecimal areaM2,
            LocalDate closedOn) {
    }

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final IncubatorRepository repo = new IncubatorRepository();
    private final CountyScope scope;

    IncubatorService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "incubator");
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    List<OrgUnit> counties(Actor actor) {
        return scope.counties(actor);
    }

    String countyName(long countyId) {
        return youth.countyName(countyId);
    }

    // ---------------------------------------------------------------- bases

    Page<Incubator> list(Actor actor, String query, Long countyId, int requestedPage) {
        scope.requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        LocalDate today = today();
        return store.read(c -> {
            long total = repo.count(c, counties, query);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.list(c, counties, query, today, (page - 1) * PAGE_SIZE, PAGE_SIZE), page,
                    PAGE_SIZE, total);
        });
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    Incubator get(Actor actor, long id) {
        scope.requireReader(actor);
        return visible(actor, store.read(c -> repo.findLive(c, id, today()).orElse(null)), id);
    }

    /** The base with its residences. */
    Incubator.Detail detail(Actor actor, long id) {
        scope.requireReader(actor);
        return store.read(c -> {
            Incubator b = visible(actor, repo.findLive(c, id, today()).orElse(null), id);
            return new Incubator.Detail(b, repo.residents(c, id));
        });
    }

    long create(Actor actor, IncubatorInput.Base input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Data data = validate(actor, input, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            long id = repo.insert(c, data, stamp);
            audit.record(c, actor, "incubator.create", target(id), detail(data));
            return id;
        });
    }

    /**
     * Also how a base is closed: the closing date is a field of the record. Residents tie the base to its county and
     * its dates: they must have moved in on or after the opening and out by the closing.
     *
     * @throws NotFoundException when missing or out of scope (checked before the input)
     */
    void update(Actor actor, long id, IncubatorInput.Base input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Data data = validate(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            Incubator before = visible(actor, repo.findLive(c, id, today()).orElse(null), id);
            if (data != null) {
                if (data.countyId() != before.countyId() && repo.countResidents(c, id) > 0) {
                    errors.add("county", COUNTY_LINKED);
                }
                if (repo.countMovedInBefore(c, id, data.openedOn()) > 0) {
                    errors.add("openedOn", OPENED_AFTER_RESIDENTS);
                }
                if (data.closedOn() != null && repo.countStayingAfter(c, id, data.closedOn()) > 0) {
                    errors.add("closedOn", CLOSED_WITH_RESIDENTS);
                }
            }
            errors.throwIfAny();
            repo.update(c, id, data, stamp);
            audit.record(c, actor, "incubator.update", target(id), detail(data));
            return null;
        });
    }

    void delete(Actor actor, long id) {
        scope.requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id, today()).orElse(null), id);
            if (!OutcomeRepository.softDelete(c, "EMP_INCUBATOR", null, id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "incubator.delete", target(id), null);
            return null;
        });
    }

    private Data validate(Actor actor, IncubatorInput.Base in, ValidationException.Collector errors) {
        LocalDate today = today();
        String name = OutcomeFields.required(in.name(), NAME_MAX, "name", NAME_REQUIRED, NAME_TOO_LONG, errors);
        String address = OutcomeFields.required(in.address(), ADDRESS_MAX, "address", ADDRESS_REQUIRED,
                ADDRESS_TOO_LONG, errors);
        String operator = OutcomeFields.required(in.operator(), OPERATOR_MAX, "operator", OPERATOR_REQUIRED,
                OPERATOR_TOO_LONG, errors);
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        LocalDate opened = ProjectValidator.date(in.openedOn(), null, today, errors, "openedOn", DATE_INVALID,
                DATE_FUTURE, DATE_TOO_EARLY);
        BigDecimal area = OutcomeFields.positiveDecimal(in.area(), AREA_DIGITS, "area", AREA_INVALID, errors);
        LocalDate closed = ProjectValidator.blank(in.closedOn()) ? null : ProjectValidator.date(in.closedOn(), null,
                today, errors, "closedOn", DATE_INVALID, DATE_FUTURE, DATE_TOO_EARLY);
        // A base closed on the day it opened was never open: the closing day is the first day it is closed.
        if (closed != null && opened != null && !closed.isAfter(opened)) {
            errors.add("closedOn", CLOSED_BEFORE_OPENED);
        }
        for (String f : List.of("name", "address", "operator", "county", "openedOn", "area", "closedOn")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new Data(name, address, operator, county, opened, area, closed);
    }

    // ---------------------------------------------------------------- residents

    /**
     * A project of the base's county moves in, on or after the opening and before the closing; when a move-out date
     * is given it is after the move-in. The project may be in no other residence on any of those days.
     */
    long addResident(Actor actor, long baseId, IncubatorInput.Resident input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate today = today();
        Long projectId = OutcomeFields.id(input.project(), "project", PROJECT_REQUIRED, PROJECT_UNKNOWN, errors);
        LocalDate in = ProjectValidator.date(input.movedInOn(), null, today, errors, "movedInOn", DATE_INVALID,
                DATE_FUTURE, DATE_TOO_EARLY);
        LocalDate out = ProjectValidator.blank(input.movedOutOn()) ? null : ProjectValidator.date(input.movedOutOn(),
                null, today, errors, "movedOutOn", DATE_INVALID, DATE_FUTURE, DATE_TOO_EARLY);
        if (in != null && out != null && !out.isAfter(in)) {
            errors.add("movedOutOn", MOVED_OUT_BEFORE_IN);
        }
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            Incubator b = visible(actor, repo.findLive(c, baseId, today).orElse(null), baseId);
            if (projectId != null && !errors.has("project")) {
                Optional<Long> county = OutcomeRepository.liveCounty(c, "EMP_PROJECT", projectId);
                if (county.isEmpty() || !scope.covers(actor, county.get())) {
                    errors.add("project", PROJECT_UNKNOWN);
                } else if (county.get() != b.countyId()) {
                    errors.add("project", PROJECT_OTHER_COUNTY);
                } else if (in != null && !errors.has("movedOutOn")
                        && repo.countOverlapping(c, projectId, in, out, 0) > 0) {
                    errors.add("project", PROJECT_ELSEWHERE);
                }
            }
            if (in != null && !errors.has("movedInOn") && !b.openOn(in)) {
                errors.add("movedInOn", OUTSIDE_OPENING);
            }
            if (out != null && !errors.has("movedOutOn") && b.closedOn() != null && out.isAfter(b.closedOn())) {
                errors.add("movedOutOn", OUTSIDE_OPENING);
            }
            if (out == null && b.closedOn() != null && !errors.has("movedInOn")) {
                // A closed base has no one left in it.
                errors.add("movedOutOn", CLOSED_WITH_RESIDENTS);
            }
            errors.throwIfAny();
            long id = repo.insertResident(c, baseId, projectId, in, out, stamp);
            audit.record(c, actor, "incubator.resident.add", target(baseId), "project=" + projectId + " resident=" + id);
            return id;
        });
    }

    /** The project leaves the base: the first day it is no longer there, after the move-in and by the closing. */
    void moveOut(Actor actor, long baseId, long residentId, String movedOutOn) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        LocalDate out = ProjectValidator.date(movedOutOn, null, today(), errors, "movedOutOn", DATE_INVALID,
                DATE_FUTURE, DATE_TOO_EARLY);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            Incubator b = visible(actor, repo.findLive(c, baseId, today()).orElse(null), baseId);
            Incubator.Resident r = resident(c, baseId, residentId);
            if (r.movedOutOn() != null) {
                errors.add("movedOutOn", MOVED_OUT_ALREADY);
            } else if (out != null && !out.isAfter(r.movedInOn())) {
                errors.add("movedOutOn", MOVED_OUT_BEFORE_IN);
            } else if (out != null && b.closedOn() != null && out.isAfter(b.closedOn())) {
                errors.add("movedOutOn", OUTSIDE_OPENING);
            }
            errors.throwIfAny();
            repo.moveOut(c, residentId, out, stamp);
            audit.record(c, actor, "incubator.resident.moveOut", target(baseId), "resident=" + residentId + " on=" + out);
            return null;
        });
    }

    /** Removes a residence recorded in error (soft delete); one of another base is not found. */
    void deleteResident(Actor actor, long baseId, long residentId) {
        scope.requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, baseId, today()).orElse(null), baseId);
            resident(c, baseId, residentId);
            if (!OutcomeRepository.softDelete(c, "EMP_INCUBATOR_RESIDENT", null, residentId, stamp)) {
                throw new NotFoundException(residentTarget(residentId));
            }
            audit.record(c, actor, "incubator.resident.delete", target(baseId), "resident=" + residentId);
            return null;
        });
    }

    private Incubator.Resident resident(Connection c, long baseId, long residentId) throws SQLException {
        Incubator.Resident r = repo.findResident(c, residentId).orElse(null);
        if (r == null || r.incubatorId() != baseId) {
            throw new NotFoundException(residentTarget(residentId));
        }
        return r;
    }

    // ---------------------------------------------------------------- indicators

    /**
     * Per unit (its own county only), on {@code day} = min(asOf, 31 December of year): the live bases open on the
     * day (opened on or before it, not closed on or before it), and the projects in residence that day in the
     * fullest of them (moved in on or before the day, not moved out on or before it); 0 without an open base.
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, IncubatorRepository.Counts> counts = store.read(c -> repo.countsByCounty(c, ids, day));
        for (Long id : ids) {
            IncubatorRepository.Counts n = counts.getOrDefault(id, new IncubatorRepository.Counts(0, 0));
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_BASES, BigDecimal.valueOf(n.bases()));
            values.put(INDICATOR_RESIDENTS, BigDecimal.valueOf(n.largest()));
            out.put(id, values);
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    static String target(long id) {
        return "incubator:" + id;
    }

    static String residentTarget(long id) {
        return "incubator-resident:" + id;
    }

    private static String detail(Data d) {
        return "county=" + d.countyId() + (d.closedOn() == null ? "" : " closed=" + d.closedOn());
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private Incubator visible(Actor actor, Incubator b, long id) {
        return scope.visible(actor, b, b == null ? 0 : b.countyId(), id);
    }
}
