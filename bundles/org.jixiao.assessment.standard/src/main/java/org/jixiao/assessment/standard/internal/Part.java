package org.jixiao.assessment.standard.internal;

import java.math.BigDecimal;

/**
 * The weighted parts of a unit's score, in the order they are reported. The keys are stable: the results page
 * and stored runs refer to them. The weights add up to 100; changing one changes the arithmetic and therefore
 * {@link StandardAssessment#VERSION}.
 */
enum Part {

    INDICATORS("indicators", 50),
    TIMELINESS("timeliness", 10),
    SELF_ASSESSMENT("selfAssessment", 5),
    YOUTH("youth", 15),
    LEADER("leader", 10),
    TEAM("team", 10);

    /** Not a weighted part: the bonus is added on top, so it is reported with weight 0. */
    static final String BONUS = "bonus";

    private final String key;
    private final BigDecimal weight;

    Part(String key, int weight) {
        this.key = key;
        this.weight = BigDecimal.valueOf(weight);
    }

    String key() {
        return key;
    }

    /** Nominal weight in percent, before any missing part's weight is shared out. */
    BigDecimal weight() {
        return weight;
    }
}
