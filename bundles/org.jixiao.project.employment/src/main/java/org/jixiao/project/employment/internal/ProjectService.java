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
 * The entrepreneurship project database (work item 2). Scope, validation and audit follow {@link YouthService}: a
 * project belongs to one county and is reached only from there or above; the founder must be a live youth record
 * of that same county.
 */
final class ProjectService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;
    static final String INDICATOR_PROJECTS = "entrepreneurship.projects";

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final ProjectRepository repo = new ProjectRepository();
    private final ProjectValidator validator;
    private final CountyScope scope;

    ProjectService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.validator = new ProjectValidator(orgUnits);
        this.scope = new CountyScope(orgUnits, youth, "venture");
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

    Page<Project> list(Actor actor, ProjectFilter filter, int requestedPage) {
        List<Long> counties = scope.ids(actor, filter.countyId());
        return store.read(c -> {
            long total = repo.count(c, counties, filter);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.list(c, counties, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE), page, PAGE_SIZE,
                    total);
        });
    }

    /** @throws NotFoundException when missing, deleted or out of the actor's scope */
    Project get(Actor actor, long id) {
        requireReader(actor);
        return visible(actor, store.read(c -> repo.findLive(c, id).orElse(null)), id);
    }

    /** @throws ValidationException on bad input, with nothing written */
    long create(Actor actor, ProjectInput input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        ProjectData data = validator.validate(actor, input, today(), errors);
        Founder founder = founder(actor, input, errors);
        if (founder == null) {
            // Without a founder id there is nothing to look up: answer without taking a connection.
            errors.throwIfAny();
        }
        YouthRepository.Stamp stamp = new YouthRepository.Stamp(actor.userId(), clock.instant());
        return store.inTransaction(c -> {
            checkFounder(c, actor, founder, errors);
            errors.throwIfAny();
            long id = repo.insert(c, data, stamp);
            audit.record(c, actor, "venture.create", target(id), detail(data));
            return id;
        });
    }

    /**
     * @throws NotFoundException when the project is missing or out of scope (checked before the input)
     * @throws ValidationException on bad input, with nothing written
     */
    void update(Actor actor, long id, ProjectInput input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        ProjectData data = validator.validate(actor, input, today(), errors);
        Founder founder = founder(actor, input, errors);
        YouthRepository.Stamp stamp = new YouthRepository.Stamp(actor.userId(), clock.instant());
        store.inTransaction(c -> {
            Project before = visible(actor, repo.findLive(c, id).orElse(null), id);
            checkFounder(c, actor, founder, errors);
            errors.throwIfAny();
            if (data.countyId() != before.countyId()) {
                Links.requireNone(c, Links.PROJECT, id);
            }
            repo.update(c, id, data, stamp);
            audit.record(c, actor, "venture.update", target(id), detail(data));
            return null;
        });
    }

    /** Soft delete. */
    void delete(Actor actor, long id) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = new YouthRepository.Stamp(actor.userId(), clock.instant());
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            Links.requireNone(c, Links.PROJECT, id);
            if (!repo.softDelete(c, id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "venture.delete", target(id), null);
            return null;
        });
    }

    /** Live projects per unit (its own county only) registered on or before min(asOf, 31 December of year). */
    Map<Long, BigDecimal> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate registeredBy = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, Long> counts = store.read(c -> repo.countByCounty(c, ids, registeredBy));
        for (Long id : ids) {
            out.put(id, BigDecimal.valueOf(counts.getOrDefault(id, 0L)));
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    static String target(long id) {
        return "venture:" + id;
    }

    private static String detail(ProjectData d) {
        return "county=" + d.countyId() + " founder=" + d.founderId() + " stage=" + d.stage();
    }

    /** The founder id to look up and the project's county when valid (null: compare no county). */
    private record Founder(long youthId, Long countyId) {
    }

    /** The founder to check in the database, even when other fields are wrong, so its problem shows with theirs. */
    private Founder founder(Actor actor, ProjectInput input, ValidationException.Collector errors) {
        Long youthId = errors.has("founder") ? null : ProjectValidator.positiveId(input.founder());
        if (youthId == null) {
            return null;
        }
        Long county = errors.has("county") ? null : ProjectValidator.county(orgUnits, actor, input.county(),
                new ValidationException.Collector(), ProjectValidator.COUNTY_REQUIRED, ProjectValidator.COUNTY_INVALID);
        return new Founder(youthId, county);
    }

    /**
     * The founder must be a live youth of the project's county. A youth the actor cannot see is "unknown", so the
     * answer reveals nothing about other counties; one the actor sees in another county is named as such.
     */
    private void checkFounder(Connection c, Actor actor, Founder founder, ValidationException.Collector errors)
            throws SQLException {
        if (founder == null) {
            return;
        }
        Optional<Long> county = repo.liveYouthCounty(c, founder.youthId());
        if (county.isEmpty() || !scope.covers(actor, county.get())) {
            errors.add("founder", ProjectValidator.FOUNDER_UNKNOWN);
        } else if (founder.countyId() != null && !county.get().equals(founder.countyId())) {
            errors.add("founder", ProjectValidator.FOUNDER_OTHER_COUNTY);
        }
    }

    private Project visible(Actor actor, Project p, long id) {
        return scope.visible(actor, p, p == null ? 0 : p.countyId(), id);
    }

    private void requireReader(Actor actor) {
        scope.requireReader(actor);
    }

    private void requireWriter(Actor actor) {
        scope.requireWriter(actor);
    }
}
