package org.jixiao.api.performance;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a key project's operating procedure as the city corrected it (POLICY.md §1, "process control":
 * procedures are versioned, not frozen). Versions of a project count up from 1 and are never changed.
 *
 * @param text the whole corrected procedure
 * @param reason why it was corrected
 * @param problemId the problem that led to the correction; null when none
 */
public record ProcedureNote(String projectId, int version, String text, String reason, Long problemId, String by,
        Instant at) {

    public ProcedureNote {
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(text);
    }
}
