package org.jixiao.project.employment.internal;

/** Who holds the selection or contest. */
enum AwardLevel {
    CITY, PROVINCE, NATIONAL
}
