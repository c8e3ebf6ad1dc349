package org.jixiao.project.employment.internal;

/**
 * Where a granted micro-loan stands. A record is a loan the bank has paid out: an approval not yet disbursed is no
 * loan the county can count, so there is no "approved" state.
 */
enum LoanStatus {
    /** Paid out and being repaid on schedule. */
    DISBURSED,
    /** Repaid in full. */
    REPAID,
    /** A repayment is overdue. */
    OVERDUE,
    /** Written off by the bank as unrecoverable. */
    WRITTEN_OFF
}
