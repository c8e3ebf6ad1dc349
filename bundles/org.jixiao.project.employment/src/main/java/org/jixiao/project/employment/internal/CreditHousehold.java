package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored rural youth credit demonstration household. It belongs to the year of its rating; its credit loan (exact
 * 元, zero while none was taken) is taken in that same year.
 */
record CreditHousehold(long id, long countyId, String headName, String village, LocalDate ratedOn,
        CreditRating rating, BigDecimal loanAmount, LocalDate loanOn, Instant createdAt, Instant updatedAt) {

    /** A household that passed the field rules. */
    record Data(long countyId, String headName, String village, LocalDate ratedOn, CreditRating rating,
            BigDecimal loanAmount, LocalDate loanOn) {
    }

    /** What the list is narrowed to; {@code year} is the rating year. */
    record Filter(String query, Long countyId, Integer year, CreditRating rating) {
    }
}
