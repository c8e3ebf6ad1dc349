package org.jixiao.api.performance;

import java.time.LocalDate;

/** The dates within which a step's work may be done; both days included. */
public record StepWindow(Step step, LocalDate opens, LocalDate closes) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(opens) && !day.isAfter(closes);
    }
}
