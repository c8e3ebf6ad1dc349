package org.jixiao.api.performance;

/** What a target's value means. */
public enum TargetKind {
    /** A count or an amount: ≥200 people, ≥20,000,000 CNY. */
    ABSOLUTE,
    /** A share of a whole, in percent: >50% of interns in general-manager-assistant posts. */
    SHARE,
    /** A rate, in percent: ≥10% of interns converted to employment. */
    RATE,
    /** Growth in percent over last year's approved actual: ≥ last year + 10%. */
    BASELINE_RELATIVE
}
