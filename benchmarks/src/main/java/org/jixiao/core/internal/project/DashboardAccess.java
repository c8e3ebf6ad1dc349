package org.jixiao.core.internal.project;

import java.util.Collection;
import java.util.Locale;

import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry.ProjectIndicators;

/** The home page's per-project computation, which the core keeps package-private, for the benchmark to time. */
public final class DashboardAccess {

    private DashboardAccess() {
    }

    public static ProjectIndicators indicators(KeyProject project, Collection<Long> unitIds,
            Collection<Long> evaluated, int year, Locale locale) {
        return ProjectRegistryImpl.indicatorsOf(project, unitIds, evaluated, evaluated.size(), year, locale);
    }
}
