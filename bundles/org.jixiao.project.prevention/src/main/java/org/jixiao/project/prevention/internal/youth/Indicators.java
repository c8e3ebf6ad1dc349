package org.jixiao.project.prevention.internal.youth;

import java.math.BigDecimal;
import java.util.List;

import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;

/**
 * The targets of POLICY.md section 4 that the registers already measure, with the policy's defaults: a key-youth
 * database per county and every key youth paired at both levels (100 %): a county professional and volunteer, and the
 * city department's second pairing (附件3: 每个重点青少年群体均有帮扶单位市、县两级人员开展结对帮扶).
 */
public final class Indicators {

    /** The clause of the policy every indicator comes from. */
    public static final String CLAUSE = "附件3";

    public static final IndicatorDefinition REGISTERED = new IndicatorDefinition("youth.registered",
            "indicator.youth.registered", "unit.person", Comparison.AT_LEAST, BigDecimal.ONE, CLAUSE);
    public static final IndicatorDefinition PAIRED = new IndicatorDefinition("pairing.rate", "indicator.pairing.rate",
            "unit.percent", Comparison.AT_LEAST, BigDecimal.valueOf(100), CLAUSE, TargetKind.SHARE);

    public static final List<IndicatorDefinition> ALL = List.of(REGISTERED, PAIRED);

    private Indicators() {
    }
}
