package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * The internship "double thousand" plan (work item 5): positions collected from employers of a county for a year,
 * youth of that county placed into them, and each placement's outcome. Three per-county indicators: interns in the
 * year, the share of them in general-manager-assistant posts, the rate of them converted to employment.
 *
 * <p>Scope, validation and audit follow {@link YouthService}: a position out of scope is reported as missing; bad
 * input throws with nothing written; every change writes its audit line inside the transaction.
 */
final class InternshipService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;

    static final String INDICATOR_INTERNS = "internship.interns";
    static final String INDICATOR_GM_SHARE = "internship.gmShare";
    static final String INDICATOR_CONVERSION = "internship.conversion";

    static final int EMPLOYER_MAX = 100;
    static final int POST_MAX = 100;
    /** More places in one post than a county's employers offer in a year is a typing error. */
    static final int PLACES_MAX = 10_000;

    static final String COUNTY_REQUIRED = "internship.county.required";
    static final String COUNTY_INVALID = "internship.county.invalid";
    static final String COUNTY_LINKED = "internship.county.linked";
    static final String EMPLOYER_REQUIRED = "internship.employer.required";
    static final String EMPLOYER_TOO_LONG = "internship.employer.tooLong";
    static final String POST_REQUIRED = "internship.post.required";
    static final String POST_TOO_LONG = "internship.post.tooLong";
    static final String GM_REQUIRED = "internship.gmAssistant.required";
    static final String GM_INVALID = "internship.gmAssistant.invalid";
    static final String BASE_UNKNOWN = "internship.base.unknown";
    static final String BASE_OTHER_COUNTY = "internship.base.otherCounty";
    static final String BASE_CLOSED = "internship.base.closed";
    static final String PLACES_REQUIRED = "internship.places.required";
    static final String PLACES_INVALID = "internship.places.invalid";
    static final String PLACES_BELOW_PLACED = "internship.places.belowPlaced";
    static final String YEAR_INVALID = "internship.year.invalid";
    static final String YEAR_LINKED = "internship.year.linked";
    static final String DATE_REQUIRED = "internship.date.required";
    static final String DATE_INVALID = "internship.date.invalid";
    static final String DATE_FUTURE = "internship.date.future";
    static final String DATE_OUTSIDE_YEAR = "internship.date.outsideYear";
    static final String ENDS_BEFORE_STARTS = "internship.endsOn.beforeStart";
    static final String DELETE_LINKED = "internship.delete.linked";
    static final String YOUTH_REQUIRED = "internship.youth.required";
    static final String YOUTH_UNKNOWN = "internship.youth.unknown";
    static final String YOUTH_OTHER_COUNTY = "internship.youth.otherCounty";
    static final String YOUTH_ALREADY_PLACED = "internship.youth.alreadyPlaced";
    static final String YOUTH_OVERLAPPING = "internship.youth.overlapping";
    static final String OUTSIDE_PERIOD = "internship.placement.outsidePeriod";
    static final String POSITION_FULL = "internship.position.full";
    static final String OUTCOME_INVALID = "internship.outcome.invalid";
    static final String ENDS_REQUIRED = "internship.endsOn.required";
    static final String CONVERTED_EMPLOYER_REQUIRED = "internship.convertedEmployer.required";
    static final String CONVERTED_EMPLOYER_TOO_LONG = "internship.convertedEmployer.tooLong";
    static final String CONVERTED_ON_REQUIRED = "internship.convertedOn.required";
    static final String CONVERTED_BEFORE_START = "internship.convertedOn.beforeStart";
    static final String CONVERSION_ONLY = "internship.conversion.onlyConverted";

    /** A position that passed the field rules; its base is checked in the transaction. */
    record PositionData(long countyId, String employer, String post, boolean gmAssistant, Long baseId, int places,
            int year, LocalDate startsOn, LocalDate endsOn) {
    }

    /** A placement that passed the field rules that need no position. */
    record PlacementData(LocalDate startsOn, LocalDate endsOn, InternshipOutcome outcome, String convertedEmployer,
            LocalDate convertedOn) {
    }

    /**
     * What the position list is narrowed to; unknown filter values arrive as null (no filter).
     *
     * @param query a part of the employer or the post
     */
    record Filter(String query, Integer year, Boolean gmAssistant, Long countyId) {
    }

    /** One county's figures for a year, as the indicators compute them. */
    record Figures(long interns, long gm, long converted, BigDecimal gmShare, BigDecimal conversion) {
    }

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final InternshipRepository repo = new InternshipRepository();
    /** Reads a live youth with its county, as the mentor pairings do. */
    private final MentorRepository youthRecords = new MentorRepository();
    private final CountyScope scope;

    InternshipService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "internship");
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

    // ---------------------------------------------------------------- positions

    Page<InternshipPosition> list(Actor actor, Filter filter, int requestedPage) {
        requireReader(actor);
        List<Long> counties = scope.ids(actor, filter.countyId());
        return store.read(c -> {
            long total = repo.count(c, counties, filter);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.list(c, counties, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE), page, PAGE_SIZE,
                    total);
        });
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    InternshipPosition get(Actor actor, long id) {
        requireReader(actor);
        return visible(actor, store.read(c -> repo.findPosition(c, id).orElse(null)), id);
    }

    /** The live placements of a position in scope. */
    List<InternshipPlacement> placements(Actor actor, long positionId) {
        requireReader(actor);
        return store.read(c -> {
            visible(actor, repo.findPosition(c, positionId).orElse(null), positionId);
            return repo.placements(c, positionId);
        });
    }

    /** @throws NotFoundException when the position or the placement (of that position) is missing or out of scope */
    InternshipPlacement placement(Actor actor, long positionId, long placementId) {
        requireReader(actor);
        return store.read(c -> {
            visible(actor, repo.findPosition(c, positionId).orElse(null), positionId);
            return repo.findPlacement(c, positionId, placementId)
                    .orElseThrow(() -> new NotFoundException(placementTarget(placementId)));
        });
    }

    /** @throws ValidationException on bad input, with nothing written */
    long create(Actor actor, InternshipInput.Position input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        PositionData data = validate(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            checkBase(c, actor, input, data, errors);
            errors.throwIfAny();
            long id = repo.insertPosition(c, data, stamp);
            audit.record(c, actor, "internship.create", target(id), detail(data));
            return id;
        });
    }

    /**
     * @throws NotFoundException when missing or out of scope (checked before the input)
     * @throws ValidationException on bad input, with nothing written
     */
    void update(Actor actor, long id, InternshipInput.Position input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        PositionData data = validate(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            InternshipPosition before = visible(actor, repo.findPosition(c, id).orElse(null), id);
            checkBase(c, actor, input, data, errors);
            // Placements carry the position's county and year (they are its interns there and then) and fill its
            // places: a position with interns keeps its county and year and never offers fewer places than taken.
            if (data != null && before.placed() > 0) {
                if (data.countyId() != before.countyId()) {
                    errors.add("county", COUNTY_LINKED);
                }
                if (data.year() != before.year()) {
                    errors.add("year", YEAR_LINKED);
                }
                if (data.places() < before.placed()) {
                    errors.add("places", PLACES_BELOW_PLACED);
                }
            }
            errors.throwIfAny();
            repo.updatePosition(c, id, data, stamp);
            audit.record(c, actor, "internship.update", target(id), detail(data));
            return null;
        });
    }

    /**
     * Soft delete of a position without live placements; the placements go first, each with its own audit line.
     *
     * @throws ValidationException when the position has live placements, with nothing written
     */
    void delete(Actor actor, long id) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            InternshipPosition p = visible(actor, repo.findPosition(c, id).orElse(null), id);
            if (p.placed() > 0) {
                throw ValidationException.of("delete", DELETE_LINKED);
            }
            if (!repo.softDelete(c, "EMP_INTERNSHIP_POSITION", id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "internship.delete", target(id), null);
            return null;
        });
    }

    // ---------------------------------------------------------------- placements

    /**
     * Places a live youth of the position's county into it, once, while it has a free place.
     *
     * @throws ValidationException on bad input, a full position or a youth placed there already; nothing written
     */
    long place(Actor actor, long positionId, InternshipInput.Placement input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Long youthId = youthId(input.youth(), errors);
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            // Taking the position's row lock first makes two clerks filling the last place wait for each other,
            // so the count of taken places below cannot go stale before the insert.
            repo.lockPosition(c, positionId);
            InternshipPosition p = visible(actor, repo.findPosition(c, positionId).orElse(null), positionId);
            PlacementData data = validatePlacement(input, p, errors);
            if (youthId != null) {
                Optional<MentorRepository.YouthRef> y = youthRecords.liveYouth(c, youthId);
                if (y.isEmpty() || !scope.covers(actor, y.get().countyId())) {
                    errors.add("youth", YOUTH_UNKNOWN);
                } else if (y.get().countyId() != p.countyId()) {
                    errors.add("youth", YOUTH_OTHER_COUNTY);
                } else if (repo.countPlacements(c, positionId, youthId) > 0) {
                    errors.add("youth", YOUTH_ALREADY_PLACED);
                } else if (data != null && overlaps(c, youthId, 0, data, p)) {
                    errors.add("youth", YOUTH_OVERLAPPING);
                }
            }
            if (p.full()) {
                errors.add("youth", POSITION_FULL);
            }
            errors.throwIfAny();
            long id = repo.insertPlacement(c, p, youthId, data, stamp);
            audit.record(c, actor, "internship.place", target(positionId), "youth=" + youthId + " placement=" + id
                    + " outcome=" + data.outcome());
            return id;
        });
    }

    /** Changes a placement's dates and outcome (how an outcome is recorded); the youth stays. */
    void updatePlacement(Actor actor, long positionId, long placementId, InternshipInput.Placement input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            InternshipPosition p = visible(actor, repo.findPosition(c, positionId).orElse(null), positionId);
            InternshipPlacement before = repo.findPlacement(c, positionId, placementId)
                    .orElseThrow(() -> new NotFoundException(placementTarget(placementId)));
            PlacementData data = validatePlacement(input, p, errors);
            // The youth is fixed here and the page has no youth field: the dates are what overlap.
            if (data != null && overlaps(c, before.youthId(), placementId, data, p)) {
                errors.add("startsOn", YOUTH_OVERLAPPING);
            }
            errors.throwIfAny();
            repo.updatePlacement(c, placementId, data, stamp);
            audit.record(c, actor, "internship.placement.update", target(positionId), "youth=" + before.youthId()
                    + " placement=" + placementId + " outcome=" + data.outcome());
            return null;
        });
    }

    void deletePlacement(Actor actor, long positionId, long placementId) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findPosition(c, positionId).orElse(null), positionId);
            if (repo.findPlacement(c, positionId, placementId).isEmpty()
                    || !repo.softDelete(c, "EMP_INTERNSHIP_PLACEMENT", placementId, stamp)) {
                throw new NotFoundException(placementTarget(placementId));
            }
            audit.record(c, actor, "internship.placement.delete", target(positionId), "placement=" + placementId);
            return null;
        });
    }

    // ---------------------------------------------------------------- indicators

    /**
     * Per unit (its own county only), on {@code day} = min(asOf, 31 December of year): the interns of the year are
     * the distinct youth with a live placement in a position of that year starting by the day (a youth placed
     * twice is one intern); the share of them placed in a general-manager-assistant post; the rate of them
     * converted to employment by the day. Percentages are exact, rounded down to two decimals, so 50.00% never
     * passes "more than 50%" by rounding; with no intern both are 0.
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        figures(orgUnitIds, year, asOf).forEach((id, f) -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_INTERNS, BigDecimal.valueOf(f.interns()));
            values.put(INDICATOR_GM_SHARE, f.gmShare());
            values.put(INDICATOR_CONVERSION, f.conversion());
            out.put(id, values);
        });
        return out;
    }

    /** The figures behind the indicators for the counties in the actor's scope (narrowed to one when asked). */
    Map<Long, Figures> figures(Actor actor, int year, Long countyId) {
        requireReader(actor);
        return figures(scope.ids(actor, countyId), year, today());
    }

    private Map<Long, Figures> figures(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, Figures> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, long[]> counts = store.read(c -> repo.countsByCounty(c, ids, year, day));
        for (Long id : ids) {
            long[] n = counts.getOrDefault(id, new long[3]);
            out.put(id, new Figures(n[0], n[1], n[2], MentorService.percent(n[1], n[0]),
                    MentorService.percent(n[2], n[0])));
        }
        return out;
    }

    // ---------------------------------------------------------------- validation

    private PositionData validate(Actor actor, InternshipInput.Position in, ValidationException.Collector errors) {
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        String employer = TrainingFields.text(in.employer(), EMPLOYER_MAX, "employer", EMPLOYER_REQUIRED,
                EMPLOYER_TOO_LONG, errors);
        String post = TrainingFields.text(in.post(), POST_MAX, "post", POST_REQUIRED, POST_TOO_LONG, errors);
        Boolean gm = yesNo(in.gmAssistant(), errors);
        Long base = null;
        if (!ProjectValidator.blank(in.base())) {
            base = ProjectValidator.positiveId(in.base());
            if (base == null) {
                errors.add("base", BASE_UNKNOWN);
            }
        }
        Integer places = count(in.places(), PLACES_MAX, "places", PLACES_REQUIRED,
                PLACES_INVALID, errors);
        LocalDate today = today();
        Integer year = year(in.year(), today, errors);
        LocalDate starts = dayOfYear(in.startsOn(), year, "startsOn", true, errors);
        LocalDate ends = dayOfYear(in.endsOn(), year, "endsOn", true, errors);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add("endsOn", ENDS_BEFORE_STARTS);
        }
        for (String f : List.of("county", "employer", "post", "gmAssistant", "base", "places", "year", "startsOn",
                "endsOn")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new PositionData(county, employer, post, gm, base, places, year, starts, ends);
    }

    /** The year of a position: from 2000 to next year (positions are collected ahead); this year when blank. */
    private static Integer year(String raw, LocalDate today, ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            return today.getYear();
        }
        String s = raw.strip();
        if (!s.matches("\\d{4}") || Integer.parseInt(s) < ProjectValidator.EARLIEST.getYear()
                || Integer.parseInt(s) > today.getYear() + 1) {
            errors.add("year", YEAR_INVALID);
            return null;
        }
        return Integer.parseInt(s);
    }

    private static Boolean yesNo(String raw, ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            errors.add("gmAssistant", GM_REQUIRED);
            return null;
        }
        switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "yes": case "true": case "1": return Boolean.TRUE;
            case "no": case "false": case "0": return Boolean.FALSE;
            default:
                errors.add("gmAssistant", GM_INVALID);
                return null;
        }
    }

    /**
     * A day of {@code year} (unchecked against the year when the year itself is wrong); may lie ahead, as positions
     * and placements are planned. Null when blank and not required.
     */
    private static LocalDate dayOfYear(String raw, Integer year, String field, boolean required,
            ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            if (required) {
                errors.add(field, DATE_REQUIRED);
            }
            return null;
        }
        LocalDate d = Dates.parse(raw);
        if (d == null) {
            errors.add(field, DATE_INVALID);
        } else if (year != null && d.getYear() != year) {
            errors.add(field, DATE_OUTSIDE_YEAR);
            d = null;
        }
        return d;
    }

    /**
     * Dates in the position's period; an ended placement (completed or left) has an end that has come; a
     * conversion has an employer and a day from the start to today (it may follow the period), and only a
     * conversion has them.
     */
    private PlacementData validatePlacement(InternshipInput.Placement in, InternshipPosition p,
            ValidationException.Collector errors) {
        LocalDate today = today();
        LocalDate starts = dayOfPeriod(in.startsOn(), p, "startsOn", true, errors);
        LocalDate ends = dayOfPeriod(in.endsOn(), p, "endsOn", false, errors);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add("endsOn", ENDS_BEFORE_STARTS);
        }
        InternshipOutcome outcome = InternshipOutcome.IN_PROGRESS;
        if (!ProjectValidator.blank(in.outcome())) {
            outcome = Enums.parse(InternshipOutcome.class, in.outcome()).orElse(null);
            if (outcome == null) {
                errors.add("outcome", OUTCOME_INVALID);
            }
        }
        if ((outcome == InternshipOutcome.COMPLETED || outcome == InternshipOutcome.LEFT) && !errors.has("endsOn")) {
            if (ends == null) {
                errors.add("endsOn", ENDS_REQUIRED);
            } else if (ends.isAfter(today)) {
                errors.add("endsOn", DATE_FUTURE);
            }
        }
        String convertedEmployer = null;
        LocalDate convertedOn = null;
        if (outcome == InternshipOutcome.CONVERTED) {
            convertedEmployer = TrainingFields.text(in.convertedEmployer(), EMPLOYER_MAX, "convertedEmployer",
                    CONVERTED_EMPLOYER_REQUIRED, CONVERTED_EMPLOYER_TOO_LONG, errors);
            if (ProjectValidator.blank(in.convertedOn())) {
                errors.add("convertedOn", CONVERTED_ON_REQUIRED);
            } else {
                convertedOn = ProjectValidator.date(in.convertedOn(), null, today, errors, "convertedOn",
                        DATE_INVALID, DATE_FUTURE, DATE_INVALID);
                if (convertedOn != null && starts != null && convertedOn.isBefore(starts)) {
                    errors.add("convertedOn", CONVERTED_BEFORE_START);
                }
            }
        } else if (outcome != null) {
            if (!ProjectValidator.blank(in.convertedEmployer())) {
                errors.add("convertedEmployer", CONVERSION_ONLY);
            }
            if (!ProjectValidator.blank(in.convertedOn())) {
                errors.add("convertedOn", CONVERSION_ONLY);
            }
        }
        for (String f : List.of("startsOn", "endsOn", "outcome", "convertedEmployer", "convertedOn")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new PlacementData(starts, ends, outcome, convertedEmployer, convertedOn);
    }

    /**
     * A day from the position's start to its end: an intern is placed while the post is offered, not merely in
     * its year. Null when blank and not required.
     */
    private static LocalDate dayOfPeriod(String raw, InternshipPosition p, String field, boolean required,
            ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            if (required) {
                errors.add(field, DATE_REQUIRED);
            }
            return null;
        }
        LocalDate d = Dates.parse(raw);
        if (d == null) {
            errors.add(field, DATE_INVALID);
        } else if (d.isBefore(p.startsOn()) || d.isAfter(p.endsOn())) {
            errors.add(field, OUTSIDE_PERIOD);
            d = null;
        }
        return d;
    }

    /**
     * Whether the youth holds another live placement sharing a day with this one. A placement without an end
     * runs to its position's end, here and in the query.
     */
    private boolean overlaps(Connection c, long youthId, long exceptId, PlacementData d, InternshipPosition p)
            throws SQLException {
        LocalDate ends = d.endsOn() == null ? p.endsOn() : d.endsOn();
        return repo.countOverlapping(c, youthId, exceptId, d.startsOn(), ends) > 0;
    }

    private static Long youthId(String raw, ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            errors.add("youth", YOUTH_REQUIRED);
            return null;
        }
        Long id = ProjectValidator.positiveId(raw);
        if (id == null) {
            errors.add("youth", YOUTH_UNKNOWN);
        }
        return id;
    }

    /**
     * The base must be a live base of the position's county, still open on the day the position starts (closed
     * on or before it, it offers no post then; as a base's indicator). One the actor cannot see is
     * "unknown", so the answer reveals nothing about other counties.
     */
    private void checkBase(Connection c, Actor actor, InternshipInput.Position in, PositionData data,
            ValidationException.Collector errors) throws SQLException {
        Long baseId = errors.has("base") ? null : ProjectValidator.positiveId(in.base());
        if (baseId == null) {
            return;
        }
        Optional<InternshipRepository.BaseRef> base = repo.liveBase(c, baseId);
        if (base.isEmpty() || !scope.covers(actor, base.get().countyId())) {
            errors.add("base", BASE_UNKNOWN);
        } else if (data != null && base.get().countyId() != data.countyId()) {
            errors.add("base", BASE_OTHER_COUNTY);
        } else if (data != null && base.get().closedOn() != null
                && !base.get().closedOn().isAfter(data.startsOn())) {
            errors.add("base", BASE_CLOSED);
        }
    }

    // ---------------------------------------------------------------- helpers

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


    static String target(long id) {
        return "internship:" + id;
    }

    static String placementTarget(long id) {
        return "internship-placement:" + id;
    }

    private static String detail(PositionData d) {
        return "county=" + d.countyId() + " year=" + d.year() + " places=" + d.places() + " gm=" + d.gmAssistant()
                + (d.baseId() == null ? "" : " base=" + d.baseId());
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private InternshipPosition visible(Actor actor, InternshipPosition p, long id) {
        return scope.visible(actor, p, p == null ? 0 : p.countyId(), id);
    }

    private void requireReader(Actor actor) {
        scope.requireReader(actor);
    }

    private void requireWriter(Actor actor) {
        scope.requireWriter(actor);
    }
}
