package org.jixiao.project.employment.internal;

/** How an internship placement ended, or that it runs; message keys {@code internship.outcome.<NAME>}. */
enum InternshipOutcome {
    IN_PROGRESS,
    COMPLETED,
    /** Taken on as an employee: counts towards the conversion rate. */
    CONVERTED,
    LEFT
}
