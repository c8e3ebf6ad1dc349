package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A stored entrepreneurship project as read back, with its founder's name from the youth database. */
record Project(long id, String name, long founderId, String founderName, ProjectSector sector, ProjectStage stage,
        String support, long countyId, LocalDate registeredOn, Instant createdAt, Instant updatedAt) {
}
