package org.jixiao.project.employment.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.ValidationException;
import org.jixiao.api.store.Store;
import org.jixiao.project.employment.internal.rules.LiveKeys;
import org.jixiao.project.employment.internal.rules.Programme;

/**
 * The monthly data reports of the micro-loans (work item 7): a county submits each month's figures, frozen as they
 * stand on submission, and the page shows them beside the loans as they are now, with the year's quarterly checks.
 * The loans and checks themselves are the register engine's ({@code LoanRegister}); a report has no soft delete
 * and is never edited, so it stays here.
 */
final class LoanService {

    static final int NOTE_MAX = 500;

    static final String COUNTY_REQUIRED = "loan.county.required";
    static final String COUNTY_INVALID = "loan.county.invalid";
    static final String MONTH_INVALID = "loan.report.month.invalid";
    static final String MONTH_FUTURE = "loan.report.month.future";
    static final String REPORT_DUPLICATE = "loan.report.duplicate";
    static final String NOTE_TOO_LONG = "loan.report.note.tooLong";

    private final Store store;
    private final OrgUnitService orgUnits;
    private final AuditLog audit;
    private final Clock clock;
    private final LoanRepository repo = new LoanRepository();
    private final CountyScope scope;

    LoanService(Store store, OrgUnitService orgUnits, AuditLog audit, Clock clock, YouthService youth) {
        this.store = Objects.requireNonNull(store);
        this.orgUnits = Objects.requireNonNull(orgUnits);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.scope = new CountyScope(orgUnits, youth, "loan");
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    List<OrgUnit> counties(Actor actor) {
        return scope.counties(actor);
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
                if (LiveKeys.UNIQUE_VIOLATION.equals(e.getSQLState())) {
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
        if (m.isBefore(YearMonth.from(Programme.EARLIEST))) {
            errors.add("month", MONTH_INVALID);
            return null;
        }
        return m;
    }

    // ---------------------------------------------------------------- quarterly checks

    /** The live checks of the year per county in scope, for the reports page (they are written on the engine's). */
    List<Loan.Check> checks(Actor actor, int year, Long countyId) {
        scope.requireReader(actor);
        List<Long> counties = scope.ids(actor, countyId);
        return store.read(c -> repo.checks(c, counties, year));
    }

    // ---------------------------------------------------------------- text, shared with other registers

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

    private YouthRepository.Stamp stamp(Actor actor) {
        return new YouthRepository.Stamp(actor.userId(), clock.instant());
    }
}
