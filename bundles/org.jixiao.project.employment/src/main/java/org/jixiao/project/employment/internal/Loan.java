package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** What the micro-loans' monthly reports page shows; the amounts in exact 元. */
final class Loan {

    private Loan() {
    }

    /** A submitted monthly data report: the month's loans as they stood on submission. */
    record Report(long id, long countyId, YearMonth month, long count, BigDecimal amount, String note,
            LocalDate submittedOn, long submittedBy) {
    }

    /** Loans granted and their sum, for a month or a year. */
    record Figures(long count, BigDecimal amount) {

        static final Figures NONE = new Figures(0, BigDecimal.ZERO.setScale(2));
    }

    /** One county's month on the reports page: its report if submitted, and the loans of the month as they are now. */
    record Month(long countyId, YearMonth month, Report report, Figures live) {

        /** Whether the loans of a reported month changed after the report was submitted. */
        boolean changed() {
            return report != null && (report.count() != live.count() || report.amount().compareTo(live.amount()) != 0);
        }
    }

    /** A quarterly check of a county's loans. */
    record Check(long id, long countyId, int year, int quarter, LocalDate checkedOn, String checker, int loansChecked,
            int problems, String findings, String rectification, Instant createdAt) {
    }
}
