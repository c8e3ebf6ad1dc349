package org.jixiao.core.internal.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;

/**
 * A tiny key project with two absolute indicators (≥200 people trained, ≥400 loans), shared by the tests of the
 * services that read a unit's targets and actuals.
 */
public class TrainingProject extends StubProject {

    public static final String ID = "demo";
    public static final String TRAINED = "trained";
    public static final String LOANS = "loans";

    /** The demo project's name and the words of its trained indicator, shared with the performance tests' demo. */
    public static final Map<String, String> DEMO_MESSAGES = Map.of("project.name", "示范项目",
            "indicator.trained", "培训青年", "unit.person", "人");

    public TrainingProject() {
        super(ID, with(DEMO_MESSAGES, Map.of("indicator.loans", "小额贷款", "unit.loan", "笔")),
                List.of(trained("附件2 第4项"), new IndicatorDefinition(LOANS, "indicator.loans", "unit.loan",
                        Comparison.AT_LEAST, BigDecimal.valueOf(400), "附件2 第7项")));
    }

    /** At least 200 young people trained, from the policy's {@code clause}. */
    public static IndicatorDefinition trained(String clause) {
        return new IndicatorDefinition(TRAINED, "indicator.trained", "unit.person", Comparison.AT_LEAST,
                BigDecimal.valueOf(200), clause);
    }
}
