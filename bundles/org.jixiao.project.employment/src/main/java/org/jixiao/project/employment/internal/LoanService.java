package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * Youth entrepreneurship micro-loans (work item 7): the loans of a county, its monthly data reports, the quarterly
 * checks, and the two per-county indicators (at least 400 loans and 2000 万元 a year).
 *
 * <p>Scope, validation and audit follow {@link ProjectService}: a record out of scope is reported as missing; bad
 * input throws with nothing written; every change writes its audit line inside the transaction.
 */
final class LoanService {

    static final int PAGE_SIZE = YouthService.PAGE_SIZE;

    static final String INDICATOR_COUNT = "loans.count";
    static final String INDICATOR_AMOUNT = "loans.amount";

    static final int BANK_MAX = 100;
    static final int TERM_MAX = 120;
    static final int NOTE_MAX = 500;
    static final int CHECKER_MAX = 100;
    static final int TEXT_MAX = 2000;
    /** More loans than any county grants in a quarter: a larger figure is a typing error. */
    static final int FIGURE_MAX = 100_000;
    /**
     * The largest single micro-loan taken as typed, 1000 万元: above it the amount was almost certainly typed in 元
     * into the 万元 field (50000 meaning 5 万元 would otherwise be stored as 5 亿元).
     */
    static final BigDecimal AMOUNT_MAX = new BigDecimal("10000000.00");

    static final String COUNTY_REQUIRED = "loan.county.required";
    static final String COUNTY_INVALID = "loan.county.invalid";
    static final String BORROWER_REQUIRED = "loan.borrower.required";
    static final String BORROWER_UNKNOWN = "loan.borrower.unknown";
    static final String BORROWER_OTHER_COUNTY = "loan.borrower.otherCounty";
    static final String BANK_REQUIRED = "loan.bank.required";
    static final String BANK_TOO_LONG = "loan.bank.tooLong";
    static final String AMOUNT_REQUIRED = "loan.amount.required";
    static final String AMOUNT_TOO_LARGE = "loan.amount.tooLarge";
    static final String TERM_INVALID = "loan.termMonths.invalid";
    static final String STATUS_REQUIRED = "loan.status.required";
    static final String STATUS_INVALID = "loan.status.invalid";
    static final String DATE_INVALID = "loan.date.invalid";
    static final String DATE_FUTURE = "loan.date.future";
    static final String DATE_TOO_EARLY = "loan.date.tooEarly";
    static final String ENTERED_BEFORE_GRANTED = "loan.enteredOn.beforeGranted";
    static final String MONTH_INVALID = "loan.report.month.invalid";
    static final String MONTH_FUTURE = "loan.report.month.future";
    static final String REPORT_DUPLICATE = "loan.report.duplicate";
    static final String NOTE_TOO_LONG = "loan.report.note.tooLong";
    static final String YEAR_INVALID = "loan.check.year.invalid";
    static final String QUARTER_INVALID = "loan.check.quarter.invalid";
    static final String QUARTER_FUTURE = "loan.check.quarter.future";
    static final String CHECK_DUPLICATE = "loan.check.duplicate";
    static final String CHECKED_BEFORE_QUARTER = "loan.check.checkedOn.beforeQuarter";
    static final String CHECKER_REQUIRED = "loan.check.checker.required";
    static final String CHECKER_TOO_LONG = "loan.check.checker.tooLong";
    static final String FIGURE_INVALID = "loan.check.figure.invalid";
    static final String PROBLEMS_OVER_CHECKED = "loan.check.problems.overChecked";
    static final String FINDINGS_REQUIRED = "loan.check.findings.required";
    static final String TEXT_TOO_LONG = "loan.check.text.tooLong";

    static final String TABLE_CHECK = "EMP_LOAN_CHECK";

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final YouthService youth;
    private final LoanRepository repo = new LoanRepository();
    private final ProjectRepository youthLinks = new ProjectRepository();
    private final CountyScope scope;

    LoanService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.youth = Objects.requireNonNull(youth);
        this.scope = new CountyScope(orgUnits, youth, "loan");
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

    // ---------------------------------------------------------------- loans

    Page<Loan> list(Actor actor, Loan.Filter filter, int requestedPage) {
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
    Loan get(Actor actor, long id) {
        scope.requireReader(actor);
        return visible(actor, store.read(c -> repo.findLive(c, id).orElse(null)), id);
    }

    /** @throws ValidationException on bad input, with nothing written */
    long create(Actor actor, LoanInput.Loan input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Loan.Data data = validate(actor, input, errors);
        Long borrower = errors.has("borrower") ? null : ProjectValidator.positiveId(input.borrower());
        Long county = data == null ? countyOrNull(actor, input.county()) : Long.valueOf(data.countyId());
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            checkBorrower(c, actor, borrower, county, errors);
            errors.throwIfAny();
            long id = repo.insert(c, data, stamp);
            audit.record(c, actor, "loan.create", target(id), detail(data));
            return id;
        });
    }

    /**
     * @throws NotFoundException when missing or out of scope (checked before the input)
     * @throws ValidationException on bad input, with nothing written
     */
    void update(Actor actor, long id, LoanInput.Loan input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Loan.Data data = validate(actor, input, errors);
        Long borrower = errors.has("borrower") ? null : ProjectValidator.positiveId(input.borrower());
        Long county = data == null ? countyOrNull(actor, input.county()) : Long.valueOf(data.countyId());
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            checkBorrower(c, actor, borrower, county, errors);
            errors.throwIfAny();
            repo.update(c, id, data, stamp);
            audit.record(c, actor, "loan.update", target(id), detail(data));
            return null;
        });
    }

    /** Soft delete. */
    void delete(Actor actor, long id) {
        scope.requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            visible(actor, repo.findLive(c, id).orElse(null), id);
            if (!repo.softDelete(c, "EMP_LOAN", id, stamp)) {
                throw new NotFoundException(target(id));
            }
            audit.record(c, actor, "loan.delete", target(id), null);
            return null;
        });
    }

    // ---------------------------------------------------------------- indicators

    /**
     * Per unit (its own county only): the live loans granted from 1 January to min(asOf, 31 December) of the year,
     * counted, and their sum in exact 万元 (the unit the policy states its 2000 万元 in).
     */
    Map<Long, Map<String, BigDecimal>> actualsAsOf(Collection<Long> orgUnitIds, int year, LocalDate asOf) {
        LocalDate day = CountyScope.actualsDay(year, asOf);
        Set<Long> ids = CountyScope.unitIds(orgUnitIds);
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        Map<Long, Loan.Figures> figures = day.isBefore(from) ? Map.of()
                : store.read(c -> repo.figuresByCounty(c, ids, from, day));
        for (Long id : ids) {
            Loan.Figures f = figures.getOrDefault(id, Loan.Figures.NONE);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(INDICATOR_COUNT, BigDecimal.valueOf(f.count()));
            values.put(INDICATOR_AMOUNT, Money.toWanyuan(f.amount()));
            out.put(id, values);
        }
        return out;
    }

    // ---------------------------------------------------------------- monthly reports

    /**
     * Submits the county's data report of a month, freezing the month's loans as they stand now. A month has one
     * report; a month still to come has none.
     */
    long submitReport(Actor actor, LoanInput.Report input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Long county = ProjectValidator.county(orgUnits, actor, input.county(), errors, COUNTY_REQUIRED,
                COUNTY_INVALID);
        YearMonth month = month(input.month(), errors);
        String note = optionalText(input.note(), NOTE_MAX, "note", NOTE_TOO_LONG, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        LocalDate today = today();
        return store.inTransaction(c -> {
            if (repo.reportExists(c, county, month)) {
                errors.add("month", REPORT_DUPLICATE);
                errors.throwIfAny();
            }
            Loan.Figures f = repo.figuresByCounty(c, List.of(county), month.atDay(1), month.atEndOfMonth())
                    .getOrDefault(county, Loan.Figures.NONE);
            long id;
            try {
                id = repo.insertReport(c, county, month, f, note, today, stamp);
            } catch (SQLException e) {
                if (YouthRepository.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // Another submission of the same month won the race.
                    throw new ValidationException(Map.of("month", REPORT_DUPLICATE));
                }
                throw e;
            }
            audit.record(c, actor, "loan.report", "loan-report:" + id,
                    "county=" + county + " month=" + month + " count=" + f.count() + " amount=" + f.amount());
            return id;
        });
    }

    /** Every month of the year up to this month, per county in scope: its report, if any, and its loans now. */
    List<Loan.Month> months(Actor actor, int year, Long countyId) {
        scope.requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        YearMonth last = YearMonth.from(today());
        return store.read(c -> {
            Map<Long, Map<YearMonth, Loan.Figures>> live = repo.monthlyByCounty(c, counties, year);
            Map<Long, Map<YearMonth, Loan.Report>> reports = new LinkedHashMap<>();
            for (Loan.Report r : repo.reports(c, counties, year)) {
                reports.computeIfAbsent(r.countyId(), k -> new LinkedHashMap<>()).put(r.month(), r);
            }
            List<Loan.Month> out = new ArrayList<>();
            for (Long county : counties) {
                for (int m = 1; m <= 12; m++) {
                    YearMonth month = YearMonth.of(year, m);
                    if (month.isAfter(last)) {
                        break;
                    }
                    out.add(new Loan.Month(county, month, reports.getOrDefault(county, Map.of()).get(month),
                            live.getOrDefault(county, Map.of()).getOrDefault(month, Loan.Figures.NONE)));
                }
            }
            return out;
        });
    }

    private YearMonth month(String raw, ValidationException.Collector errors) {
        if (ProjectValidator.blank(raw) || !raw.strip().matches("\\d{4}-\\d{2}")) {
            errors.add("month", MONTH_INVALID);
            return null;
        }
        YearMonth m;
        try {
            m = YearMonth.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add("month", MONTH_INVALID);
            return null;
        }
        if (m.isAfter(YearMonth.from(today()))) {
            errors.add("month", MONTH_FUTURE);
            return null;
        }
        if (m.isBefore(YearMonth.from(ProjectValidator.EARLIEST))) {
            errors.add("month", MONTH_INVALID);
            return null;
        }
        return m;
    }

    // ---------------------------------------------------------------- quarterly checks

    List<Loan.Check> checks(Actor actor, int year, Long countyId) {
        scope.requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        return store.read(c -> repo.checks(c, counties, year));
    }

    /** @throws NotFoundException when missing, deleted or out of scope */
    Loan.Check check(Actor actor, long id) {
        scope.requireReader(actor);
        Loan.Check k = store.read(c -> repo.findCheck(c, id).orElse(null));
        return scope.visible(actor, k, k == null ? 0 : k.countyId(), id);
    }

    long createCheck(Actor actor, LoanInput.Check input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Loan.Check k = validateCheck(actor, input, errors);
        errors.throwIfAny();
        YouthRepository.Stamp stamp = stamp(actor);
        return store.inTransaction(c -> {
            if (repo.checkExists(c, k.countyId(), k.year(), k.quarter(), 0)) {
                errors.add("quarter", CHECK_DUPLICATE);
                errors.throwIfAny();
            }
            long id = repo.insertCheck(c, k, stamp);
            audit.record(c, actor, "loan.check.create", checkTarget(id), checkDetail(k));
            return id;
        });
    }

    /** Also how the county's rectification is entered after the check. */
    void updateCheck(Actor actor, long id, LoanInput.Check input) {
        scope.requireWriter(actor);
        ValidationException.Collector errors = new ValidationException.Collector();
        Loan.Check k = validateCheck(actor, input, errors);
        store.inTransaction(c -> {
            Loan.Check before = repo.findCheck(c, id).orElse(null);
            scope.visible(actor, before, before == null ? 0 : before.countyId(), id);
            errors.throwIfAny();
            if (repo.checkExists(c, k.countyId(), k.year(), k.quarter(), id)) {
                errors.add("quarter", CHECK_DUPLICATE);
                errors.throwIfAny();
            }
            repo.updateCheck(c, id, k);
            audit.record(c, actor, "loan.check.update", checkTarget(id), checkDetail(k));
            return null;
        });
    }

    void deleteCheck(Actor actor, long id) {
        scope.requireWriter(actor);
        YouthRepository.Stamp stamp = stamp(actor);
        store.inTransaction(c -> {
            Loan.Check k = repo.findCheck(c, id).orElse(null);
            scope.visible(actor, k, k == null ? 0 : k.countyId(), id);
            if (!repo.softDelete(c, TABLE_CHECK, id, stamp)) {
                throw new NotFoundException(checkTarget(id));
            }
            audit.record(c, actor, "loan.check.delete", checkTarget(id), null);
            return null;
        });
    }

    private Loan.Check validateCheck(Actor actor, LoanInput.Check in, ValidationException.Collector errors) {
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        LocalDate today = today();
        Integer year = integer(in.year(), ProjectValidator.EARLIEST.getYear(), today.getYear());
        if (year == null) {
            errors.add("year", YEAR_INVALID);
        }
        Integer quarter = integer(in.quarter(), 1, 4);
        LocalDate quarterStart = null;
        if (quarter == null) {
            errors.add("quarter", QUARTER_INVALID);
        } else if (year != null) {
            quarterStart = LocalDate.of(year, 3 * quarter - 2, 1);
            if (quarterStart.isAfter(today)) {
                errors.add("quarter", QUARTER_FUTURE);
                // Any check day is then "before the quarter"; the quarter is what is wrong.
                quarterStart = null;
            }
        }
        LocalDate checkedOn = ProjectValidator.date(in.checkedOn(), null, today, errors, "checkedOn", DATE_INVALID,
                DATE_FUTURE, DATE_TOO_EARLY);
        if (checkedOn != null && quarterStart != null && checkedOn.isBefore(quarterStart)) {
            errors.add("checkedOn", CHECKED_BEFORE_QUARTER);
        }
        String checker = requiredText(in.checker(), CHECKER_MAX, "checker", CHECKER_REQUIRED, CHECKER_TOO_LONG, errors);
        Integer checked = integer(in.loansChecked(), 0, FIGURE_MAX);
        if (checked == null) {
            errors.add("loansChecked", FIGURE_INVALID);
        }
        Integer problems = integer(in.problems(), 0, FIGURE_MAX);
        if (problems == null) {
            errors.add("problems", FIGURE_INVALID);
        } else if (checked != null && problems > checked) {
            // A problem is counted once per loan found with it: more than the loans looked at is a typing error.
            errors.add("problems", PROBLEMS_OVER_CHECKED);
        }
        String findings = requiredText(in.findings(), TEXT_MAX, "findings", FINDINGS_REQUIRED, TEXT_TOO_LONG, errors);
        String rectification = optionalText(in.rectification(), TEXT_MAX, "rectification", TEXT_TOO_LONG, errors);
        for (String f : List.of("county", "year", "quarter", "checkedOn", "checker", "loansChecked", "problems",
                "findings", "rectification")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new Loan.Check(0, county, year, quarter, checkedOn, checker, checked, problems, findings,
                rectification, null);
    }

    // ---------------------------------------------------------------- validation

    private Loan.Data validate(Actor actor, LoanInput.Loan in, ValidationException.Collector errors) {
        Long county = ProjectValidator.county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        Long borrower = null;
        if (ProjectValidator.blank(in.borrower())) {
            errors.add("borrower", BORROWER_REQUIRED);
        } else {
            borrower = ProjectValidator.positiveId(in.borrower());
            if (borrower == null) {
                errors.add("borrower", BORROWER_UNKNOWN);
            }
        }
        String bank = requiredText(in.bank(), BANK_MAX, "bank", BANK_REQUIRED, BANK_TOO_LONG, errors);
        BigDecimal amount = null;
        if (ProjectValidator.blank(in.amountWanyuan())) {
            errors.add("amountWanyuan", AMOUNT_REQUIRED);
        } else {
            amount = Money.parse(in.amountWanyuan(), Money.Unit.WANYUAN, true, "amountWanyuan", errors);
            if (amount != null && amount.compareTo(AMOUNT_MAX) > 0) {
                errors.add("amountWanyuan", AMOUNT_TOO_LARGE);
                amount = null;
            }
        }
        LocalDate today = today();
        LocalDate granted = ProjectValidator.date(in.grantedOn(), null, today, errors, "grantedOn", DATE_INVALID,
                DATE_FUTURE, DATE_TOO_EARLY);
        Integer term = integer(in.termMonths(), 1, TERM_MAX);
        if (term == null) {
            errors.add("termMonths", TERM_INVALID);
        }
        LoanStatus status = null;
        if (ProjectValidator.blank(in.status())) {
            errors.add("status", STATUS_REQUIRED);
        } else {
            status = Enums.parse(LoanStatus.class, in.status()).orElse(null);
            if (status == null) {
                errors.add("status", STATUS_INVALID);
            }
        }
        LocalDate entered = ProjectValidator.blank(in.enteredOn()) ? null
                : ProjectValidator.date(in.enteredOn(), null, today, errors, "enteredOn", DATE_INVALID, DATE_FUTURE,
                        DATE_TOO_EARLY);
        if (entered != null && granted != null && entered.isBefore(granted)) {
            errors.add("enteredOn", ENTERED_BEFORE_GRANTED);
        }
        for (String f : List.of("county", "borrower", "bank", "amountWanyuan", "grantedOn", "termMonths", "status",
                "enteredOn")) {
            if (errors.has(f)) {
                return null;
            }
        }
        return new Loan.Data(county, borrower, bank, amount, granted, term, status, entered);
    }

    /** The county the input names when it is valid, to compare the borrower's with; null when it is not. */
    private Long countyOrNull(Actor actor, String raw) {
        return ProjectValidator.county(orgUnits, actor, raw, new ValidationException.Collector(), COUNTY_REQUIRED,
                COUNTY_INVALID);
    }

    /**
     * The borrower must be a live youth of the loan's county. One the actor cannot see is "unknown", so the answer
     * reveals nothing about other counties; one the actor sees in another county is named as such.
     */
    private void checkBorrower(Connection c, Actor actor, Long borrower, Long county,
            ValidationException.Collector errors) throws SQLException {
        if (borrower == null) {
            return;
        }
        Optional<Long> of = youthLinks.liveYouthCounty(c, borrower);
        if (of.isEmpty() || !scope.covers(actor, of.get())) {
            errors.add("borrower", BORROWER_UNKNOWN);
        } else if (county != null && !of.get().equals(county)) {
            errors.add("borrower", BORROWER_OTHER_COUNTY);
        }
    }

    /** A whole number from {@code min} to {@code max}, at most 9 digits; null otherwise. */
    static Integer integer(String raw, int min, int max) {
        if (raw == null || !raw.strip().matches("\\d{1,9}")) {
            return null;
        }
        int v = Integer.parseInt(raw.strip());
        return v < min || v > max ? null : v;
    }

    static String requiredText(String raw, int max, String field, String requiredKey, String tooLongKey,
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

    static String optionalText(String raw, int max, String field, String tooLongKey,
            ValidationException.Collector errors) {
        String s = raw == null ? null : raw.strip();
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.codePointCount(0, s.length()) > max) {
            errors.add(field, tooLongKey);
            return null;
        }
        return s;
    }

    // ---------------------------------------------------------------- helpers

    static String target(long id) {
        return "loan:" + id;
    }

    static String checkTarget(long id) {
        return "loan-check:" + id;
    }

    private static String detail(Loan.Data d) {
        return "county=" + d.countyId() + " borrower=" + d.borrowerId() + " amount=" + d.amount() + " status="
                + d.status();
    }

    private static String checkDetail(Loan.Check k) {
        return "county=" + k.countyId() + " quarter=" + k.year() + "Q" + k.quarter() + " problems=" + k.problems();
    }

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }

    private Loan visible(Actor actor, Loan l, long id) {
        return scope.visible(actor, l, l == null ? 0 : l.countyId(), id);
    }
}
