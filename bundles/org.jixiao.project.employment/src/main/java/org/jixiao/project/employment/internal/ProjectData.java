package org.jixiao.project.employment.internal;

import java.time.LocalDate;

/** An entrepreneurship project that passed the field rules; the founder is checked in the transaction. */
record ProjectData(String name, long founderId, ProjectSector sector, ProjectStage stage, String support,
        long countyId, LocalDate registeredOn) {
}
