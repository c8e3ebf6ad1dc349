package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * Classified training (work item 4): a county's annual plan, the sessions it holds with their feedback, and the
 * registered youth of the county who attended each (with a follow-up note per attendee).
 *
 * <p>Two indicators per county and year, on the actuals day: the sessions held from 1 January with at least one
 * attendee recorded (a session nobody is recorded at proves no training), and the trainees, counted as distinct
 * youth: the policy counts people trained, so a youth at three sessions is one trainee, not three.
 *
 * <p>Scope, validation and audit follow {@link YouthService}: a record out of scope is reported as missing; bad input
 * throws with nothing written; every change writes its audit line inside the transaction.
 */
final class TrainingService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;

    static final String INDICATOR_SESSIONS = "training.sessions";
    static final String INDICATOR_TRAINEES = "training.trainees";

    static final int TOPIC_MAX = 100;
    static final int PARTNER_MAX = 100;
    static final int PLACE_MAX = 100;
    static final int FEEDBACK_MAX = 1000;
    static final int FOLLOW_UP_MAX = 500;
    static final int CONTENT_MAX = 2000;
    static final int PLANNED_SESSIONS_MAX = 1000;
    static final int PLANNED_TRAINEES_MAX = 100_000;

    static final String COUNTY_REQUIRED = "training.county.required";
    static final String COUNTY_INVALID = "training.county.invalid";
    static final String COUNTY_LINKED = "training.county.linked";
    static final String YEAR_INVALID = "training.year.invalid";
    static final String HELD_INVALID = "training.heldOn.invalid";
    static final String HELD_FUTURE = "training.heldOn.future";
    static final String HELD_OUTSIDE_YEAR = "training.heldOn.outsideYear";
    static final String TOPIC_REQUIRED = "training.topic.required";
    static final String TOPIC_TOO_LONG = "training.topic.tooLong";
    static final String CATEGORY_REQUIRED = "training.category.required";
    static final String CATEGORY_INVALID = "training.category.invalid";
    static final String PARTNER_TOO_LONG = "training.partner.tooLong";
    static final String PLACE_TOO_LONG = "training.place.tooLong";
    static final String SATISFACTION_INVALID = "training.satisfaction.invalid";
    static final String FEEDBACK_TOO_LONG = "training.feedback.tooLong";
    static final String PLANNED_ON_INVALID = "training.plannedOn.invalid";
    static final String PLANNED_ON_FUTURE = "training.plannedOn.future";
    static final String PLANNED_ON_OUTSIDE_YEAR = "training.plannedOn.outsideYear";
    static final String PLANNED_SESSIONS_INVALID = "training.plannedSessions.invalid";
    static final String PLANNED_TRAINEES_INVALID = "training.plannedTrainees.invalid";
    static final String CONTENT_REQUIRED = "training.content.required";
    static final String CONTENT_TOO_LONG = "training.content.tooLong";
    static final String PLAN_DUPLICATE = "training.plan.duplicate";
    static final String YOUTH_REQUIRED = "training.youth.required";
    static final String YOUTH_UNKNOWN = "training.youth.unknown";
    static final String YOUTH_OTHER_COUNTY = "training.youth.otherCounty";
    static final String YOUTH_DUPLICATE = "training.youth.duplicate";
    static final String FOLLOW_UP_TOO_LONG = "training.followUp.tooLong";

    /** A plan that passed the field rules. */
    record PlanData(long countyId, int year, int plannedSessions, int plannedTrainees, String content,
            LocalDate plannedOn) {
    }

    /** A session that passed the field rules. */
    record SessionData(long countyId, LocalDate heldOn, String topic, TrainingCategory category, String partner,
            String place, Integer satisfaction, String feedback) {
    }

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final TrainingRepository repo = new TrainingRepository();
    private final CountyScope scope;

    TrainingService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "training");
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

    // ---------------------------------------------------------------- plans

    /** The live plans in scope for the year (every year when null). */
    List<Training.Plan> plans(Actor actor, Integer year, Long countyId) {
        requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        return store.read(c -> repo.plans(c, counties, year));
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    Training.Plan plan(Actor actor, long id) {
        requireReader(actor);
        return visiblePlan(actor, store.read(c -> repo.findPlan(c, id).orElse(null)), id);
    }

    /** @throws ValidationException on bad input or when the county already has a plan for the year */
    long createPlan(Actor actor, TrainingInput.Plan input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        PlanData data = validatePlan(actor, input, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            checkOnePlan(c, data, 0, errors);
            errors.throwIfAny();
            long id = unique("year", PLAN_DUPLICATE, () -> repo.insertPlan(c, data, stamp));
            audit.record(c, actor, "training.plan.create", planTarget(id), planDetail(data));
            return id;
        });
    }

    /** @throws NotFoundException when missing or out of scope (checked before the input) */
    void updatePlan(Actor actor, long id, TrainingInput.Plan input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        PlanData data = validatePlan(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visiblePlan(actor, repo.findPlan(c, id).orElse(null), id);
            if (data != null) {
                checkOnePlan(c, data, id, errors);
            }
            errors.throwIfAny();
            unique("year", PLAN_DUPLICATE, () -> {
                repo.updatePlan(c, id, data, stamp);
                return null;
            });
            audit.record(c, actor, "training.plan.update", planTarget(id), planDetail(data));
            return null;
        });
    }

    void deletePlan(Actor actor, long id) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visiblePlan(actor, repo.findPlan(c, id).orElse(null), id);
            if (!repo.deletePlan(c, id, stamp)) {
                throw new NotFoundException(planTarget(id));
            }
            audit.record(c, actor, "training.plan.delete", planTarget(id), null);
            return null;
        });
    }

    private void checkOnePlan(Connection c, PlanData data, long exceptId, ValidationException.Collector errors)
            throws SQLException {
        if (repo.otherPlan(c, data.countyId(), data.year(), exceptId).isPresent()) {
            errors.add("year", PLAN_DUPLICATE);
        }
    }

    // ---------------------------------------------------------------- sessions

    Page<Training.Session> list(Actor actor, TrainingRepository.Filter filter, Long countyId, int requestedPage) {
        requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        return store.read(c -> {
            long total = repo.countSessions(c, counties, filter);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.sessions(c, counties, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE), page,
                    PAGE_SIZE, total);
        });
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    Training.Session get(Actor actor, long id) {
        requireReader(actor);
        return visible(actor, store.read(c -> repo.findSession(c, id).orElse(null)), id);
    }

    /** The session with its live attendees. */
    Training.Detail detail(Actor actor, long id) {
        requireReader(actor);
        return store.read(c -> {
            Training.Session s = visible(actor, repo.findSession(c, id).orElse(null), id);
            return new Training.Detail(s, repo.attendees(c, id));
        });
    }

    long create(Actor actor, TrainingInput.Session input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        SessionData data = validateSession(actor, input, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            long id = repo.insertSession(c, data, stamp);
            audit.record(c, actor, "training.create", target(id), detail(data));
            return id;
        });
    }

    /**
     * Also how feedback is entered after the session: rating and text are fields of the session.
     *
     * @throws NotFoundException when missing or out of scope (checked before the input)
     */
    void update(Actor actor, long id, TrainingInput.Session input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        SessionData data = validateSession(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            Training.Session before = visible(actor, repo.findSession(c, id).orElse(null), id);
            // Attendees are youth of the session's county; moving the session would make them another county's.
            if (data != null && data.countyId() != before.countyId() && before.attendees() > 0) {
                errors.add("county", COUNTY_LINKED);
            }
            errors.throwIfAny();
            repo.updateSession(c, id, data, stamp);
            audit.record(c, actor, "training.update", target(id), detail(data));
            return null;
        });
    }

    void delete(Actor actor, long id) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findSession(c, id).orElse(null), id);
            if (!repo.deleteSession(c, id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "training.delete", target(id), null);
            return null;
        });
    }

    // ---------------------------------------------------------------- attendees

    /** Adds a live youth of the session's county, at most once per session. */
    long addAttendee(Actor actor, long sessionId, TrainingInput.Attendee input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Long youthId = TrainingFields.id(input.youth(), "youth", YOUTH_REQUIRED, YOUTH_UNKNOWN, errors);
        String followUp = TrainingFields.text(input.followUp(), FOLLOW_UP_MAX, "followUp", null, FOLLOW_UP_TOO_LONG,
                errors);
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            Training.Session s = visible(actor, repo.findSession(c, sessionId).orElse(null), sessionId);
            if (youthId != null) {
                Optional<Long> county = TrainingRepository.liveYouthCounty(c, youthId);
                if (county.isEmpty() || !scope.covers(actor, county.get())) {
                    errors.add("youth", YOUTH_UNKNOWN);
                } else if (county.get() != s.countyId()) {
                    errors.add("youth", YOUTH_OTHER_COUNTY);
                } else if (repo.attends(c, sessionId, youthId)) {
                    errors.add("youth", YOUTH_DUPLICATE);
                }
            }
            errors.throwIfAny();
            long id = unique("youth", YOUTH_DUPLICATE, () -> repo.insertAttendee(c, s, youthId, followUp, stamp));
            audit.record(c, actor, "training.attendee.add", target(sessionId), "youth=" + youthId + " attendee=" + id);
            return id;
        });
    }

    /** Sets (or clears) the follow-up note of an attendee of the session. */
    void followUp(Actor actor, long sessionId, long attendeeId, String note) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        String followUp = TrainingFields.text(note, FOLLOW_UP_MAX, "followUp", null, FOLLOW_UP_TOO_LONG, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findSession(c, sessionId).orElse(null), sessionId);
            errors.throwIfAny();
            if (!repo.updateFollowUp(c, sessionId, attendeeId, followUp, stamp)) {
                throw new NotFoundException("training-attendee:" + attendeeId);
            }
            audit.record(c, actor, "training.attendee.followUp", target(sessionId), "attendee=" + attendeeId);
            return null;
        });
    }

    /** Removes an attendee of the session (soft delete); one of another session is not found. */
    void removeAttendee(Actor actor, long sessionId, long attendeeId) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findSession(c, sessionId).orElse(null), sessionId);
            if (!repo.deleteAttendee(c, sessionId, attendeeId, stamp)) {
                throw new NotFoundException("training-attendee:" + attendeeId);
            }
            audit.record(c, actor, "training.attendee.remove", target(sessionId), "attendee=" + attendeeId);
            return null;
        });
    }

    // ---------------------------------------------------------------- indicators

    /**
     * Per unit (its own county only), from 1 January of {@code year} to min(asOf, 31 December): the sessions held
     * with at least one attendee, and the distinct youth who attended them.
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, long[]> counts = store.read(c -> repo.countsByCounty(c, ids, LocalDate.of(year, 1, 1), day));
        for (Long id : ids) {
            long[] n = counts.getOrDefault(id, new long[2]);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_SESSIONS, BigDecimal.valueOf(n[0]));
            values.put(INDICATOR_TRAINEES, BigDecimal.valueOf(n[1]));
            out.put(id, values);
        }
        return out;
    }

    /** Each county in scope for the year: its plan and its indicators as of today (or the year's end). */
    List<Training.Summary> summary(Actor actor, int year, Long countyId) {
        requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        Map<Long, Training.Plan> plans = new HashMap<>();
        store.read(c -> repo.plans(c, counties, year)).forEach(p -> plans.put(p.countyId(), p));
        Map<Long, Map<String, BigDecimal>> actuals = actualsAsOf(counties, year, today());
        List<Training.Summary> out = new ArrayList<>();
        for (Long id : counties) {
            Map<String, BigDecimal> v = actuals.get(id);
            out.add(new Training.Summary(id, plans.get(id), v.get(INDICATOR_SESSIONS).longValue(),
                    v.get(INDICATOR_TRAINEES).longValue()));
        }
        return out;
    }

    // ---------------------------------------------------------------- validation

    private PlanData validatePlan(Actor actor, TrainingInput.Plan in, ValidationException.Collector errors) {
        LocalDate today = today();
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        Integer year = TrainingFields.year(in.year(), today, "year", YEAR_INVALID, errors);
        Integer sessions = TrainingFields.count(in.plannedSessions(), PLANNED_SESSIONS_MAX, "plannedSessions",
                PLANNED_SESSIONS_INVALID, errors);
        Integer trainees = TrainingFields.count(in.plannedTrainees(), PLANNED_TRAINEES_MAX, "plannedTrainees",
                PLANNED_TRAINEES_INVALID, errors);
        String content = TrainingFields.text(in.content(), CONTENT_MAX, "content", CONTENT_REQUIRED, CONTENT_TOO_LONG,
                errors);
        // The plan is made at the start of its year: blank means today, which must then lie in that year.
        String rawOn = ProjectValidator.blank(in.plannedOn()) ? today.toString() : in.plannedOn();
        LocalDate plannedOn = TrainingFields.dateInYear(rawOn, year, today, "plannedOn", PLANNED_ON_INVALID,
                PLANNED_ON_FUTURE, PLANNED_ON_OUTSIDE_YEAR, errors);
        if (county == null || year == null || sessions == null || trainees == null || content == null
                || plannedOn == null) {
            return null;
        }
        return new PlanData(county, year, sessions, trainees, content, plannedOn);
    }

    private SessionData validateSession(Actor actor, TrainingInput.Session in, ValidationException.Collector errors) {
        LocalDate today = today();
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        Integer year = TrainingFields.year(in.year(), today, "year", YEAR_INVALID, errors);
        LocalDate heldOn = TrainingFields.dateInYear(in.heldOn(), year, today, "heldOn", HELD_INVALID, HELD_FUTURE,
                HELD_OUTSIDE_YEAR, errors);
        String topic = TrainingFields.text(in.topic(), TOPIC_MAX, "topic", TOPIC_REQUIRED, TOPIC_TOO_LONG, errors);
        TrainingCategory category = null;
        if (ProjectValidator.blank(in.category())) {
            errors.add("category", CATEGORY_REQUIRED);
        } else {
            category = Enums.parse(TrainingCategory.class, in.category()).orElse(null);
            if (category == null) {
                errors.add("category", CATEGORY_INVALID);
            }
        }
        String partner = TrainingFields.text(in.partner(), PARTNER_MAX, "partner", null, PARTNER_TOO_LONG, errors);
        String place = TrainingFields.text(in.place(), PLACE_MAX, "place", null, PLACE_TOO_LONG, errors);
        Integer satisfaction = null;
        if (!ProjectValidator.blank(in.satisfaction())) {
            String s = in.satisfaction().strip();
            if (s.matches("[1-5]")) {
                satisfaction = Integer.parseInt(s);
            } else {
                errors.add("satisfaction", SATISFACTION_INVALID);
            }
        }
        String feedback = TrainingFields.text(in.feedback(), FEEDBACK_MAX, "feedback", null, FEEDBACK_TOO_LONG,
                errors);
        for (String f : List.of("county", "year", "heldOn", "topic", "category", "partner", "place", "satisfaction",
                "feedback")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new SessionData(county, heldOn, topic, category, partner, place, satisfaction, feedback);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Runs a write guarded by a LIVE_KEY unique constraint: the check before it answers the common case, the
     * constraint the save that raced past it, both with the same field error.
     */
    static <T> T unique(String field, String key, SqlCall<T> call) throws SQLException {
        try {
            return call.run();
        } catch (SQLException e) {
            for (SQLException x = e; x != null; x = x.getNextException()) {
                if (YouthRepository.UNIQUE_VIOLATION.equals(x.getSQLState())) {
                    throw ValidationException.of(field, key);
                }
            }
            throw e;
        }
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T run() throws SQLException;
    }

    static String target(long id) {
        return "training:" + id;
    }

    static String planTarget(long id) {
        return "training-plan:" + id;
    }

    private static String detail(SessionData d) {
        return "county=" + d.countyId() + " heldOn=" + d.heldOn() + " category=" + d.category();
    }

    private static String planDetail(PlanData d) {
        return "county=" + d.countyId() + " year=" + d.year() + " sessions=" + d.plannedSessions() + " trainees="
                + d.plannedTrainees();
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private Training.Session visible(Actor actor, Training.Session s, long id) {
        return scope.visible(actor, s, s == null ? 0 : s.countyId(), id);
    }

    private Training.Plan visiblePlan(Actor actor, Training.Plan p, long id) {
        if (p == null || !scope.covers(actor, p.countyId())) {
            throw new NotFoundException(planTarget(id));
        }
        return p;
    }

    private void requireReader(Actor actor) {
        scope.requireReader(actor);
    }

    private void requireWriter(Actor actor) {
        scope.requireWriter(actor);
    }
}
