package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.util.List;

/** A stored award or contest (work item 13) as read back, with its live entrants and winners counted. */
record Award(long id, AwardKind kind, String name, int year, AwardLevel level, long countyId, long entrants,
        long winners, Instant createdAt, Instant updatedAt) {

    /**
     * An entrant: a registered youth, an entrepreneurship project, or both; their names from the two databases (null
     * where not linked).
     */
    record Entrant(long id, long awardId, Long youthId, String youthName, Long projectId, String projectName,
            AwardResult result, String prize) {
    }

    /** The award with its entrants, for the award page. */
    record Detail(Award award, List<Entrant> entrants) {
    }

    /** A county's awards of a year, their entrants and winners. */
    record Summary(long countyId, long awards, long entrants, long winners) {
    }
}
