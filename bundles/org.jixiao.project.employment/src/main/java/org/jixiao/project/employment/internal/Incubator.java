package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored incubation base (work item 10) as read back; {@code residentsToday} is the number of projects in residence
 * on the day it was read. {@code areaM2} is the floor area in square metres, null when not given.
 */
record Incubator(long id, String name, String address, String operator, long countyId, LocalDate openedOn,
        BigDecimal areaM2, LocalDate closedOn, long residentsToday, Instant createdAt, Instant updatedAt) {

    /** Opened on or before {@code day} and not closed on or before it. */
    boolean openOn(LocalDate day) {
        return !openedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }

    /** A project's residence in the base; {@code movedOutOn} is the first day it is gone, null while it stays. */
    record Resident(long id, long incubatorId, long projectId, String projectName, LocalDate movedInOn,
            LocalDate movedOutOn) {

        boolean residentOn(LocalDate day) {
            return !movedInOn.isAfter(day) && (movedOutOn == null || movedOutOn.isAfter(day));
        }
    }

    /** The base with every live residence, current and past, for the base page. */
    record Detail(Incubator base, List<Resident> residents) {
    }
}
