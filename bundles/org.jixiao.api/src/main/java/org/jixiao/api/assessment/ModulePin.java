package org.jixiao.api.assessment;

import java.time.Instant;

/** The module id and version the city chose for a year's evaluation runs. */
public record ModulePin(int year, String moduleId, String moduleVersion, Instant pinnedAt, String pinnedBy) {
}
