package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A stored micro-loan as read back, with its borrower's name from the youth database; the amount in exact 元. */
record Loan(long id, long countyId, long borrowerId, String borrowerName, String bank, BigDecimal amount,
        LocalDate grantedOn, int termMonths, LoanStatus status, LocalDate enteredOn, Instant createdAt,
        Instant updatedAt) {

    /** A loan that passed the field rules; the borrower is checked in the transaction. */
    record Data(long countyId, long borrowerId, String bank, BigDecimal amount, LocalDate grantedOn, int termMonths,
            LoanStatus status, LocalDate enteredOn) {
    }

    /** What the loan list is narrowed to; unknown filter values arrive as null (no filter). */
    record Filter(String query, Long countyId, Integer year, LoanStatus status) {
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
