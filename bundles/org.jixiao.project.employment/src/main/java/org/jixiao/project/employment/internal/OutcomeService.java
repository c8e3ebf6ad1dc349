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
 * Employment outcomes: youth helped into a job, by which employer, when and through which work item. They count
 * towards the "200 youth helped into employment" of POLICY.md section 3, each youth at most once a year. Scope,
 * validation and audit follow {@link ProjectService}: the youth must be a live registered youth of the record's
 * county that the user sees.
 */
final class OutcomeService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;
    static final String INDICATOR_OUTCOMES = "employment.outcomes";

    static final int EMPLOYER_MAX = 100;
    static final int POST_MAX = 50;
    static final int NOTE_MAX = 500;

    static final String YOUTH_REQUIRED = "outcome.youth.required";
    static final String YOUTH_UNKNOWN = "outcome.youth.unknown";
    static final String YOUTH_OTHER_COUNTY = "outcome.youth.otherCounty";
    static final String YOUTH_COUNTED = "outcome.youth.counted";
    static final String COUNTY_REQUIRED = "outcome.county.required";
    static final String COUNTY_INVALID = "outcome.county.invalid";
    static final String EMPLOYER_REQUIRED = "outcome.employer.required";
    static final String EMPLOYER_TOO_LONG = "outcome.employer.tooLong";
    static final String POST_TOO_LONG = "outcome.post.tooLong";
    static final String YEAR_INVALID = "outcome.year.invalid";
    static final String DATE_INVALID = "outcome.employedOn.invalid";
    static final String DATE_FUTURE = "outcome.employedOn.future";
    static final String DATE_TOO_EARLY = "outcome.employedOn.tooEarly";
    static final String DATE_OUTSIDE_YEAR = "outcome.employedOn.outsideYear";
    static final String CHANNEL_REQUIRED = "outcome.channel.required";
    static final String CHANNEL_INVALID = "outcome.channel.invalid";
    static final String NOTE_TOO_LONG = "outcome.note.tooLong";

    /** An outcome that passed the field rules; the youth is checked in the transaction. */
    record Data(long youthId, long countyId, String employer, String post, int year, LocalDate employedOn,
            OutcomeChannel channel, String note) {
    }

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final OutcomeRepository repo = new OutcomeRepository();
    private final CountyScope scope;

    OutcomeService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "outcome");
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

    Page<Outcome> list(Actor actor, OutcomeRepository.Filter filter, int requestedPage) {
        scope.requireReader(actor);
        List<Long> counties = scope.ids(actor, filter.countyId());
        return store.read(c -> {
            long total = repo.count(c, counties, filter);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.list(c, counties, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE), page, PAGE_SIZE,
                    total);
        });
    }

    /** @throws NotFoundException when missing, deleted or out of the actor's scope */
    Outcome get(Actor actor, long id) {
        scope.requireReader(actor);
        return visible(actor, store.read(c -> repo.findLive(c, id).orElse(null)), id);
    }

    /** @throws ValidationException on bad input, with nothing written */
    long create(Actor actor, OutcomeInput input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Data data = validate(actor, input, errors);
        Long youthId = ProjectValidator.positiveId(input.youth());
        if (youthId == null) {
            errors.throwIfAny();
        }
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            checkYouth(c, actor, youthId, data, 0, errors);
            errors.throwIfAny();
            long id = repo.insert(c, data, stamp);
            audit.record(c, actor, "outcome.create", target(id), detail(data));
            return id;
        });
    }

    /**
     * @throws NotFoundException when the outcome is missing or out of scope (checked before the input)
     * @throws ValidationException on bad input, with nothing written
     */
    void update(Actor actor, long id, OutcomeInput input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Data data = validate(actor, input, errors);
        Long youthId = ProjectValidator.positiveId(input.youth());
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            checkYouth(c, actor, youthId, data, id, errors);
            errors.throwIfAny();
            repo.update(c, id, data, stamp);
            audit.record(c, actor, "outcome.update", target(id), detail(data));
            return null;
        });
    }

    /** Soft delete; the youth may then be counted again in that year. */
    void delete(Actor actor, long id) {
        scope.requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            if (!OutcomeRepository.softDelete(c, "EMP_OUTCOME", "LIVE_YOUTH_ID", id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "outcome.delete", target(id), null);
            return null;
        });
    }

    /**
     * Per unit (its own county only): live outcomes of {@code year} with the employment date on or before
     * min(asOf, 31 December). A youth counts once a year by construction (one live outcome per youth and year).
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, Long> counts = store.read(c -> repo.countByCounty(c, ids, year, day));
        for (Long id : ids) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_OUTCOMES, BigDecimal.valueOf(counts.getOrDefault(id, 0L)));
            out.put(id, values);
        }
        return out;
    }

    // ---------------------------------------------------------------- validation

    private Data validate(Actor actor, OutcomeInput in, ValidationException.Collector errors) {
        LocalDate today = today();
        Long youthId = OutcomeFields.id(in.youth(), "youth", YOUTH_REQUIRED, YOUTH_UNKNOWN, errors);
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        String employer = OutcomeFields.required(in.employer(), EMPLOYER_MAX, "employer", EMPLOYER_REQUIRED,
                EMPLOYER_TOO_LONG, errors);
        String post = OutcomeFields.optional(in.post(), POST_MAX, "post", POST_TOO_LONG, errors);
        Integer entered = OutcomeFields.enteredYear(in.year(), today, "year", YEAR_INVALID, errors);
        LocalDate employedOn = OutcomeFields.dateInYear(in.employedOn(), entered, today, "employedOn", DATE_INVALID,
                DATE_FUTURE, DATE_TOO_EARLY, DATE_OUTSIDE_YEAR, errors);
        Integer year = OutcomeFields.yearOf(in.year(), entered, employedOn);
        OutcomeChannel channel = null;
        if (ProjectValidator.blank(in.channel())) {
            errors.add("channel", CHANNEL_REQUIRED);
        } else {
            channel = Enums.parse(OutcomeChannel.class, in.channel()).orElse(null);
            if (channel == null) {
                errors.add("channel", CHANNEL_INVALID);
            }
        }
        String note = OutcomeFields.optional(in.note(), NOTE_MAX, "note", NOTE_TOO_LONG, errors);
        for (String f : List.of("youth", "county", "employer", "post", "year", "employedOn", "channel", "note")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new Data(youthId, county, employer, post, year, employedOn, channel, note);
    }

    /**
     * The youth must be live, seen by the actor (otherwise "unknown", revealing nothing of other counties), of the
     * outcome's county, and not yet counted in the year by another outcome.
     */
    private void checkYouth(Connection c, Actor actor, Long youthId, Data data, long exceptId,
            ValidationException.Collector errors) throws SQLException {
        if (youthId == null || errors.has("youth")) {
            return;
        }
        Optional<Long> county = OutcomeRepository.liveCounty(c, "EMP_YOUTH", youthId);
        if (county.isEmpty() || !scope.covers(actor, county.get())) {
            errors.add("youth", YOUTH_UNKNOWN);
        } else if (data != null && county.get() != data.countyId()) {
            errors.add("youth", YOUTH_OTHER_COUNTY);
        } else if (data != null && repo.countForYouth(c, youthId, data.year(), exceptId) > 0) {
            errors.add("youth", YOUTH_COUNTED);
        }
    }

    // ---------------------------------------------------------------- helpers

    static String target(long id) {
        return "outcome:" + id;
    }

    private static String detail(Data d) {
        return "county=" + d.countyId() + " youth=" + d.youthId() + " year=" + d.year() + " channel=" + d.channel();
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private Outcome visible(Actor actor, Outcome o, long id) {
        return scope.visible(actor, o, o == null ? 0 : o.countyId(), id);
    }
}
