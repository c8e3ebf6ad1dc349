package org.jixiao.project.employment.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Page;
import org.jixiao.api.ValidationException;
import org.jixiao.api.store.Store;

/**
 * Awards and competitions (work item 13): the selections and contests a county takes part in, its entrants (a
 * registered youth and/or an entrepreneurship project of the county) and how far each went. Qualitative: no
 * indicator; the register shows entrants and winners per county. Scope, validation and audit follow
 * {@link MentorService}.
 */
final class AwardService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;

    static final int NAME_MAX = 100;
    static final int PRIZE_MAX = 100;

    static final String KIND_REQUIRED = "award.kind.required";
    static final String KIND_INVALID = "award.kind.invalid";
    static final String NAME_REQUIRED = "award.name.required";
    static final String NAME_TOO_LONG = "award.name.tooLong";
    static final String YEAR_INVALID = "award.year.invalid";
    static final String LEVEL_REQUIRED = "award.level.required";
    static final String LEVEL_INVALID = "award.level.invalid";
    static final String COUNTY_REQUIRED = "award.county.required";
    static final String COUNTY_INVALID = "award.county.invalid";
    static final String COUNTY_LINKED = "award.county.linked";
    static final String ENTRANT_REQUIRED = "award.entrant.required";
    static final String YOUTH_UNKNOWN = "award.youth.unknown";
    static final String YOUTH_OTHER_COUNTY = "award.youth.otherCounty";
    static final String YOUTH_ALREADY = "award.youth.already";
    static final String PROJECT_UNKNOWN = "award.project.unknown";
    static final String PROJECT_OTHER_COUNTY = "award.project.otherCounty";
    static final String PROJECT_ALREADY = "award.project.already";
    static final String RESULT_REQUIRED = "award.result.required";
    static final String RESULT_INVALID = "award.result.invalid";
    static final String PRIZE_REQUIRED = "award.prize.required";
    static final String PRIZE_NOT_WINNER = "award.prize.notWinner";
    static final String PRIZE_TOO_LONG = "award.prize.tooLong";

    /** An award or contest that passed the field rules; {@code name} is null for a named kind without a title. */
    record Data(AwardKind kind, String name, int year, AwardLevel level, long countyId) {
    }

    /** An entrant that passed the field rules; the youth and project are checked in the transaction. */
    record EntrantData(Long youthId, Long projectId, AwardResult result, String prize) {
    }

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final AwardRepository repo = new AwardRepository();
    private final CountyScope scope;

    AwardService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "award");
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

    // ---------------------------------------------------------------- awards

    Page<Award> list(Actor actor, AwardRepository.Filter filter, int requestedPage) {
        scope.requireReader(actor);
        List<Long> counties = scope.ids(actor, filter.countyId());
        return store.read(c -> {
            long total = repo.count(c, counties, filter);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.list(c, counties, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE), page, PAGE_SIZE,
                    total);
        });
    }

    /** Per county in scope (narrowed to one when asked) with an award in {@code year}: awards, entrants, winners. */
    List<Award.Summary> summary(Actor actor, int year, Long countyId) {
        scope.requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        return store.read(c -> repo.summary(c, counties, year));
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    Award get(Actor actor, long id) {
        scope.requireReader(actor);
        return visible(actor, store.read(c -> repo.findLive(c, id).orElse(null)), id);
    }

    Award.Detail detail(Actor actor, long id) {
        scope.requireReader(actor);
        return store.read(c -> {
            Award a = visible(actor, repo.findLive(c, id).orElse(null), id);
            return new Award.Detail(a, repo.entrants(c, id));
        });
    }

    long create(Actor actor, AwardInput.Award input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Data data = validate(actor, input, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            long id = repo.insert(c, data, stamp);
            audit.record(c, actor, "award.create", target(id), detail(data));
            return id;
        });
    }

    /** @throws NotFoundException when missing or out of scope (checked before the input) */
    void update(Actor actor, long id, AwardInput.Award input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Data data = validate(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            Award before = visible(actor, repo.findLive(c, id).orElse(null), id);
            // Entrants are youth and projects of the award's county.
            if (data != null && data.countyId() != before.countyId() && repo.countEntrants(c, id) > 0) {
                errors.add("county", COUNTY_LINKED);
            }
            errors.throwIfAny();
            repo.update(c, id, data, stamp);
            audit.record(c, actor, "award.update", target(id), detail(data));
            return null;
        });
    }

    void delete(Actor actor, long id) {
        scope.requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            if (!OutcomeRepository.softDelete(c, "EMP_AWARD", null, id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "award.delete", target(id), null);
            return null;
        });
    }

    private Data validate(Actor actor, AwardInput.Award in, ValidationException.Collector errors) {
        AwardKind kind = parse(AwardKind.class, in.kind(), "kind", KIND_REQUIRED, KIND_INVALID, errors);
        // OTHER is named by its name; a named kind may carry an edition title.
        String name = kind == AwardKind.OTHER
                ? OutcomeFields.required(in.name(), NAME_MAX, "name", NAME_REQUIRED, NAME_TOO_LONG, errors)
                : OutcomeFields.optional(in.name(), NAME_MAX, "name", NAME_TOO_LONG, errors);
        Integer year = OutcomeFields.year(in.year(), today(), "year", YEAR_INVALID, errors);
        AwardLevel level = parse(AwardLevel.class, in.level(), "level", LEVEL_REQUIRED, LEVEL_INVALID, errors);
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        for (String f : List.of("kind", "name", "year", "level", "county")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new Data(kind, name, year, level, county);
    }

    // ---------------------------------------------------------------- entrants

    long addEntrant(Actor actor, long awardId, AwardInput.Entrant input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        EntrantData data = validate(input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            Award a = visible(actor, repo.findLive(c, awardId).orElse(null), awardId);
            checkLinks(c, actor, a, input, 0, errors);
            errors.throwIfAny();
            long id = repo.insertEntrant(c, awardId, data, stamp);
            audit.record(c, actor, "award.entrant.add", target(awardId), entrantDetail(id, data));
            return id;
        });
    }

    /** Changes an entrant: most often the result once the selection is decided. */
    void updateEntrant(Actor actor, long awardId, long entrantId, AwardInput.Entrant input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        EntrantData data = validate(input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            Award a = visible(actor, repo.findLive(c, awardId).orElse(null), awardId);
            entrant(c, awardId, entrantId);
            checkLinks(c, actor, a, input, entrantId, errors);
            errors.throwIfAny();
            repo.updateEntrant(c, entrantId, data, stamp);
            audit.record(c, actor, "award.entrant.update", target(awardId), entrantDetail(entrantId, data));
            return null;
        });
    }

    void deleteEntrant(Actor actor, long awardId, long entrantId) {
        scope.requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, awardId).orElse(null), awardId);
            entrant(c, awardId, entrantId);
            if (!OutcomeRepository.softDelete(c, "EMP_AWARD_ENTRANT", null, entrantId, stamp)) {
                throw new NotFoundException(entrantTarget(entrantId));
            }
            audit.record(c, actor, "award.entrant.delete", target(awardId), "entrant=" + entrantId);
            return null;
        });
    }

    private Award.Entrant entrant(Connection c, long awardId, long entrantId) throws SQLException {
        Award.Entrant e = repo.findEntrant(c, entrantId).orElse(null);
        if (e == null || e.awardId() != awardId) {
            throw new NotFoundException(entrantTarget(entrantId));
        }
        return e;
    }

    private static EntrantData validate(AwardInput.Entrant in, ValidationException.Collector errors) {
        Long youthId = null;
        Long projectId = null;
        if (ProjectValidator.blank(in.youth()) && ProjectValidator.blank(in.project())) {
            errors.add("youth", ENTRANT_REQUIRED);
        }
        if (!ProjectValidator.blank(in.youth())) {
            youthId = ProjectValidator.positiveId(in.youth());
            if (youthId == null) {
                errors.add("youth", YOUTH_UNKNOWN);
            }
        }
        if (!ProjectValidator.blank(in.project())) {
            projectId = ProjectValidator.positiveId(in.project());
            if (projectId == null) {
                errors.add("project", PROJECT_UNKNOWN);
            }
        }
        AwardResult result = parse(AwardResult.class, in.result(), "result", RESULT_REQUIRED, RESULT_INVALID, errors);
        String prize = OutcomeFields.optional(in.prize(), PRIZE_MAX, "prize", PRIZE_TOO_LONG, errors);
        if (result == AwardResult.WINNER && prize == null && !errors.has("prize")) {
            errors.add("prize", PRIZE_REQUIRED);
        } else if (result != null && result != AwardResult.WINNER && prize != null) {
            // A prize belongs to a winner; anything else would count a prize nobody won.
            errors.add("prize", PRIZE_NOT_WINNER);
        }
        for (String f : List.of("youth", "project", "result", "prize")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new EntrantData(youthId, projectId, result, prize);
    }

    /**
     * The youth and the project, where given, must be live, seen by the actor (otherwise "unknown"), of the award's
     * county, and not already entered in the award.
     */
    private void checkLinks(Connection c, Actor actor, Award a, AwardInput.Entrant in, long exceptId,
            ValidationException.Collector errors) throws SQLException {
        Long youthId = errors.has("youth") ? null : ProjectValidator.positiveId(in.youth());
        if (youthId != null) {
            Optional<Long> county = OutcomeRepository.liveCounty(c, "EMP_YOUTH", youthId);
            if (county.isEmpty() || !scope.covers(actor, county.get())) {
                errors.add("youth", YOUTH_UNKNOWN);
            } else if (county.get() != a.countyId()) {
                errors.add("youth", YOUTH_OTHER_COUNTY);
            } else if (repo.countEntrants(c, a.id(), "YOUTH_ID", youthId, exceptId) > 0) {
                errors.add("youth", YOUTH_ALREADY);
            }
        }
        Long projectId = errors.has("project") ? null : ProjectValidator.positiveId(in.project());
        if (projectId != null) {
            Optional<Long> county = OutcomeRepository.liveCounty(c, "EMP_PROJECT", projectId);
            if (county.isEmpty() || !scope.covers(actor, county.get())) {
                errors.add("project", PROJECT_UNKNOWN);
            } else if (county.get() != a.countyId()) {
                errors.add("project", PROJECT_OTHER_COUNTY);
            } else if (repo.countEntrants(c, a.id(), "PROJECT_ID", projectId, exceptId) > 0) {
                errors.add("project", PROJECT_ALREADY);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, String requiredKey,
            String invalidKey, ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            errors.add(field, requiredKey);
            return null;
        }
        E e = Enums.parse(type, raw).orElse(null);
        if (e == null) {
            errors.add(field, invalidKey);
        }
        return e;
    }

    static String target(long id) {
        return "award:" + id;
    }

    static String entrantTarget(long id) {
        return "award-entrant:" + id;
    }

    private static String detail(Data d) {
        return "county=" + d.countyId() + " kind=" + d.kind() + " year=" + d.year() + " level=" + d.level();
    }

    private static String entrantDetail(long id, EntrantData d) {
        return "entrant=" + id + " youth=" + d.youthId() + " project=" + d.projectId() + " result=" + d.result();
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private Award visible(Actor actor, Award a, long id) {
        return scope.visible(actor, a, a == null ? 0 : a.countyId(), id);
    }
}
