package org.jixiao.api.performance;

import java.time.Instant;

/**
 * A file uploaded as evidence. The content is kept by the node; {@link ManualIndicatorService#open} reads it.
 *
 * @param sha256 hex digest of the content, so a printed or exported copy can be checked against it
 */
public record EvidenceFile(long id, String fileName, String contentType, long size, String sha256,
        Instant uploadedAt, String uploadedBy) {
}
