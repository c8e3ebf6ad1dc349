package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * The entrepreneurship mentor team (work item 3): mentors of a county, their pairings with young entrepreneurs of
 * that county, their guidance activities, the three per-county indicators and the year-end review.
 *
 * <p>Scope, validation and audit follow {@link YouthService}: a mentor out of scope is reported as missing; bad
 * input throws with nothing written; every change writes its audit line inside the transaction.
 */
final class MentorService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;
    /** Guidance activities a mentor holds in a year, at least (POLICY.md section 3, item 3). */
    static final int MIN_ACTIVITIES = 10;

    static final String INDICATOR_MENTORS = "mentors.count";
    static final String INDICATOR_PAIRED = "mentors.paired";
    static final String INDICATOR_ACTIVE = "mentors.activities";

    static final int NAME_MAX = 50;
    static final int FIELD_MAX = 50;
    static final int EMPLOYER_MAX = 100;
    static final int REASON_MAX = 500;
    static final int CONTENT_MAX = 1000;

    static final String NAME_REQUIRED = "mentor.name.required";
    static final String NAME_TOO_LONG = "mentor.name.tooLong";
    static final String FIELD_REQUIRED = "mentor.field.required";
    static final String FIELD_TOO_LONG = "mentor.field.tooLong";
    static final String EMPLOYER_REQUIRED = "mentor.employer.required";
    static final String EMPLOYER_TOO_LONG = "mentor.employer.tooLong";
    static final String COUNTY_REQUIRED = "mentor.county.required";
    static final String COUNTY_INVALID = "mentor.county.invalid";
    static final String COUNTY_LINKED = "mentor.county.linked";
    static final String DATE_INVALID = "mentor.date.invalid";
    static final String DATE_FUTURE = "mentor.date.future";
    static final String DATE_TOO_EARLY = "mentor.date.tooEarly";
    static final String DISMISSED_BEFORE_APPOINTED = "mentor.dismissedOn.beforeAppointed";
    static final String DISMISSED_REQUIRED = "mentor.dismissedOn.required";
    static final String REASON_REQUIRED = "mentor.dismissalReason.required";
    static final String REASON_TOO_LONG = "mentor.dismissalReason.tooLong";
    static final String YOUTH_REQUIRED = "mentor.youth.required";
    static final String YOUTH_UNKNOWN = "mentor.youth.unknown";
    static final String YOUTH_OTHER_COUNTY = "mentor.youth.otherCounty";
    static final String YOUTH_NOT_ENTREPRENEUR = "mentor.youth.notEntrepreneur";
    static final String YOUTH_ALREADY_PAIRED = "mentor.youth.alreadyPaired";
    static final String YOUTH_NOT_PAIRED = "mentor.youth.notPaired";
    static final String OUTSIDE_APPOINTMENT = "mentor.date.outsideAppointment";
    static final String CONTENT_REQUIRED = "mentor.content.required";
    static final String CONTENT_TOO_LONG = "mentor.content.tooLong";

    static final String TABLE_PAIRING = "EMP_MENTOR_PAIRING";
    static final String TABLE_ACTIVITY = "EMP_MENTOR_ACTIVITY";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A mentor that passed the field rules. */
    record Data(String name, String field, String employer, long countyId, LocalDate appointedOn,
            LocalDate dismissedOn, String dismissalReason) {
    }

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final MentorRepository repo = new MentorRepository();
    private final CountyScope scope;

    MentorService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "mentor");
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

    // ---------------------------------------------------------------- mentors

    Page<Mentor> list(Actor actor, String query, Long countyId, int requestedPage) {
        List<Long> counties = scope.ids(actor, countyId);
        return store.read(c -> {
            long total = repo.count(c, counties, query);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.list(c, counties, query, (page - 1) * PAGE_SIZE, PAGE_SIZE), page, PAGE_SIZE,
                    total);
        });
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    Mentor get(Actor actor, long id) {
        requireReader(actor);
        return visible(actor, store.read(c -> repo.findLive(c, id).orElse(null)), id);
    }

    /** The mentor with its live pairings and activities. */
    Mentor.Detail detail(Actor actor, long id) {
        requireReader(actor);
        return store.read(c -> {
            Mentor m = visible(actor, repo.findLive(c, id).orElse(null), id);
            return new Mentor.Detail(m, repo.pairings(c, id), repo.activities(c, id));
        });
    }

    long create(Actor actor, MentorInput.Mentor input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Data data = validate(actor, input, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            long id = repo.insert(c, data, stamp);
            audit.record(c, actor, "mentor.create", target(id), detail(data));
            return id;
        });
    }

    /**
     * Also how a mentor is dismissed: the dismissal date and reason are fields of the record.
     *
     * @throws NotFoundException when missing or out of scope (checked before the input)
     */
    void update(Actor actor, long id, MentorInput.Mentor input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Data data = validate(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            Mentor before = visible(actor, repo.findLive(c, id).orElse(null), id);
            // Pairings and activities tie a mentor to the youth of its county.
            if (data != null && data.countyId() != before.countyId() && repo.countLinks(c, id) > 0) {
                errors.add("county", COUNTY_LINKED);
            }
            errors.throwIfAny();
            repo.update(c, id, data, stamp);
            audit.record(c, actor, "mentor.update", target(id), detail(data));
            return null;
        });
    }

    void delete(Actor actor, long id) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            if (!repo.softDelete(c, "EMP_MENTOR", id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "mentor.delete", target(id), null);
            return null;
        });
    }

    // ---------------------------------------------------------------- pairings and activities

    /** Pairs the mentor with a live entrepreneur youth of its county, within the appointment. */
    long pair(Actor actor, long mentorId, MentorInput.Pairing input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Long youthId = youthId(input.youth(), errors);
        LocalDate pairedOn = ProjectValidator.date(input.pairedOn(), today(), today(), errors, "pairedOn",
                DATE_INVALID, DATE_FUTURE, DATE_TOO_EARLY);
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            Mentor m = visible(actor, repo.findLive(c, mentorId).orElse(null), mentorId);
            checkYouth(c, actor, m, youthId, errors);
            if (youthId != null && !errors.has("youth") && repo.countPairings(c, mentorId, youthId) > 0) {
                errors.add("youth", YOUTH_ALREADY_PAIRED);
            }
            checkWithinAppointment(m, pairedOn, "pairedOn", errors);
            errors.throwIfAny();
            long id = repo.insertPairing(c, mentorId, youthId, pairedOn, stamp);
            audit.record(c, actor, "mentor.pair", target(mentorId), "youth=" + youthId + " pairing=" + id);
            return id;
        });
    }

    /** Records a guidance activity with a youth the mentor is paired with, within the appointment. */
    long addActivity(Actor actor, long mentorId, MentorInput.Activity input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Long youthId = youthId(input.youth(), errors);
        LocalDate heldOn = ProjectValidator.date(input.heldOn(), null, today(), errors, "heldOn", DATE_INVALID,
                DATE_FUTURE, DATE_TOO_EARLY);
        String content = text(input.content(), CONTENT_MAX, "content", CONTENT_REQUIRED, CONTENT_TOO_LONG, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            Mentor m = visible(actor, repo.findLive(c, mentorId).orElse(null), mentorId);
            if (youthId != null && repo.countPairings(c, mentorId, youthId) == 0) {
                errors.add("youth", YOUTH_NOT_PAIRED);
            }
            checkWithinAppointment(m, heldOn, "heldOn", errors);
            errors.throwIfAny();
            long id = repo.insertActivity(c, mentorId, youthId, heldOn, content, stamp);
            audit.record(c, actor, "mentor.activity", target(mentorId), "youth=" + youthId + " activity=" + id);
            return id;
        });
    }

    /** Removes a pairing or an activity of the mentor (soft delete); one of another mentor is not found. */
    void deleteLink(Actor actor, long mentorId, String table, long id) {
        requireWriter(actor);
        if (!table.equals(TABLE_PAIRING) && !table.equals(TABLE_ACTIVITY)) {
            throw new IllegalArgumentException(table);
        }
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, mentorId).orElse(null), mentorId);
            if (!repo.belongsTo(c, table, id, mentorId) || !repo.softDelete(c, table, id, stamp)) {
                throw new NotFoundException(table + ":" + id);
            }
            audit.record(c, actor, table.equals(TABLE_PAIRING) ? "mentor.unpair" : "mentor.activity.delete",
                    target(mentorId), (table.equals(TABLE_PAIRING) ? "pairing=" : "activity=") + id);
            return null;
        });
    }

    // ---------------------------------------------------------------- indicators and review

    /**
     * Per unit (its own county only), on {@code day} = min(asOf, 31 December of year): mentors appointed and not
     * dismissed; the percentage of them paired with at least one youth by the day; the percentage of them with at
     * least {@link #MIN_ACTIVITIES} activities from 1 January to the day. Shares are 0 where there is no mentor
     * (nothing to hold up against "every mentor"), rounded down to two decimals so that 99.995% never shows as met.
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, long[]> counts = store.read(c -> repo.countsByCounty(c, ids, LocalDate.of(year, 1, 1), day,
                MIN_ACTIVITIES));
        for (Long id : ids) {
            long[] n = counts.getOrDefault(id, new long[3]);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_MENTORS, BigDecimal.valueOf(n[0]));
            values.put(INDICATOR_PAIRED, percent(n[1], n[0]));
            values.put(INDICATOR_ACTIVE, percent(n[2], n[0]));
            out.put(id, values);
        }
        return out;
    }

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
    }

    /**
     * The year-end review of {@code year}: every mentor in scope active on its last day (or today, while the year
     * runs), with pairings and activities counted as the indicators count them.
     */
    List<Mentor.Review> review(Actor actor, int year, Long countyId) {
        requireReader(actor);
        LocalDate day = CountyScope.actualsDay(year, today());
        List<Long> counties = scope.ids(actor, countyId);
        return store.read(c -> repo.review(c, counties, LocalDate.of(year, 1, 1), day));
    }

    // ---------------------------------------------------------------- validation

    private Data validate(Actor actor, MentorInput.Mentor in, ValidationException.Collector errors) {
        String name = text(in.name(), NAME_MAX, "name", NAME_REQUIRED, NAME_TOO_LONG, errors);
        String field = text(in.field(), FIELD_MAX, "field", FIELD_REQUIRED, FIELD_TOO_LONG, errors);
        String employer = text(in.employer(), EMPLOYER_MAX, "employer", EMPLOYER_REQUIRED, EMPLOYER_TOO_LONG, errors);
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        LocalDate today = today();
        LocalDate appointed = ProjectValidator.date(in.appointedOn(), today, today, errors, "appointedOn",
                DATE_INVALID, DATE_FUTURE, DATE_TOO_EARLY);
        LocalDate dismissed = ProjectValidator.blank(in.dismissedOn()) ? null
                : ProjectValidator.date(in.dismissedOn(), null, today, errors, "dismissedOn", DATE_INVALID,
                        DATE_FUTURE, DATE_TOO_EARLY);
        if (dismissed != null && appointed != null && dismissed.isBefore(appointed)) {
            errors.add("dismissedOn", DISMISSED_BEFORE_APPOINTED);
        }
        String reason = ProjectValidator.blank(in.dismissalReason()) ? null : in.dismissalReason().strip();
        if (reason != null && reason.codePointCount(0, reason.length()) > REASON_MAX) {
            errors.add("dismissalReason", REASON_TOO_LONG);
        }
        // A dismissal is a date and a reason, never one without the other.
        if (!ProjectValidator.blank(in.dismissedOn()) && reason == null) {
            errors.add("dismissalReason", REASON_REQUIRED);
        }
        if (ProjectValidator.blank(in.dismissedOn()) && reason != null) {
            errors.add("dismissedOn", DISMISSED_REQUIRED);
        }
        for (String f : List.of("name", "field", "employer", "county", "appointedOn", "dismissedOn",
                "dismissalReason")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new Data(name, field, employer, county, appointed, dismissed, reason);
    }

    private static String text(String raw, int max, String field, String requiredKey, String tooLongKey,
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

    /** A live youth the actor sees, of the mentor's county, registered as an entrepreneur. */
    private void checkYouth(Connection c, Actor actor, Mentor m, Long youthId, ValidationException.Collector errors)
            throws SQLException {
        if (youthId == null) {
            return;
        }
        Optional<MentorRepository.YouthRef> y = repo.liveYouth(c, youthId);
        if (y.isEmpty() || !scope.covers(actor, y.get().countyId())) {
            errors.add("youth", YOUTH_UNKNOWN);
        } else if (y.get().countyId() != m.countyId()) {
            errors.add("youth", YOUTH_OTHER_COUNTY);
        } else if (y.get().type() != YouthType.ENTREPRENEUR) {
            errors.add("youth", YOUTH_NOT_ENTREPRENEUR);
        }
    }

    private static void checkWithinAppointment(Mentor m, LocalDate day, String field,
            ValidationException.Collector errors) {
        if (day != null && !errors.has(field) && (day.isBefore(m.appointedOn())
                || (m.dismissedOn() != null && day.isAfter(m.dismissedOn())))) {
            errors.add(field, OUTSIDE_APPOINTMENT);
        }
    }

    // ---------------------------------------------------------------- helpers

    static String target(long id) {
        return "mentor:" + id;
    }

    private static String detail(Data d) {
        return "county=" + d.countyId() + (d.dismissedOn() == null ? "" : " dismissed=" + d.dismissedOn());
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private Mentor visible(Actor actor, Mentor m, long id) {
        return scope.visible(actor, m, m == null ? 0 : m.countyId(), id);
    }

    private void requireReader(Actor actor) {
        scope.requireReader(actor);
    }

    private void requireWriter(Actor actor) {
        scope.requireWriter(actor);
    }
}
