package org.jixiao.core.internal.performance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.core.internal.testing.StubProject;
import org.jixiao.core.internal.testing.TrainingProject;

/**
 * A tiny key project: one absolute indicator (≥200 people trained) and one baseline-relative one (≥ last year
 * + 10%), whose actuals come from a map the test fills in.
 */
final class DemoProject extends StubProject {

    static final String ID = "demo";
    static final String TRAINED = TrainingProject.TRAINED;
    static final String GROWTH = "growth";

    DemoProject() {
        this(ID);
    }

    DemoProject(String id) {
        super(id, with(TrainingProject.DEMO_MESSAGES, Map.of("indicator.growth", "增长", "unit.percent", "%")),
                List.of(TrainingProject.trained("附件2 第1项"), new IndicatorDefinition(GROWTH, "indicator.growth",
                        "unit.percent", Comparison.AT_LEAST, BigDecimal.valueOf(10), "附件3 第2项",
                        TargetKind.BASELINE_RELATIVE)));
    }
}
