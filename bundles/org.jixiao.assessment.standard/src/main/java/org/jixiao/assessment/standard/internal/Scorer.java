package org.jixiao.assessment.standard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.assessment.IndicatorInput;
import org.jixiao.api.assessment.ScorePart;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;

/**
 * The standard arithmetic, documented in this bundle's README.md. Holds no state besides its texts, so the
 * same unit always gives the same score.
 */
final class Scorer {

    /** The most bonus points a unit can get, however many the Secretaries' Office approves. */
    static final BigDecimal BONUS_CAP = new BigDecimal("5");

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal ALL_WEIGHTS = Ratio.HUNDRED;

    private final Messages text;

    Scorer(Messages text) {
        this.text = text;
    }

    /** What one part measured: the raw score (null when the input is missing) and how it came about. */
    private record Measure(Ratio raw, String explanation) {
    }

    UnitScore score(UnitInput unit) {
        Map<Part, Measure> measures = new EnumMap<>(Part.class);
        measures.put(Part.INDICATORS, indicators(unit.indicators()));
        measures.put(Part.TIMELINESS, timeliness(unit.milestonesDue(), unit.milestonesOnTime()));
        measures.put(Part.SELF_ASSESSMENT, selfAssessment(unit.selfAssessmentAccepted()));
        measures.put(Part.YOUTH, given("youth", unit.youthScore()));
        measures.put(Part.LEADER, given("leader", unit.leaderScore()));
        measures.put(Part.TEAM, given("team", unit.teamScore()));

        BigDecimal present = BigDecimal.ZERO;
        for (Map.Entry<Part, Measure> e : measures.entrySet()) {
            if (e.getValue().raw() != null) {
                present = present.add(e.getKey().weight());
            }
        }

        List<ScorePart> parts = new ArrayList<>(Part.values().length + 1);
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<Part, Measure> e : measures.entrySet()) {
            ScorePart part = weighted(e.getKey(), e.getValue(), present);
            parts.add(part);
            total = total.add(part.points());
        }
        ScorePart bonus = bonus(unit.bonus());
        parts.add(bonus);
        total = total.add(bonus.points());
        return new UnitScore(unit.orgUnitId(), total.setScale(2, RoundingMode.HALF_UP), parts);
    }

    private ScorePart weighted(Part part, Measure measure, BigDecimal present) {
        String nominal = plain(part.weight());
        if (measure.raw() == null || present.signum() == 0) {
            // Left out rather than scored 0: the unit could not have produced this input (no questionnaire run),
            // so its weight goes to the parts that exist.
            return new ScorePart(part.key(), ZERO, null, ZERO,
                    join(measure.explanation(), text.format("explain.weight.missing", nominal)));
        }
        Ratio raw = measure.raw();
        BigDecimal effective = part.weight().multiply(Ratio.HUNDRED).divide(present, 2, RoundingMode.HALF_UP);
        String weight = present.compareTo(ALL_WEIGHTS) == 0 ? text.format("explain.weight", nominal)
                : text.format("explain.weight.adjusted", nominal, plain(effective));
        return new ScorePart(part.key(), effective, raw.rounded(), raw.points(part.weight(), present),
                join(measure.explanation(), weight));
    }

    private Measure indicators(List<IndicatorInput> indicators) {
        BigDecimal sum = BigDecimal.ZERO;
        int judged = 0;
        int clamped = 0;
        for (IndicatorInput indicator : indicators) {
            if (indicator.completion() == null) {
                continue;
            }
            // Each completion is clamped on its own so that over-fulfilling one indicator cannot make up for
            // falling short on another; the API defines completion as 0–100 anyway.
            Ratio completion = Ratio.of(indicator.completion());
            if (!completion.inRange()) {
                clamped++;
            }
            sum = sum.add(completion.clamp().numerator());
            judged++;
        }
        if (judged == 0) {
            return new Measure(null, text.get("explain.indicators.missing"));
        }
        Ratio mean = new Ratio(sum, BigDecimal.valueOf(judged));
        String explanation = text.format("explain.indicators", Integer.toString(judged), fixed(mean.rounded()));
        int unjudged = indicators.size() - judged;
        if (unjudged > 0) {
            explanation = note(explanation, text.format("explain.indicators.unjudged", Integer.toString(unjudged)));
        }
        if (clamped > 0) {
            explanation = note(explanation, text.format("explain.indicators.clamped", Integer.toString(clamped)));
        }
        return new Measure(mean, explanation);
    }

    private Measure timeliness(int due, int onTime) {
        if (due <= 0) {
            // Nothing could be late, so nothing was.
            return new Measure(Ratio.of(Ratio.HUNDRED), text.get("explain.timeliness.none"));
        }
        Ratio rate = new Ratio(BigDecimal.valueOf(onTime).multiply(Ratio.HUNDRED), BigDecimal.valueOf(due));
        String explanation = text.format("explain.timeliness", Integer.toString(due), Integer.toString(onTime),
                fixed(rate.rounded()));
        return clamped(rate, explanation);
    }

    private Measure selfAssessment(boolean accepted) {
        return accepted ? new Measure(Ratio.of(Ratio.HUNDRED), text.get("explain.selfAssessment.accepted"))
                : new Measure(Ratio.of(BigDecimal.ZERO), text.get("explain.selfAssessment.notAccepted"));
    }

    private Measure given(String key, BigDecimal score) {
        if (score == null) {
            return new Measure(null, text.get("explain." + key + ".missing"));
        }
        Ratio raw = Ratio.of(score);
        return clamped(raw, text.format("explain." + key, fixed(raw.clamp().rounded())));
    }

    private Measure clamped(Ratio raw, String explanation) {
        if (raw.inRange()) {
            return new Measure(raw, explanation);
        }
        Ratio clamped = raw.clamp();
        return new Measure(clamped, note(explanation,
                text.format("explain.clamped", plain(raw.rounded()), plain(clamped.rounded()))));
    }

    private ScorePart bonus(BigDecimal approved) {
        if (approved == null || approved.signum() == 0) {
            return new ScorePart(Part.BONUS, ZERO, null, ZERO, text.get("explain.bonus.none"));
        }
        String given = plain(approved);
        if (approved.signum() < 0) {
            return new ScorePart(Part.BONUS, ZERO, null, ZERO, text.format("explain.bonus.negative", given));
        }
        if (approved.compareTo(BONUS_CAP) > 0) {
            return new ScorePart(Part.BONUS, ZERO, null, BONUS_CAP.setScale(2),
                    text.format("explain.bonus.capped", given, plain(BONUS_CAP)));
        }
        return new ScorePart(Part.BONUS, ZERO, null, approved.setScale(2, RoundingMode.HALF_UP),
                text.format("explain.bonus", given));
    }

    private String join(String first, String second) {
        return text.format("explain.join", first, second);
    }

    private String note(String main, String aside) {
        return text.format("explain.note", main, aside);
    }

    /** Percentages and scores: always two decimals, as on the results page ("87.50%"). */
    private static String fixed(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Weights and inputs as a reader would write them ("50%", "66.67%", "7 分"). */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
