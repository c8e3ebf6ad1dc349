package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.LoanService.requiredText;

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
 * Rural youth credit demonstration households (work item 8): at least 200 households and 500 万元 of credit loans
 * per county a year, the amount growing at least 10% over last year's approved actual.
 *
 * <p>The growth itself is judged by the core ({@code TargetKind.BASELINE_RELATIVE}): it takes last year's approved
 * actual of {@link #INDICATOR_GROWTH} (or, before last year is published, this register's live actual of last year)
 * as the baseline and holds this year's actual against baseline × (100 + target) / 100. So the growth indicator's
 * actual is the year's amount in 万元, computed exactly as {@link #INDICATOR_AMOUNT}'s, for any year.
 */
final class CreditService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;

    static final String INDICATOR_HOUSEHOLDS = "credit.households";
    static final String INDICATOR_AMOUNT = "credit.amount";
    static final String INDICATOR_GROWTH = "credit.growth";

    static final int NAME_MAX = 50;
    static final int VILLAGE_MAX = 100;
    /** A household's credit loan above 1000 万元 is a typing error, not a rural credit loan. */
    static final BigDecimal AMOUNT_MAX = new BigDecimal("10000000.00");

    static final String COUNTY_REQUIRED = "credit.county.required";
    static final String COUNTY_INVALID = "credit.county.invalid";
    static final String NAME_REQUIRED = "credit.headName.required";
    static final String NAME_TOO_LONG = "credit.headName.tooLong";
    static final String VILLAGE_REQUIRED = "credit.village.required";
    static final String VILLAGE_TOO_LONG = "credit.village.tooLong";
    static final String RATING_INVALID = "credit.rating.invalid";
    static final String DATE_INVALID = "credit.date.invalid";
    static final String DATE_FUTURE = "credit.date.future";
    static final String DATE_TOO_EARLY = "credit.date.tooEarly";
    static final String AMOUNT_REQUIRED = "credit.loanAmount.required";
    static final String AMOUNT_TOO_LARGE = "credit.loanAmount.tooLarge";
    static final String LOAN_ON_REQUIRED = "credit.loanOn.required";
    static final String LOAN_ON_WITHOUT_AMOUNT = "credit.loanOn.withoutAmount";
    static final String LOAN_BEFORE_RATING = "credit.loanOn.beforeRating";
    static final String LOAN_OTHER_YEAR = "credit.loanOn.otherYear";

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final CreditRepository repo = new CreditRepository();
    private final CountyScope scope;

    CreditService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "credit");
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

    Page<CreditHousehold> list(Actor actor, CreditHousehold.Filter filter, int requestedPage) {
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
    CreditHousehold get(Actor actor, long id) {
        scope.requireReader(actor);
        return visible(actor, store.read(c -> repo.findLive(c, id).orElse(null)), id);
    }

    /** @throws ValidationException on bad input, with nothing written */
    long create(Actor actor, CreditInput input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        CreditHousehold.Data data = validate(actor, input, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            long id = repo.insert(c, data, stamp);
            audit.record(c, actor, "credit.create", target(id), detail(data));
            return id;
        });
    }

    /** @throws NotFoundException when missing or out of scope (checked before the input) */
    void update(Actor actor, long id, CreditInput input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        CreditHousehold.Data data = validate(actor, input, errors);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            errors.throwIfAny();
            repo.update(c, id, data, stamp);
            audit.record(c, actor, "credit.update", target(id), detail(data));
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
            audit.record(c, actor, "credit.delete", target(id), null);
            return null;
        });
    }

    /**
     * Per unit (its own county only), on {@code day} = min(asOf, 31 December of year): the live households rated
     * from 1 January to the day; the sum of their credit loans taken by the day, in exact 万元; the same sum again
     * as the growth indicator's actual (see the class comment).
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        Map<Long, CreditRepository.Figures> figures = day.isBefore(from) ? Map.of()
                : store.read(c -> repo.figuresByCounty(c, ids, from, day));
        for (Long id : ids) {
            CreditRepository.Figures f = figures.getOrDefault(id, CreditRepository.Figures.NONE);
            BigDecimal wanyuan = Money.toWanyuan(f.amount());
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_HOUSEHOLDS, BigDecimal.valueOf(f.households()));
            values.put(INDICATOR_AMOUNT, wanyuan);
            values.put(INDICATOR_GROWTH, wanyuan);
            out.put(id, values);
        }
        return out;
    }

    // ---------------------------------------------------------------- validation

    private CreditHousehold.Data validate(Actor actor, CreditInput in, ValidationException.Collector errors) {
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        String name = requiredText(in.headName(), NAME_MAX, "headName", NAME_REQUIRED, NAME_TOO_LONG, errors);
        String village = requiredText(in.village(), VILLAGE_MAX, "village", VILLAGE_REQUIRED, VILLAGE_TOO_LONG,
                errors);
        LocalDate today = today();
        LocalDate rated = ProjectValidator.date(in.ratedOn(), null, today, errors, "ratedOn", DATE_INVALID,
                DATE_FUTURE, DATE_TOO_EARLY);
        CreditRating rating = null;
        if (!ProjectValidator.blank(in.rating())) {
            rating = Enums.parse(CreditRating.class, in.rating()).orElse(null);
            if (rating == null) {
                errors.add("rating", RATING_INVALID);
            }
        }
        boolean noAmount = ProjectValidator.blank(in.loanAmount());
        BigDecimal amount = noAmount ? BigDecimal.ZERO.setScale(2)
                : Money.parse(in.loanAmount(), Money.Unit.YUAN, false, "loanAmount", errors);
        if (amount != null && amount.compareTo(AMOUNT_MAX) > 0) {
            errors.add("loanAmount", AMOUNT_TOO_LARGE);
            amount = null;
        }
        LocalDate loanOn = ProjectValidator.blank(in.loanOn()) ? null
                : ProjectValidator.date(in.loanOn(), null, today, errors, "loanOn", DATE_INVALID, DATE_FUTURE,
                        DATE_TOO_EARLY);
        if (amount != null && !errors.has("loanOn")) {
            // A loan is an amount and a day, never one without the other; a household may be rated before any loan.
            if (amount.signum() > 0 && ProjectValidator.blank(in.loanOn())) {
                errors.add("loanOn", LOAN_ON_REQUIRED);
            } else if (amount.signum() == 0 && loanOn != null) {
                errors.add(noAmount ? "loanAmount" : "loanOn", noAmount ? AMOUNT_REQUIRED : LOAN_ON_WITHOUT_AMOUNT);
            } else if (loanOn != null && rated != null && loanOn.isBefore(rated)) {
                errors.add("loanOn", LOAN_BEFORE_RATING);
            } else if (loanOn != null && rated != null && loanOn.getYear() != rated.getYear()) {
                // The household counts in the year of its rating; a loan of another year would count in none.
                errors.add("loanOn", LOAN_OTHER_YEAR);
            }
        }
        for (String f : List.of("county", "headName", "village", "ratedOn", "rating", "loanAmount", "loanOn")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new CreditHousehold.Data(county, name, village, rated, rating, amount, loanOn);
    }

    // ---------------------------------------------------------------- helpers

    static String target(long id) {
        return "credit:" + id;
    }

    private static String detail(CreditHousehold.Data d) {
        return "county=" + d.countyId() + " rated=" + d.ratedOn() + " loan=" + d.loanAmount();
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private CreditHousehold visible(Actor actor, CreditHousehold h, long id) {
        return scope.visible(actor, h, h == null ? 0 : h.countyId(), id);
    }
}
