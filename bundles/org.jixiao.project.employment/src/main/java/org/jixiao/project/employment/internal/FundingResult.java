package org.jixiao.project.employment.internal;

/** Where a funding application stands. */
enum FundingResult {
    PENDING,
    APPROVED,
    REJECTED
}
