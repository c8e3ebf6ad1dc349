package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored funding application for government entrepreneurship support, with the applicant's names from the youth
 * and project databases (null where the application names no such applicant). Amounts in exact 元.
 */
record Funding(long id, long countyId, Long youthId, String youthName, Long projectId, String projectName,
        String programme, BigDecimal amountApplied, LocalDate appliedOn, FundingResult result,
        BigDecimal amountGranted, LocalDate resultOn, Instant createdAt, Instant updatedAt) {

    /** An application that passed the field rules; the applicant is checked in the transaction. */
    record Data(long countyId, Long youthId, Long projectId, String programme, BigDecimal amountApplied,
            LocalDate appliedOn, FundingResult result, BigDecimal amountGranted, LocalDate resultOn) {
    }

    /** What the list is narrowed to; {@code year} is the year applied in. */
    record Filter(String query, Long countyId, Integer year, FundingResult result) {
    }

    /** One county's applications of a year: how many by result, the sums applied for and granted. */
    record Summary(long countyId, long applications, long pending, long approved, long rejected,
            BigDecimal applied, BigDecimal granted) {
    }
}
