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
 * The YBC service platform (work item 11): one service station per county, set up by the end of May, and the YBC
 * demonstration projects each county cultivates, at least 20 a year. A demonstration project is an entrepreneurship
 * project of the county's project database, recognised once a year at most.
 *
 * <p>Scope, validation and audit follow {@link ProjectService}: records out of scope are reported as missing; bad
 * input throws with nothing written; every change writes its audit line inside the transaction.
 */
final class YbcService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;

    static final String INDICATOR_STATION = "ybc.station";
    static final String INDICATOR_PROJECTS = "ybc.projects";

    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 200;
    static final int HEAD_MAX = 50;
    static final int CONTACT_MAX = 50;
    static final int SUPPORT_MAX = 1000;

    static final String NAME_REQUIRED = "ybc.name.required";
    static final String NAME_TOO_LONG = "ybc.name.tooLong";
    static final String COUNTY_REQUIRED = "ybc.county.required";
    static final String COUNTY_INVALID = "ybc.county.invalid";
    static final String COUNTY_HAS_STATION = "ybc.county.hasStation";
    static final String SET_UP_INVALID = "ybc.setUpOn.invalid";
    static final String SET_UP_FUTURE = "ybc.setUpOn.future";
    static final String SET_UP_TOO_EARLY = "ybc.setUpOn.tooEarly";
    static final String ADDRESS_REQUIRED = "ybc.address.required";
    static final String ADDRESS_TOO_LONG = "ybc.address.tooLong";
    static final String HEAD_REQUIRED = "ybc.head.required";
    static final String HEAD_TOO_LONG = "ybc.head.tooLong";
    static final String CONTACT_REQUIRED = "ybc.contact.required";
    static final String CONTACT_TOO_LONG = "ybc.contact.tooLong";
    static final String PROJECT_REQUIRED = "ybc.project.required";
    static final String PROJECT_UNKNOWN = "ybc.project.unknown";
    static final String PROJECT_OTHER_COUNTY = "ybc.project.otherCounty";
    static final String PROJECT_ALREADY = "ybc.project.already";
    static final String YEAR_INVALID = "ybc.year.invalid";
    static final String RECOGNISED_INVALID = "ybc.recognisedOn.invalid";
    static final String RECOGNISED_FUTURE = "ybc.recognisedOn.future";
    static final String RECOGNISED_TOO_EARLY = "ybc.recognisedOn.tooEarly";
    static final String RECOGNISED_OUTSIDE_YEAR = "ybc.recognisedOn.outsideYear";
    static final String SUPPORT_TOO_LONG = "ybc.support.tooLong";

    /** A station that passed the field rules. */
    record StationData(String name, long countyId, LocalDate setUpOn, String address, String head, String contact) {
    }

    /** A demonstration project that passed the field rules; the linked project is checked in the transaction. */
    record ProjectData(long projectId, long countyId, int year, LocalDate recognisedOn, String support) {
    }

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final YbcRepository repo = new YbcRepository();
    private final CountyScope scope;

    YbcService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "ybc");
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

    // ---------------------------------------------------------------- stations

    /** The live stations of the counties in scope (one a county at most), narrowed to one county when asked. */
    List<YbcStation> stations(Actor actor, Long countyId) {
        scope.requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        return store.read(c -> repo.stations(c, counties));
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    YbcStation station(Actor actor, long id) {
        scope.requireReader(actor);
        YbcStation s = store.read(c -> repo.findStation(c, id).orElse(null));
        return scope.visible(actor, s, s == null ? 0 : s.countyId(), id);
    }

    long createStation(Actor actor, YbcInput.Station input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        StationData data = validate(actor, input, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            checkOneStation(c, data, 0, errors);
            errors.throwIfAny();
            long id = repo.insertStation(c, data, stamp);
            audit.record(c, actor, "ybc.station.create", stationTarget(id), stationDetail(data));
            return id;
        });
    }

    /** @throws NotFoundException when missing or out of scope (checked before the input) */
    void updateStation(Actor actor, long id, YbcInput.Station input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        StationData data = validate(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            YbcStation s = repo.findStation(c, id).orElse(null);
            scope.visible(actor, s, s == null ? 0 : s.countyId(), id);
            if (data != null) {
                checkOneStation(c, data, id, errors);
            }
            errors.throwIfAny();
            repo.updateStation(c, id, data, stamp);
            audit.record(c, actor, "ybc.station.update", stationTarget(id), stationDetail(data));
            return null;
        });
    }

    void deleteStation(Actor actor, long id) {
        scope.requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            YbcStation s = repo.findStation(c, id).orElse(null);
            scope.visible(actor, s, s == null ? 0 : s.countyId(), id);
            if (!OutcomeRepository.softDelete(c, "EMP_YBC_STATION", "LIVE_COUNTY_ID", id, stamp)) {
                throw new NotFoundException(stationTarget(id));
            }
            audit.record(c, actor, "ybc.station.delete", stationTarget(id), null);
            return null;
        });
    }

    private void checkOneStation(Connection c, StationData data, long exceptId, ValidationException.Collector errors)
            throws SQLException {
        if (repo.countStations(c, data.countyId(), exceptId) > 0) {
            errors.add("county", COUNTY_HAS_STATION);
        }
    }

    private StationData validate(Actor actor, YbcInput.Station in, ValidationException.Collector errors) {
        LocalDate today = today();
        String name = OutcomeFields.required(in.name(), NAME_MAX, "name", NAME_REQUIRED, NAME_TOO_LONG, errors);
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        LocalDate setUpOn = ProjectValidator.date(in.setUpOn(), null, today, errors, "setUpOn", SET_UP_INVALID,
                SET_UP_FUTURE, SET_UP_TOO_EARLY);
        String address = OutcomeFields.required(in.address(), ADDRESS_MAX, "address", ADDRESS_REQUIRED,
                ADDRESS_TOO_LONG, errors);
        String head = OutcomeFields.required(in.head(), HEAD_MAX, "head", HEAD_REQUIRED, HEAD_TOO_LONG, errors);
        String contact = OutcomeFields.required(in.contact(), CONTACT_MAX, "contact", CONTACT_REQUIRED,
                CONTACT_TOO_LONG, errors);
        if (name == null || county == null || setUpOn == null || address == null || head == null || contact == null) {
            return null;
        }
        return new StationData(name, county, setUpOn, address, head, contact);
    }

    // ---------------------------------------------------------------- demonstration projects

    Page<YbcProject> projects(Actor actor, YbcRepository.Filter filter, int requestedPage) {
        scope.requireReader(actor);
        List<Long> counties = scope.ids(actor, filter.countyId());
        return store.read(c -> {
            long total = repo.countProjects(c, counties, filter);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.listProjects(c, counties, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE), page,
                    PAGE_SIZE, total);
        });
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    YbcProject project(Actor actor, long id) {
        scope.requireReader(actor);
        YbcProject p = store.read(c -> repo.findProject(c, id).orElse(null));
        return scope.visible(actor, p, p == null ? 0 : p.countyId(), id);
    }

    long createProject(Actor actor, YbcInput.Project input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        ProjectData data = validate(actor, input, errors);
        Long projectId = ProjectValidator.positiveId(input.project());
        if (projectId == null) {
            errors.throwIfAny();
        }
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            checkProject(c, actor, projectId, data, 0, errors);
            errors.throwIfAny();
            long id = repo.insertProject(c, data, stamp);
            audit.record(c, actor, "ybc.project.create", projectTarget(id), projectDetail(data));
            return id;
        });
    }

    /** @throws NotFoundException when missing or out of scope (checked before the input) */
    void updateProject(Actor actor, long id, YbcInput.Project input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        ProjectData data = validate(actor, input, errors);
        Long projectId = ProjectValidator.positiveId(input.project());
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            YbcProject p = repo.findProject(c, id).orElse(null);
            scope.visible(actor, p, p == null ? 0 : p.countyId(), id);
            checkProject(c, actor, projectId, data, id, errors);
            errors.throwIfAny();
            repo.updateProject(c, id, data, stamp);
            audit.record(c, actor, "ybc.project.update", projectTarget(id), projectDetail(data));
            return null;
        });
    }

    void deleteProject(Actor actor, long id) {
        scope.requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            YbcProject p = repo.findProject(c, id).orElse(null);
            scope.visible(actor, p, p == null ? 0 : p.countyId(), id);
            if (!OutcomeRepository.softDelete(c, "EMP_YBC_PROJECT", "LIVE_PROJECT_ID", id, stamp)) {
                throw new NotFoundException(projectTarget(id));
            }
            audit.record(c, actor, "ybc.project.delete", projectTarget(id), null);
            return null;
        });
    }

    private ProjectData validate(Actor actor, YbcInput.Project in, ValidationException.Collector errors) {
        LocalDate today = today();
        Long projectId = OutcomeFields.id(in.project(), "project", PROJECT_REQUIRED, PROJECT_UNKNOWN, errors);
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        Integer entered = OutcomeFields.enteredYear(in.year(), today, "year", YEAR_INVALID, errors);
        LocalDate recognisedOn = OutcomeFields.dateInYear(in.recognisedOn(), entered, today, "recognisedOn",
                RECOGNISED_INVALID, RECOGNISED_FUTURE, RECOGNISED_TOO_EARLY, RECOGNISED_OUTSIDE_YEAR, errors);
        Integer year = OutcomeFields.yearOf(in.year(), entered, recognisedOn);
        String support = OutcomeFields.optional(in.support(), SUPPORT_MAX, "support", SUPPORT_TOO_LONG, errors);
        for (String f : List.of("project", "county", "year", "recognisedOn", "support")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new ProjectData(projectId, county, year, recognisedOn, support);
    }

    /**
     * The project must be live in the project database, seen by the actor (otherwise "unknown"), of the record's
     * county, and not yet a demonstration project of the same year.
     */
    private void checkProject(Connection c, Actor actor, Long projectId, ProjectData data, long exceptId,
            ValidationException.Collector errors) throws SQLException {
        if (projectId == null || errors.has("project")) {
            return;
        }
        Optional<Long> county = OutcomeRepository.liveCounty(c, "EMP_PROJECT", projectId);
        if (county.isEmpty() || !scope.covers(actor, county.get())) {
            errors.add("project", PROJECT_UNKNOWN);
        } else if (data != null && county.get() != data.countyId()) {
            errors.add("project", PROJECT_OTHER_COUNTY);
        } else if (data != null && repo.countDemonstrations(c, projectId, data.year(), exceptId) > 0) {
            errors.add("project", PROJECT_ALREADY);
        }
    }

    // ---------------------------------------------------------------- indicators

    /**
     * Per unit (its own county only), on min(asOf, 31 December of year): 1 when a live station of the county was set
     * up by the day, else 0; and the live demonstration projects of {@code year} recognised by the day.
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Counts counts = store.read(c -> new Counts(repo.stationsByCounty(c, ids, day),
                repo.projectsByCounty(c, ids, year, day)));
        for (Long id : ids) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_STATION, BigDecimal.valueOf(Math.min(1, counts.stations().getOrDefault(id, 0L))));
            values.put(INDICATOR_PROJECTS, BigDecimal.valueOf(counts.projects().getOrDefault(id, 0L)));
            out.put(id, values);
        }
        return out;
    }

    private record Counts(Map<Long, Long> stations, Map<Long, Long> projects) {
    }

    // ---------------------------------------------------------------- helpers

    static String stationTarget(long id) {
        return "ybc-station:" + id;
    }

    static String projectTarget(long id) {
        return "ybc-project:" + id;
    }

    private static String stationDetail(StationData d) {
        return "county=" + d.countyId() + " setUpOn=" + d.setUpOn();
    }

    private static String projectDetail(ProjectData d) {
        return "county=" + d.countyId() + " project=" + d.projectId() + " year=" + d.year();
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }
}
