package org.jixiao.api.assessment;

import java.time.Instant;

/**
 * One evaluation run: which module (id and version) scored which snapshot of inputs, and the result. A run
 * never changes; re-running with another module makes a new run on the same snapshot.
 *
 * @param basedOnRunId the run whose snapshot this one re-used, or null for a run on fresh inputs
 */
public record EvaluationRun(long id, int year, String moduleId, String moduleVersion, Instant at, String by,
        boolean published, Long basedOnRunId, EvaluationInput input, EvaluationResult result) {
}
