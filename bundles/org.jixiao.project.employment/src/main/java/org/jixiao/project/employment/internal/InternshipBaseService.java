package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Internship bases (work item 6): employers and organisations that take interns, with the day each was entered
 * into the provincial league's system. Scope, validation and audit follow {@link YouthService}: a base out of scope
 * is reported as missing; bad input throws with nothing written; every change writes its audit line inside the
 * transaction.
 *
 * <p>The indicator counts only bases entered into the provincial system by the day. The policy asks for at least
 * 80 bases "entered into the provincial league's system": the province sees and checks only what was entered, so a
 * base the county keeps to itself is not yet one the county can be credited with. The list page shows both figures,
 * live bases and entered ones, so the gap between them is the county's to-do list.
 */
final class InternshipBaseService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;
    static final String INDICATOR_BASES = "internship.bases";

    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 200;
    static final int CONTACT_MAX = 100;
    /** More positions a year than any employer of a county offers: a larger figure is a typing error. */
    static final int CAPACITY_MAX = 100_000;

    static final String NAME_REQUIRED = "base.name.required";
    static final String NAME_TOO_LONG = "base.name.tooLong";
    static final String SECTOR_REQUIRED = "base.sector.required";
    static final String SECTOR_INVALID = "base.sector.invalid";
    static final String ADDRESS_REQUIRED = "base.address.required";
    static final String ADDRESS_TOO_LONG = "base.address.tooLong";
    static final String CONTACT_REQUIRED = "base.contact.required";
    static final String CONTACT_TOO_LONG = "base.contact.tooLong";
    static final String CAPACITY_REQUIRED = "base.capacity.required";
    static final String CAPACITY_INVALID = "base.capacity.invalid";
    static final String COUNTY_REQUIRED = "base.county.required";
    static final String COUNTY_INVALID = "base.county.invalid";
    static final String COUNTY_LINKED = "base.county.linked";
    static final String DATE_INVALID = "base.date.invalid";
    static final String DATE_FUTURE = "base.date.future";
    static final String DATE_TOO_EARLY = "base.date.tooEarly";
    static final String ENTERED_BEFORE_ESTABLISHED = "base.enteredOn.beforeEstablished";
    static final String CLOSED_BEFORE_ESTABLISHED = "base.closedOn.beforeEstablished";
    static final String DELETE_LINKED = "base.delete.linked";

    /** A base that passed the field rules. */
    record Data(String name, ProjectSector sector, String address, String contact, int capacity, long countyId,
            LocalDate establishedOn, LocalDate enteredOn, LocalDate closedOn) {
    }

    /**
     * What the base list is narrowed to; unknown filter values arrive as null (no filter).
     *
     * @param query a part of the name, address or contact
     * @param entered whether the base was entered into the provincial system (today), null for both
     */
    record Filter(String query, ProjectSector sector, Boolean entered, Long countyId) {

        static final Filter NONE = new Filter(null, null, null, null);
    }

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final InternshipBaseRepository repo = new InternshipBaseRepository();
    private final CountyScope scope;

    InternshipBaseService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "base");
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

    Page<InternshipBase> list(Actor actor, Filter filter, int requestedPage) {
        requireReader(actor);
        List<Long> counties = scope.ids(actor, filter.countyId());
        LocalDate today = today();
        return store.read(c -> {
            long total = repo.count(c, counties, filter, today);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.list(c, counties, filter, today, (page - 1) * PAGE_SIZE, PAGE_SIZE), page,
                    PAGE_SIZE, total);
        });
    }

    /** @throws NotFoundException when missing, deleted or out of the actor's scope */
    InternshipBase get(Actor actor, long id) {
        requireReader(actor);
        return visible(actor, store.read(c -> repo.findLive(c, id).orElse(null)), id);
    }

    /** Per county in the actor's scope (narrowed to one when asked), its live and entered bases on {@code day}. */
    Map<Long, InternshipBase.Counts> counts(Actor actor, Long countyId, LocalDate day) {
        requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        Map<Long, InternshipBase.Counts> found = store.read(c -> repo.countsByCounty(c, counties, day));
        Map<Long, InternshipBase.Counts> out = new LinkedHashMap<>();
        for (Long id : counties) {
            out.put(id, found.getOrDefault(id, new InternshipBase.Counts(0, 0)));
        }
        return out;
    }

    /** @throws ValidationException on bad input, with nothing written */
    long create(Actor actor, InternshipBaseInput input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Data data = validate(actor, input, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            long id = repo.insert(c, data, stamp);
            audit.record(c, actor, "base.create", target(id), detail(data));
            return id;
        });
    }

    /**
     * Also how a base is entered into the provincial system or closed: both days are fields of the record.
     *
     * @throws NotFoundException when missing or out of scope (checked before the input)
     * @throws ValidationException on bad input, with nothing written
     */
    void update(Actor actor, long id, InternshipBaseInput input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Data data = validate(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            InternshipBase before = visible(actor, repo.findLive(c, id).orElse(null), id);
            // A position offered at the base belongs to the base's county; moving the base would split them.
            if (data != null && data.countyId() != before.countyId() && repo.countPositions(c, id) > 0) {
                errors.add("county", COUNTY_LINKED);
            }
            errors.throwIfAny();
            repo.update(c, id, data, stamp);
            audit.record(c, actor, "base.update", target(id), detail(data));
            return null;
        });
    }

    /**
     * Soft delete. A base that live internship positions name is closed (a closing day), not deleted, so the
     * positions keep saying where they are offered.
     *
     * @throws ValidationException when live positions name the base, with nothing written
     */
    void delete(Actor actor, long id) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            if (repo.countPositions(c, id) > 0) {
                throw ValidationException.of("delete", DELETE_LINKED);
            }
            if (!repo.softDelete(c, id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "base.delete", target(id), null);
            return null;
        });
    }

    /**
     * Per unit (its own county only), on {@code day} = min(asOf, 31 December of year): the bases established by
     * the day, not closed by it and entered into the provincial league's system by it.
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, InternshipBase.Counts> counts = store.read(c -> repo.countsByCounty(c, ids, day));
        for (Long id : ids) {
            InternshipBase.Counts n = counts.getOrDefault(id, new InternshipBase.Counts(0, 0));
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_BASES, BigDecimal.valueOf(n.entered()));
            out.put(id, values);
        }
        return out;
    }

    // ---------------------------------------------------------------- validation

    private Data validate(Actor actor, InternshipBaseInput in, ValidationException.Collector errors) {
        String name = text(in.name(), NAME_MAX, "name", NAME_REQUIRED, NAME_TOO_LONG, errors);
        ProjectSector sector = null;
        if (ProjectValidator.blank(in.sector())) {
            errors.add("sector", SECTOR_REQUIRED);
        } else {
            sector = Enums.parse(ProjectSector.class, in.sector()).orElse(null);
            if (sector == null) {
                errors.add("sector", SECTOR_INVALID);
            }
        }
        String address = text(in.address(), ADDRESS_MAX, "address", ADDRESS_REQUIRED, ADDRESS_TOO_LONG, errors);
        String contact = text(in.contact(), CONTACT_MAX, "contact", CONTACT_REQUIRED, CONTACT_TOO_LONG, errors);
        Integer capacity = count(in.capacity(), CAPACITY_MAX, "capacity", CAPACITY_REQUIRED, CAPACITY_INVALID,
                errors);
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        LocalDate today = today();
        LocalDate established = ProjectValidator.date(in.establishedOn(), today, today, errors, "establishedOn",
                DATE_INVALID, DATE_FUTURE, DATE_TOO_EARLY);
        LocalDate entered = optionalDate(in.enteredOn(), today, "enteredOn", errors);
        LocalDate closed = optionalDate(in.closedOn(), today, "closedOn", errors);
        if (established != null && entered != null && entered.isBefore(established)) {
            errors.add("enteredOn", ENTERED_BEFORE_ESTABLISHED);
        }
        if (established != null && closed != null && closed.isBefore(established)) {
            errors.add("closedOn", CLOSED_BEFORE_ESTABLISHED);
        }
        for (String f : List.of("name", "sector", "address", "contact", "capacity", "county", "establishedOn",
                "enteredOn", "closedOn")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new Data(name, sector, address, contact, capacity, county, established, entered, closed);
    }

    private static LocalDate optionalDate(String raw, LocalDate today, String field,
            ValidationException.Collector errors) {
        return ProjectValidator.blank(raw) ? null
                : ProjectValidator.date(raw, null, today, errors, field, DATE_INVALID, DATE_FUTURE, DATE_TOO_EARLY);
    }

    /** Required text, stripped, at most {@code max} code points. */
    static String text(String raw, int max, String field, String requiredKey, String tooLongKey,
            ValidationException.Collector errors) {
        String s = raw == null ? null : raw.strip();
        if (s == null || s.isEmpty()) {
            errors.add(field, requiredKey);
            return null;
        }
        if (s.codePointCount(0, s.length()) > max) {
            errors.add(field, tooLongKey);
            return null;
        }
        return s;
    }

    /** A required whole number from 1 to {@code max}; anything else (0, -1, 2.5, "ten") is invalid. */
    static Integer count(String raw, int max, String field, String requiredKey, String invalidKey,
            ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            errors.add(field, requiredKey);
            return null;
        }
        String s = raw.strip();
        if (!s.matches("[1-9]\\d{0,8}") || Integer.parseInt(s) > max) {
            errors.add(field, invalidKey);
            return null;
        }
        return Integer.parseInt(s);
    }

    // ---------------------------------------------------------------- helpers

    static String target(long id) {
        return "base:" + id;
    }

    private static String detail(Data d) {
        return "county=" + d.countyId() + " entered=" + (d.enteredOn() == null ? "-" : d.enteredOn())
                + (d.closedOn() == null ? "" : " closed=" + d.closedOn());
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private InternshipBase visible(Actor actor, InternshipBase b, long id) {
        return scope.visible(actor, b, b == null ? 0 : b.countyId(), id);
    }

    private void requireReader(Actor actor) {
        scope.requireReader(actor);
    }

    private void requireWriter(Actor actor) {
        scope.requireWriter(actor);
    }
}
