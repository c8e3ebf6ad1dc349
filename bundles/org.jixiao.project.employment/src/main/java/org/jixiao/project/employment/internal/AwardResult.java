package org.jixiao.project.employment.internal;

/** How far an entrant went; a WINNER names the prize. */
enum AwardResult {
    ENTERED, SHORTLISTED, WINNER
}
