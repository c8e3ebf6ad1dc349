package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored YBC demonstration project as read back: an entrepreneurship project of the county recognised in a year,
 * with the project's name from the project database.
 */
record YbcProject(long id, long projectId, String projectName, long countyId, int year, LocalDate recognisedOn,
        String support, Instant createdAt, Instant updatedAt) {
}
