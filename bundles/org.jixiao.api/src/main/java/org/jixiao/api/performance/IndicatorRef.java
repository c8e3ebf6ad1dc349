package org.jixiao.api.performance;

import java.util.Objects;

/** Names an indicator across projects: {@code employment:youth.jobseekers}. */
public record IndicatorRef(String projectId, String indicatorId) {

    public IndicatorRef {
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(indicatorId);
    }

    public String key() {
        return projectId + ":" + indicatorId;
    }

    /** Parses {@link #key()}; null when malformed. */
    public static IndicatorRef parse(String key) {
        if (key == null) {
            return null;
        }
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return null;
        }
        return new IndicatorRef(key.substring(0, colon), key.substring(colon + 1));
    }
}
