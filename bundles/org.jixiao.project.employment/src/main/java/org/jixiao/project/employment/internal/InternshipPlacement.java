package org.jixiao.project.employment.internal;

import java.time.LocalDate;

/** A youth placed into an internship position, with the youth's name from the database. */
record InternshipPlacement(long id, long positionId, long youthId, String youthName, LocalDate startsOn,
        LocalDate endsOn, InternshipOutcome outcome, String convertedEmployer, LocalDate convertedOn) {
}
