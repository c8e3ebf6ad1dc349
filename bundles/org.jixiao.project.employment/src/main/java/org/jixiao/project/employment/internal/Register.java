package org.jixiao.project.employment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * One work item's register as the project assembles it: the first path segment of its pages and JSON, the indicators
 * and time nodes it contributes, how it computes its actuals, and its pages. {@link EmploymentProject} lists the
 * registers in the order the core shows their indicators, so adding a work item touches one line there.
 */
record Register(String path, List<IndicatorDefinition> indicators, List<MilestoneDefinition> milestones,
        Actuals actuals, Pages pages) {

    Register {
        indicators = List.copyOf(indicators);
        milestones = List.copyOf(milestones);
    }

    /** Per unit of {@code orgUnitIds}, its value of each of the register's indicators on min(asOf, 31 December). */
    @FunctionalInterface
    interface Actuals {
        Map<Long, Map<String, BigDecimal>> asOf(Collection<Long> orgUnitIds, int year, LocalDate asOf);
    }

    /** The register's pages under {@code /p/employment/<path>} and JSON under {@code /api/v1/p/employment/<path>}. */
    interface Pages {
        WebResult html(WebRequest request, String method, List<String> path);

        WebResult api(WebRequest request, String method, List<String> path);
    }
}
