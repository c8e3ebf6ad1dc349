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
 * "A thousand students see their hometown" (work item 12): the local university students of a county, the
 * mid-August events the county holds, and the students taking part in each.
 *
 * <p>Students are mostly not in the youth database, so they are registered here, by name, university and major,
 * with an optional phone and an optional link to the same person's youth record; no ID number is asked for. The
 * indicator counts distinct students across the county's events of the year: a student at two events is one student.
 *
 * <p>Scope, validation and audit follow {@link YouthService}: a record out of scope is reported as missing; bad input
 * throws with nothing written; every change writes its audit line inside the transaction.
 */
final class HometownService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;

    static final String INDICATOR_STUDENTS = "hometown.students";

    static final int NAME_MAX = 50;
    static final int UNIVERSITY_MAX = 100;
    static final int MAJOR_MAX = 100;
    static final int TITLE_MAX = 100;
    static final int PLACE_MAX = 100;
    static final int ORGANISER_MAX = 100;
    static final int NOTES_MAX = 1000;

    static final String NAME_REQUIRED = "hometown.name.required";
    static final String NAME_TOO_LONG = "hometown.name.tooLong";
    static final String STUDENT_EXISTS = "hometown.name.exists";
    static final String UNIVERSITY_REQUIRED = "hometown.university.required";
    static final String UNIVERSITY_TOO_LONG = "hometown.university.tooLong";
    static final String MAJOR_TOO_LONG = "hometown.major.tooLong";
    static final String PHONE_INVALID = "hometown.phone.invalid";
    static final String COUNTY_REQUIRED = "hometown.county.required";
    static final String COUNTY_INVALID = "hometown.county.invalid";
    static final String COUNTY_LINKED = "hometown.county.linked";
    static final String YOUTH_UNKNOWN = "hometown.youth.unknown";
    static final String YOUTH_OTHER_COUNTY = "hometown.youth.otherCounty";
    static final String YEAR_INVALID = "hometown.year.invalid";
    static final String HELD_INVALID = "hometown.heldOn.invalid";
    static final String HELD_FUTURE = "hometown.heldOn.future";
    static final String HELD_OUTSIDE_YEAR = "hometown.heldOn.outsideYear";
    static final String TITLE_REQUIRED = "hometown.title.required";
    static final String TITLE_TOO_LONG = "hometown.title.tooLong";
    static final String PLACE_REQUIRED = "hometown.place.required";
    static final String PLACE_TOO_LONG = "hometown.place.tooLong";
    static final String ORGANISER_REQUIRED = "hometown.organiser.required";
    static final String ORGANISER_TOO_LONG = "hometown.organiser.tooLong";
    static final String NOTES_TOO_LONG = "hometown.notes.tooLong";
    static final String STUDENT_REQUIRED = "hometown.student.required";
    static final String STUDENT_UNKNOWN = "hometown.student.unknown";
    static final String STUDENT_OTHER_COUNTY = "hometown.student.otherCounty";
    static final String STUDENT_DUPLICATE = "hometown.student.duplicate";

    /** A student that passed the field rules. */
    record StudentData(String name, String university, String major, String phone, long countyId, Long youthId) {
    }

    /** An event that passed the field rules. */
    record EventData(long countyId, LocalDate heldOn, String title, String place, String organiser, String notes) {
    }

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final HometownRepository repo = new HometownRepository();
    private final CountyScope scope;

    HometownService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "hometown");
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

    // ---------------------------------------------------------------- students

    Page<Hometown.Student> students(Actor actor, String query, Long countyId, int requestedPage) {
        requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        return store.read(c -> {
            long total = repo.countStudents(c, counties, query);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.students(c, counties, query, (page - 1) * PAGE_SIZE, PAGE_SIZE), page, PAGE_SIZE,
                    total);
        });
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    Hometown.Student student(Actor actor, long id) {
        requireReader(actor);
        Hometown.Student s = store.read(c -> repo.findStudent(c, id).orElse(null));
        return scope.visible(actor, s, s == null ? 0 : s.countyId(), id);
    }

    long createStudent(Actor actor, HometownInput.Student input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        StudentData data = validateStudent(actor, input, errors);
        Long youthId = youthId(input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            checkStudent(c, actor, data, youthId, 0, errors);
            errors.throwIfAny();
            long id = repo.insertStudent(c, data, stamp);
            audit.record(c, actor, "hometown.student.create", studentTarget(id), studentDetail(data));
            return id;
        });
    }

    /** @throws NotFoundException when missing or out of scope (checked before the input) */
    void updateStudent(Actor actor, long id, HometownInput.Student input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        StudentData data = validateStudent(actor, input, errors);
        Long youthId = youthId(input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            Hometown.Student before = repo.findStudent(c, id).orElse(null);
            scope.visible(actor, before, before == null ? 0 : before.countyId(), id);
            // Participations tie a student to the events of the hometown county.
            if (data != null && data.countyId() != before.countyId() && repo.countParticipations(c, id) > 0) {
                errors.add("county", COUNTY_LINKED);
            }
            checkStudent(c, actor, data, youthId, id, errors);
            errors.throwIfAny();
            repo.updateStudent(c, id, data, stamp);
            audit.record(c, actor, "hometown.student.update", studentTarget(id), studentDetail(data));
            return null;
        });
    }

    /** Soft delete; the student's participations go with it, so the student no longer counts. */
    void deleteStudent(Actor actor, long id) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            Hometown.Student s = repo.findStudent(c, id).orElse(null);
            scope.visible(actor, s, s == null ? 0 : s.countyId(), id);
            repo.deleteParticipations(c, id, stamp);
            if (!repo.softDelete(c, HometownRepository.STUDENT, id, stamp)) {
                throw new NotFoundException(studentTarget(id));
            }
            audit.record(c, actor, "hometown.student.delete", studentTarget(id), null);
            return null;
        });
    }

    /**
     * The optional youth link must be a live youth the actor sees, of the student's county; the same name,
     * university and phone twice in a county would count one person twice.
     */
    private void checkStudent(Connection c, Actor actor, StudentData data, Long youthId, long exceptId,
            ValidationException.Collector errors) throws SQLException {
        if (youthId != null) {
            Optional<Long> county = TrainingRepository.liveYouthCounty(c, youthId);
            if (county.isEmpty() || !scope.covers(actor, county.get())) {
                errors.add("youth", YOUTH_UNKNOWN);
            } else if (data != null && county.get() != data.countyId()) {
                errors.add("youth", YOUTH_OTHER_COUNTY);
            }
        }
        if (data != null && repo.sameStudent(c, data, exceptId)) {
            errors.add("name", STUDENT_EXISTS);
        }
    }

    // ---------------------------------------------------------------- events

    Page<Hometown.Event> events(Actor actor, int year, String query, Long countyId, int requestedPage) {
        requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        return store.read(c -> {
            long total = repo.countEvents(c, counties, year, query);
            int page = CountyScope.page(total, PAGE_SIZE, requestedPage);
            return new Page<>(repo.events(c, counties, year, query, (page - 1) * PAGE_SIZE, PAGE_SIZE), page,
                    PAGE_SIZE, total);
        });
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    Hometown.Event event(Actor actor, long id) {
        requireReader(actor);
        return visible(actor, store.read(c -> repo.findEvent(c, id).orElse(null)), id);
    }

    /** The event with its live participants. */
    Hometown.Detail detail(Actor actor, long id) {
        requireReader(actor);
        return store.read(c -> {
            Hometown.Event e = visible(actor, repo.findEvent(c, id).orElse(null), id);
            return new Hometown.Detail(e, repo.participants(c, id));
        });
    }

    long createEvent(Actor actor, HometownInput.Event input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        EventData data = validateEvent(actor, input, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            long id = repo.insertEvent(c, data, stamp);
            audit.record(c, actor, "hometown.create", target(id), eventDetail(data));
            return id;
        });
    }

    /** @throws NotFoundException when missing or out of scope (checked before the input) */
    void updateEvent(Actor actor, long id, HometownInput.Event input) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        EventData data = validateEvent(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            Hometown.Event before = visible(actor, repo.findEvent(c, id).orElse(null), id);
            if (data != null && data.countyId() != before.countyId() && before.participants() > 0) {
                errors.add("county", COUNTY_LINKED);
            }
            errors.throwIfAny();
            repo.updateEvent(c, id, data, stamp);
            audit.record(c, actor, "hometown.update", target(id), eventDetail(data));
            return null;
        });
    }

    void deleteEvent(Actor actor, long id) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findEvent(c, id).orElse(null), id);
            if (!repo.deleteEvent(c, id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "hometown.delete", target(id), null);
            return null;
        });
    }

    // ---------------------------------------------------------------- participants

    /** Adds a live student of the event's county, at most once per event. */
    long addParticipant(Actor actor, long eventId, String student) {
        requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Long studentId = TrainingFields.id(student, "student", STUDENT_REQUIRED, STUDENT_UNKNOWN, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            Hometown.Event e = visible(actor, repo.findEvent(c, eventId).orElse(null), eventId);
            if (studentId != null) {
                Optional<Hometown.Student> s = repo.findStudent(c, studentId);
                if (s.isEmpty() || !scope.covers(actor, s.get().countyId())) {
                    errors.add("student", STUDENT_UNKNOWN);
                } else if (s.get().countyId() != e.countyId()) {
                    errors.add("student", STUDENT_OTHER_COUNTY);
                } else if (repo.takesPart(c, eventId, studentId)) {
                    errors.add("student", STUDENT_DUPLICATE);
                }
            }
            errors.throwIfAny();
            long id = TrainingService.unique("student", STUDENT_DUPLICATE,
                    () -> repo.insertParticipant(c, e, studentId, stamp));
            audit.record(c, actor, "hometown.participant.add", target(eventId),
                    "student=" + studentId + " participant=" + id);
            return id;
        });
    }

    /** Removes a participant of the event (soft delete); one of another event is not found. */
    void removeParticipant(Actor actor, long eventId, long participantId) {
        requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findEvent(c, eventId).orElse(null), eventId);
            if (!repo.deleteParticipant(c, eventId, participantId, stamp)) {
                throw new NotFoundException("hometown-participant:" + participantId);
            }
            audit.record(c, actor, "hometown.participant.remove", target(eventId), "participant=" + participantId);
            return null;
        });
    }

    // ---------------------------------------------------------------- indicator

    /**
     * Per unit (its own county only): distinct students taking part in its events held from 1 January of
     * {@code year} to min(asOf, 31 December).
     */
    Map<Long, BigDecimal> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, Long> counts = store.read(c -> repo.studentsByCounty(c, ids, LocalDate.of(year, 1, 1), day));
        for (Long id : ids) {
            out.put(id, BigDecimal.valueOf(counts.getOrDefault(id, 0L)));
        }
        return out;
    }

    /** The students of each county in scope so far in the year (to the year's end, or today while it runs). */
    Map<Long, Long> progress(Actor actor, int year, Long countyId) {
        requireReader(actor);
        Map<Long, Long> out = new LinkedHashMap<>();
        actualsAsOf(scope.ids(actor, countyId), year, today()).forEach((k, v) -> out.put(k, v.longValue()));
        return out;
    }

    // ---------------------------------------------------------------- validation

    private StudentData validateStudent(Actor actor, HometownInput.Student in, ValidationException.Collector errors) {
        String name = TrainingFields.text(in.name(), NAME_MAX, "name", NAME_REQUIRED, NAME_TOO_LONG, errors);
        String university = TrainingFields.text(in.university(), UNIVERSITY_MAX, "university", UNIVERSITY_REQUIRED,
                UNIVERSITY_TOO_LONG, errors);
        String major = TrainingFields.text(in.major(), MAJOR_MAX, "major", null, MAJOR_TOO_LONG, errors);
        String phone = TrainingFields.phone(in.phone(), "phone", PHONE_INVALID, errors);
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        for (String f : List.of("name", "university", "major", "phone", "county")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new StudentData(name, university, major, phone, county, ProjectValidator.positiveId(in.youth()));
    }

    private static Long youthId(HometownInput.Student in, ValidationException.Collector errors) {
        return TrainingFields.id(in.youth(), "youth", null, YOUTH_UNKNOWN, errors);
    }

    private EventData validateEvent(Actor actor, HometownInput.Event in, ValidationException.Collector errors) {
        LocalDate today = today();
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        Integer year = TrainingFields.year(in.year(), today, "year", YEAR_INVALID, errors);
        LocalDate heldOn = TrainingFields.dateInYear(in.heldOn(), year, today, "heldOn", HELD_INVALID, HELD_FUTURE,
                HELD_OUTSIDE_YEAR, errors);
        String title = TrainingFields.text(in.title(), TITLE_MAX, "title", TITLE_REQUIRED, TITLE_TOO_LONG, errors);
        String place = TrainingFields.text(in.place(), PLACE_MAX, "place", PLACE_REQUIRED, PLACE_TOO_LONG, errors);
        String organiser = TrainingFields.text(in.organiser(), ORGANISER_MAX, "organiser", ORGANISER_REQUIRED,
                ORGANISER_TOO_LONG, errors);
        String notes = TrainingFields.text(in.notes(), NOTES_MAX, "notes", null, NOTES_TOO_LONG, errors);
        for (String f : List.of("county", "year", "heldOn", "title", "place", "organiser", "notes")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new EventData(county, heldOn, title, place, organiser, notes);
    }

    // ---------------------------------------------------------------- helpers

    static String target(long id) {
        return "hometown:" + id;
    }

    static String studentTarget(long id) {
        return "hometown-student:" + id;
    }

    private static String studentDetail(StudentData d) {
        return "county=" + d.countyId() + (d.youthId() == null ? "" : " youth=" + d.youthId());
    }

    private static String eventDetail(EventData d) {
        return "county=" + d.countyId() + " heldOn=" + d.heldOn();
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private Hometown.Event visible(Actor actor, Hometown.Event e, long id) {
        return scope.visible(actor, e, e == null ? 0 : e.countyId(), id);
    }

    private void requireReader(Actor actor) {
        scope.requireReader(actor);
    }

    private void requireWriter(Actor actor) {
        scope.requireWriter(actor);
    }
}
