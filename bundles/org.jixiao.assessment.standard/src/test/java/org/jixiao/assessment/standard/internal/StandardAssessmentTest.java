package org.jixiao.assessment.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.EvaluationResult;
import org.jixiao.api.assessment.IndicatorInput;
import org.jixiao.api.assessment.ScorePart;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;
import org.junit.jupiter.api.Test;

/**
 * Every expected figure is computed by hand in the comments, from the rules in README.md, and asserted as an
 * exact BigDecimal (value and scale): a change in rounding shows up here even when the value only moves by 0.01.
 */
class StandardAssessmentTest {

    private final StandardAssessment module = new StandardAssessment();

    @Test
    void allPartsPresent() {
        UnitScore s = score(unit(1, indicators("100", "90", "80", "87.5", "80", null), 4, 3, true, "88", "92.5", "90",
                "2"));

        // indicators: (100 + 90 + 80 + 87.5 + 80) / 5 = 437.5 / 5 = 87.5; the null one is not counted
        //             87.5 × 50 / 100 = 43.75
        assertPart(s, "indicators", "50.00", "87.50", "43.75",
                "5 项指标平均完成率 87.50%（另有 1 项无法评判，不计入），权重 50%");
        // timeliness: 3 / 4 × 100 = 75;   75 × 10 / 100 = 7.50
        assertPart(s, "timeliness", "10.00", "75.00", "7.50", "到期时间节点 4 个，按时完成 3 个，按时率 75.00%，权重 10%");
        // self-assessment accepted: 100 × 5 / 100 = 5.00
        assertPart(s, "selfAssessment", "5.00", "100.00", "5.00", "自我评估已通过审核，按 100 计，权重 5%");
        // youth 88 × 15 / 100 = 13.20;  leader 92.5 × 10 / 100 = 9.25;  team 90 × 10 / 100 = 9.00
        assertPart(s, "youth", "15.00", "88.00", "13.20", "青年评价得分 88.00，权重 15%");
        assertPart(s, "leader", "10.00", "92.50", "9.25", "领导评价得分 92.50，权重 10%");
        assertPart(s, "team", "10.00", "90.00", "9.00", "考核小组评分 90.00，权重 10%");
        // bonus 2 is under the cap of 5
        assertPart(s, "bonus", "0.00", null, "2.00", "书记室批准加分 2 分");
        // 43.75 + 7.50 + 5.00 + 13.20 + 9.25 + 9.00 = 87.70;  + 2.00 bonus = 89.70
        assertEquals(new BigDecimal("89.70"), s.total());
        assertEquals(List.of("indicators", "timeliness", "selfAssessment", "youth", "leader", "team", "bonus"),
                s.parts().stream().map(ScorePart::part).toList());
    }

    @Test
    void youthAndLeaderMissingShareTheirWeightInProportion() {
        UnitScore s = score(unit(1, indicators("100", "90", "80", "87.5", "80", null), 4, 3, true, null, null, "90",
                null));

        // present weights: indicators 50 + timeliness 10 + self-assessment 5 + team 10 = 75
        // indicators: 87.5 × 50 / 75 = 4375 / 75 = 58.333… → 58.33;  effective weight 50 × 100 / 75 = 66.67
        //   (rounding the weight first would give 87.5 × 66.67 / 100 = 58.33625 → 58.34: the fraction is kept
        //   exact and rounded once)
        assertPart(s, "indicators", "66.67", "87.50", "58.33",
                "5 项指标平均完成率 87.50%（另有 1 项无法评判，不计入），权重 50%，因缺项按比例调整为 66.67%");
        // timeliness: 75 × 10 / 75 = 10.00;  weight 10 × 100 / 75 = 13.333… → 13.33
        assertPart(s, "timeliness", "13.33", "75.00", "10.00",
                "到期时间节点 4 个，按时完成 3 个，按时率 75.00%，权重 10%，因缺项按比例调整为 13.33%");
        // self-assessment: 100 × 5 / 75 = 6.666… → 6.67;  weight 5 × 100 / 75 = 6.67
        assertPart(s, "selfAssessment", "6.67", "100.00", "6.67",
                "自我评估已通过审核，按 100 计，权重 5%，因缺项按比例调整为 6.67%");
        assertPart(s, "youth", "0.00", null, "0.00", "尚无青年评价得分，本项不计，其权重 15% 按比例分给其余各项，既不扣分也不加分");
        assertPart(s, "leader", "0.00", null, "0.00", "尚无领导评价得分，本项不计，其权重 10% 按比例分给其余各项，既不扣分也不加分");
        // team: 90 × 10 / 75 = 12.00;  weight 13.33
        assertPart(s, "team", "13.33", "90.00", "12.00", "考核小组评分 90.00，权重 10%，因缺项按比例调整为 13.33%");
        assertPart(s, "bonus", "0.00", null, "0.00", "无加分");
        // 58.33 + 10.00 + 6.67 + 12.00 = 87.00
        assertEquals(new BigDecimal("87.00"), s.total());
    }

    @Test
    void aUnitScoringFullMarksOnWhatExistsIsNeitherPunishedNorHelpedByTheMissingParts() {
        UnitScore s = score(unit(1, indicators("100"), 2, 2, true, null, null, "100", null));

        // present 75: 100 × 50/75 = 66.67, 100 × 10/75 = 13.33, 100 × 5/75 = 6.67, 100 × 10/75 = 13.33
        // 66.67 + 13.33 + 6.67 + 13.33 = 100.00
        assertEquals(new BigDecimal("100.00"), s.total());
    }

    @Test
    void noIndicatorJudgeableLeavesTheIndicatorsOut() {
        UnitScore s = score(unit(1, indicators(null, null), 5, 5, false, "80", "70", "60", null));

        // present weights: 10 + 5 + 15 + 10 + 10 = 50, so every present weight doubles
        assertPart(s, "indicators", "0.00", null, "0.00",
                "没有可评判完成率的指标，本项不计，其权重 50% 按比例分给其余各项，既不扣分也不加分");
        // timeliness 5/5 → 100;  100 × 10 / 50 = 20.00
        assertPart(s, "timeliness", "20.00", "100.00", "20.00",
                "到期时间节点 5 个，按时完成 5 个，按时率 100.00%，权重 10%，因缺项按比例调整为 20%");
        // self-assessment not accepted → 0;  0 × 5 / 50 = 0.00
        assertPart(s, "selfAssessment", "10.00", "0.00", "0.00",
                "自我评估未通过审核，按 0 计，权重 5%，因缺项按比例调整为 10%");
        // youth 80 × 15 / 50 = 24.00;  leader 70 × 10 / 50 = 14.00;  team 60 × 10 / 50 = 12.00
        assertPart(s, "youth", "30.00", "80.00", "24.00", "青年评价得分 80.00，权重 15%，因缺项按比例调整为 30%");
        assertPart(s, "leader", "20.00", "70.00", "14.00", "领导评价得分 70.00，权重 10%，因缺项按比例调整为 20%");
        assertPart(s, "team", "20.00", "60.00", "12.00", "考核小组评分 60.00，权重 10%，因缺项按比例调整为 20%");
        // 20.00 + 0.00 + 24.00 + 14.00 + 12.00 = 70.00
        assertEquals(new BigDecimal("70.00"), s.total());

        // no indicators at all is the same case
        UnitScore none = score(unit(1, indicators(), 5, 5, false, "80", "70", "60", null));
        assertEquals(new BigDecimal("70.00"), none.total());
        assertPart(none, "indicators", "0.00", null, "0.00",
                "没有可评判完成率的指标，本项不计，其权重 50% 按比例分给其余各项，既不扣分也不加分");
    }

    @Test
    void noMilestoneDueCountsAsFullyOnTime() {
        UnitScore s = score(unit(1, indicators("60"), 0, 0, true, "70", "80", "75", null));

        // indicators 60 × 50 / 100 = 30.00
        assertPart(s, "indicators", "50.00", "60.00", "30.00", "1 项指标平均完成率 60.00%，权重 50%");
        // nothing due → raw 100, not missing: 100 × 10 / 100 = 10.00
        assertPart(s, "timeliness", "10.00", "100.00", "10.00", "本年度没有到期的时间节点，按 100 计，权重 10%");
        // 30.00 + 10.00 + 5.00 + (70 × 15 / 100 = 10.50) + (80 × 10 / 100 = 8.00) + (75 × 10 / 100 = 7.50) = 71.00
        assertEquals(new BigDecimal("71.00"), s.total());
    }

    @Test
    void bonusIsCappedAtFivePoints() {
        UnitScore s = score(unit(1, indicators("100"), 1, 1, true, "100", "100", "100", "7"));

        // every part at 100: 50 + 10 + 5 + 15 + 10 + 10 = 100.00; bonus 7 → 5.00; total 105.00
        assertPart(s, "bonus", "0.00", null, "5.00", "书记室批准加分 7 分，超过上限 5 分，按 5 分计");
        assertEquals(new BigDecimal("105.00"), s.total());
    }

    @Test
    void bonusBelowZeroCountsAsNoneAndFractionsRoundHalfUp() {
        UnitScore negative = score(unit(1, indicators("100"), 1, 1, true, "100", "100", "100", "-3"));
        assertPart(negative, "bonus", "0.00", null, "0.00", "加分 -3 为负数，按 0 计");
        assertEquals(new BigDecimal("100.00"), negative.total());

        // 1.235 → 1.24 (HALF_UP); 100.00 + 1.24 = 101.24
        UnitScore fraction = score(unit(1, indicators("100"), 1, 1, true, "100", "100", "100", "1.235"));
        assertPart(fraction, "bonus", "0.00", null, "1.24", "书记室批准加分 1.235 分");
        assertEquals(new BigDecimal("101.24"), fraction.total());

        // exactly the cap is not "above" it
        UnitScore cap = score(unit(1, indicators("100"), 1, 1, true, "100", "100", "100", "5"));
        assertPart(cap, "bonus", "0.00", null, "5.00", "书记室批准加分 5 分");
    }

    @Test
    void rawScoresOutsideZeroToHundredAreClamped() {
        UnitScore s = score(unit(1, indicators("130", "50"), 4, 6, false, "-10", "120", "100.5", null));

        // completions clamped one by one: 130 → 100, so (100 + 50) / 2 = 75;  75 × 50 / 100 = 37.50
        // (clamping the mean instead would give (130 + 50) / 2 = 90: one over-fulfilled indicator must not
        // cover another)
        assertPart(s, "indicators", "50.00", "75.00", "37.50",
                "2 项指标平均完成率 75.00%（其中 1 项完成率超出 0–100，按 0 或 100 计），权重 50%");
        // 6 on time of 4 due = 150 → 100;  100 × 10 / 100 = 10.00
        assertPart(s, "timeliness", "10.00", "100.00", "10.00",
                "到期时间节点 4 个，按时完成 6 个，按时率 150.00%（原始值 150 超出 0–100，按 100 计），权重 10%");
        // youth -10 → 0 → 0.00;  leader 120 → 100 → 10.00;  team 100.5 → 100 → 10.00
        assertPart(s, "youth", "15.00", "0.00", "0.00", "青年评价得分 0.00（原始值 -10 超出 0–100，按 0 计），权重 15%");
        assertPart(s, "leader", "10.00", "100.00", "10.00",
                "领导评价得分 100.00（原始值 120 超出 0–100，按 100 计），权重 10%");
        assertPart(s, "team", "10.00", "100.00", "10.00",
                "考核小组评分 100.00（原始值 100.5 超出 0–100，按 100 计），权重 10%");
        // 37.50 + 10.00 + 0.00 (self-assessment not accepted) + 0.00 + 10.00 + 10.00 = 67.50
        assertEquals(new BigDecimal("67.50"), s.total());
    }

    @Test
    void fractionsWithoutAFiniteDecimalAreRoundedOnceAtThePoints() {
        UnitScore s = score(unit(1, indicators("100", "100", "50"), 3, 1, true, "90", "90", "90", null));

        // indicators: 250 / 3 = 83.333…, shown 83.33;  (250 / 3) × 50 / 100 = 41.666… → 41.67
        assertPart(s, "indicators", "50.00", "83.33", "41.67", "3 项指标平均完成率 83.33%，权重 50%");
        // timeliness: 1 / 3 × 100 = 33.333…, shown 33.33;  (100 / 3) × 10 / 100 = 3.333… → 3.33
        assertPart(s, "timeliness", "10.00", "33.33", "3.33", "到期时间节点 3 个，按时完成 1 个，按时率 33.33%，权重 10%");
        // 41.67 + 3.33 + 5.00 + 13.50 + 9.00 + 9.00 = 81.50
        assertEquals(new BigDecimal("81.50"), s.total());
    }

    @Test
    void identicalInputsGiveIdenticalResults() {
        EvaluationInput first = new EvaluationInput(2013, List.of(
                unit(7, indicators("100", "90", "80", "87.5", "80", null), 4, 3, true, null, null, "90", "7"),
                unit(8, indicators("33.3333"), 3, 2, false, "61.115", "0", null, "1.005")));
        EvaluationInput second = new EvaluationInput(2013, List.of(
                unit(7, indicators("100", "90", "80", "87.5", "80", null), 4, 3, true, null, null, "90", "7"),
                unit(8, indicators("33.3333"), 3, 2, false, "61.115", "0", null, "1.005")));

        EvaluationResult a = module.evaluate(first);
        EvaluationResult b = module.evaluate(second);
        EvaluationResult again = module.evaluate(first);
        EvaluationResult otherInstance = new StandardAssessment().evaluate(second);

        assertNotSame(a, b);
        assertEquals(a, b);
        assertEquals(a, again);
        assertEquals(a, otherInstance);
        assertEquals(first, second, "evaluating must not alter its input");
    }

    @Test
    void resultsFollowTheInputOrder() {
        EvaluationInput input = new EvaluationInput(2013, List.of(
                unit(30, indicators("10"), 0, 0, false, null, null, null, null),
                unit(10, indicators("100"), 0, 0, true, "100", "100", "100", "5"),
                unit(20, indicators("50"), 0, 0, true, null, null, null, null)));

        EvaluationResult result = module.evaluate(input);

        assertEquals(List.of(30L, 10L, 20L), result.scores().stream().map(UnitScore::orgUnitId).toList());
        // 30: present 50 + 10 + 5 = 65; 10 × 50/65 = 7.69, 100 × 10/65 = 15.38, 0 → 23.07
        // 10: 100.00 + 5 bonus = 105.00
        // 20: 50 × 50/65 = 38.46, 100 × 10/65 = 15.38, 100 × 5/65 = 7.69 → 61.53
        assertEquals(List.of(new BigDecimal("23.07"), new BigDecimal("105.00"), new BigDecimal("61.53")),
                result.scores().stream().map(UnitScore::total).toList());
    }

    @Test
    void anEmptyRunHasNoScores() {
        assertEquals(List.of(), module.evaluate(new EvaluationInput(2013, List.of())).scores());
    }

    @Test
    void nominalWeightsAddUpToHundred() {
        assertEquals(0, Arrays.stream(Part.values()).map(Part::weight).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(BigDecimal.valueOf(100)));
    }

    private UnitScore score(UnitInput unit) {
        List<UnitScore> scores = module.evaluate(new EvaluationInput(2013, List.of(unit))).scores();
        assertEquals(1, scores.size());
        return scores.get(0);
    }

    private static void assertPart(UnitScore score, String key, String weight, String raw, String points,
            String explanation) {
        ScorePart part = score.parts().stream().filter(p -> p.part().equals(key)).findFirst().orElseThrow();
        assertEquals(new BigDecimal(weight), part.weight(), key + " weight");
        if (raw == null) {
            assertNull(part.raw(), key + " raw");
        } else {
            assertEquals(new BigDecimal(raw), part.raw(), key + " raw");
        }
        assertEquals(new BigDecimal(points), part.points(), key + " points");
        assertEquals(explanation, part.explanation(), key + " explanation");
    }

    private static UnitInput unit(long id, List<IndicatorInput> indicators, int due, int onTime, boolean accepted,
            String youth, String leader, String team, String bonus) {
        return new UnitInput(id, "unit " + id, indicators, due, onTime, accepted, decimal(youth), decimal(leader),
                decimal(team), decimal(bonus));
    }

    private static List<IndicatorInput> indicators(String... completions) {
        List<IndicatorInput> list = new ArrayList<>();
        for (int i = 0; i < completions.length; i++) {
            BigDecimal completion = decimal(completions[i]);
            list.add(new IndicatorInput("i" + i, "indicator " + i, completion, completion == null ? null
                    : BigDecimal.valueOf(100), completion != null && completion.compareTo(BigDecimal.valueOf(100)) >= 0,
                    completion));
        }
        return list;
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
