package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.LoanService.requiredText;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Funding applications for government entrepreneurship support (work item 9). The policy sets no figure for it, so
 * it has no indicator: the register records each application and its result, and shows counts and sums per county.
 * The applicant is a registered youth, an entrepreneurship project, or both, of the application's county.
 */
final class FundingService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;
    static final int PROGRAMME_MAX = 100;

    static final String COUNTY_REQUIRED = "funding.county.required";
    static final String COUNTY_INVALID = "funding.county.invalid";
    static final String APPLICANT_REQUIRED = "funding.applicant.required";
    static final String YOUTH_UNKNOWN = "funding.youth.unknown";
    static final String YOUTH_OTHER_COUNTY = "funding.youth.otherCounty";
    static final String PROJECT_UNKNOWN = "funding.project.unknown";
    static final String PROJECT_OTHER_COUNTY = "funding.project.otherCounty";
    static final String PROGRAMME_REQUIRED = "funding.programme.required";
    static final String PROGRAMME_TOO_LONG = "funding.programme.tooLong";
    static final String APPLIED_REQUIRED = "funding.amountApplied.required";
    static final String RESULT_REQUIRED = "funding.result.required";
    static final String RESULT_INVALID = "funding.result.invalid";
    static final String GRANTED_REQUIRED = "funding.amountGranted.required";
    static final String GRANTED_OVER_APPLIED = "funding.amountGranted.overApplied";
    static final String GRANTED_NOT_APPROVED = "funding.amountGranted.notApproved";
    static final String RESULT_ON_REQUIRED = "funding.resultOn.required";
    static final String RESULT_ON_PENDING = "funding.resultOn.pending";
    static final String RESULT_BEFORE_APPLIED = "funding.resultOn.beforeApplied";
    static final String DATE_INVALID = "funding.date.invalid";
    static final String DATE_FUTURE = "funding.date.future";
    static final String DATE_TOO_EARLY = "funding.date.tooEarly";

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final FundingRepository repo = new FundingRepository();
    private final ProjectRepository projects = new ProjectRepository();
    private final CountyScope scope;

    FundingService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "funding");
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

    Page<Funding> list(Actor actor, Funding.Filter filter, int requestedPage) {
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
    Funding get(Actor actor, long id) {
        scope.requireReader(actor);
        return visible(actor, store.read(c -> repo.findLive(c, id).orElse(null)), id);
    }

    /** Per county in scope (narrowed to one when asked), its applications made in the year. */
    List<Funding.Summary> summary(Actor actor, int year, Long countyId) {
        scope.requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        Map<Long, Funding.Summary> found = store.read(c -> repo.summaries(c, counties, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31)));
        List<Funding.Summary> out = new ArrayList<>();
        for (Long county : counties) {
            out.add(found.getOrDefault(county, FundingRepository.empty(county)));
        }
        return out;
    }

    /** @throws ValidationException on bad input, with nothing written */
    long create(Actor actor, FundingInput input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Funding.Data data = validate(actor, input, errors);
        Applicant applicant = applicant(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            checkApplicant(c, actor, applicant, errors);
            errors.throwIfAny();
            long id = repo.insert(c, data, stamp);
            audit.record(c, actor, "funding.create", target(id), detail(data));
            return id;
        });
    }

    /** Also how the result is entered. @throws NotFoundException when missing or out of scope (checked first) */
    void update(Actor actor, long id, FundingInput input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Funding.Data data = validate(actor, input, errors);
        Applicant applicant = applicant(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            checkApplicant(c, actor, applicant, errors);
            errors.throwIfAny();
            repo.update(c, id, data, stamp);
            audit.record(c, actor, "funding.update", target(id), detail(data));
            return null;
        });
    }

    void delete(Actor actor, long id) {
        scope.requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            if (!repo.softDelete(c, id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "funding.delete", target(id), null);
            return null;
        });
    }

    // ---------------------------------------------------------------- validation

    private Funding.Data validate(Actor actor, FundingInput in, ValidationException.Collector errors) {
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        Long youthId = id(in.youth(), "youth", YOUTH_UNKNOWN, errors);
        Long projectId = id(in.project(), "project", PROJECT_UNKNOWN, errors);
        if (ProjectValidator.blank(in.youth()) && ProjectValidator.blank(in.project())) {
            errors.add("youth", APPLICANT_REQUIRED);
        }
        String programme = requiredText(in.programme(), PROGRAMME_MAX, "programme", PROGRAMME_REQUIRED,
                PROGRAMME_TOO_LONG, errors);
        BigDecimal applied = null;
        if (ProjectValidator.blank(in.amountApplied())) {
            errors.add("amountApplied", APPLIED_REQUIRED);
        } else {
            applied = Money.parse(in.amountApplied(), Money.Unit.YUAN, true, "amountApplied", errors);
        }
        LocalDate today = today();
        LocalDate appliedOn = ProjectValidator.date(in.appliedOn(), null, today, errors, "appliedOn", DATE_INVALID,
                DATE_FUTURE, DATE_TOO_EARLY);
        FundingResult result = null;
        if (ProjectValidator.blank(in.result())) {
            errors.add("result", RESULT_REQUIRED);
        } else {
            result = Enums.parse(FundingResult.class, in.result()).orElse(null);
            if (result == null) {
                errors.add("result", RESULT_INVALID);
            }
        }
        BigDecimal granted = ProjectValidator.blank(in.amountGranted()) ? null
                : Money.parse(in.amountGranted(), Money.Unit.YUAN, true, "amountGranted", errors);
        LocalDate resultOn = ProjectValidator.blank(in.resultOn()) ? null
                : ProjectValidator.date(in.resultOn(), null, today, errors, "resultOn", DATE_INVALID, DATE_FUTURE,
                        DATE_TOO_EARLY);
        if (result != null) {
            // A grant exists only for an approved application, and never above what was applied for.
            if (result == FundingResult.APPROVED && ProjectValidator.blank(in.amountGranted())) {
                errors.add("amountGranted", GRANTED_REQUIRED);
            } else if (result != FundingResult.APPROVED && !ProjectValidator.blank(in.amountGranted())) {
                errors.add("amountGranted", GRANTED_NOT_APPROVED);
            } else if (granted != null && applied != null && granted.compareTo(applied) > 0) {
                errors.add("amountGranted", GRANTED_OVER_APPLIED);
            }
            if (result == FundingResult.PENDING && !ProjectValidator.blank(in.resultOn())) {
                errors.add("resultOn", RESULT_ON_PENDING);
            } else if (result != FundingResult.PENDING && ProjectValidator.blank(in.resultOn())) {
                errors.add("resultOn", RESULT_ON_REQUIRED);
            } else if (resultOn != null && appliedOn != null && resultOn.isBefore(appliedOn)) {
                errors.add("resultOn", RESULT_BEFORE_APPLIED);
            }
        }
        for (String f : List.of("county", "youth", "project", "programme", "amountApplied", "appliedOn", "result",
                "amountGranted", "resultOn")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new Funding.Data(county, youthId, projectId, programme, applied, appliedOn, result, granted, resultOn);
    }

    private static Long id(String raw, String field, String unknownKey, ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw)) {
            return null;
        }
        Long id = ProjectValidator.positiveId(raw);
        if (id == null) {
            errors.add(field, unknownKey);
        }
        return id;
    }

    /** The youth and project ids to look up, and the application's county when valid (null: compare no county). */
    private record Applicant(Long youthId, Long projectId, Long countyId) {
    }

    private Applicant applicant(Actor actor, FundingInput in, ValidationException.Collector errors) {
        Long youthId = errors.has("youth") ? null : ProjectValidator.positiveId(in.youth());
        Long projectId = errors.has("project") ? null : ProjectValidator.positiveId(in.project());
        Long county = errors.has("county") ? null : ProjectValidator.county(orgUnits, actor, in.county(),
                new ValidationException.Collector(), COUNTY_REQUIRED, COUNTY_INVALID);
        return new Applicant(youthId, projectId, county);
    }

    /**
     * The youth must be a live youth, the project a live project, both of the application's county. One the actor
     * cannot see is "unknown", so the answer reveals nothing about other counties.
     */
    private void checkApplicant(Connection c, Actor actor, Applicant a, ValidationException.Collector errors)
            throws SQLException {
        if (a.youthId() != null) {
            Optional<Long> county = projects.liveYouthCounty(c, a.youthId());
            if (county.isEmpty() || !scope.covers(actor, county.get())) {
                errors.add("youth", YOUTH_UNKNOWN);
            } else if (a.countyId() != null && !county.get().equals(a.countyId())) {
                errors.add("youth", YOUTH_OTHER_COUNTY);
            }
        }
        if (a.projectId() != null) {
            Optional<Long> p = projects.liveProjectCounty(c, a.projectId());
            if (p.isEmpty() || !scope.covers(actor, p.get())) {
                errors.add("project", PROJECT_UNKNOWN);
            } else if (a.countyId() != null && !p.get().equals(a.countyId())) {
                errors.add("project", PROJECT_OTHER_COUNTY);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static String target(long id) {
        return "funding:" + id;
    }

    private static String detail(Funding.Data d) {
        return "county=" + d.countyId() + " youth=" + d.youthId() + " project=" + d.projectId() + " result="
                + d.result() + " applied=" + d.amountApplied() + " granted=" + d.amountGranted();
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private Funding visible(Actor actor, Funding f, long id) {
        return scope.visible(actor, f, f == null ? 0 : f.countyId(), id);
    }
}
