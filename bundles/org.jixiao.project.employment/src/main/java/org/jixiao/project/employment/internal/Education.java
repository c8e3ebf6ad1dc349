package org.jixiao.project.employment.internal;

/** Highest education completed; message keys {@code youth.education.<NAME>}. */
enum Education {
    JUNIOR_HIGH_OR_BELOW,
    SENIOR_HIGH,
    VOCATIONAL,
    JUNIOR_COLLEGE,
    BACHELOR,
    MASTER_OR_ABOVE
}
