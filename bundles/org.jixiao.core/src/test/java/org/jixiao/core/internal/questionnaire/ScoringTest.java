package org.jixiao.core.internal.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.Choice;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.Section;
import org.jixiao.api.questionnaire.UnitScores;
import org.jixiao.api.questionnaire.UnitScores.Decision;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static final List<Choice> SATISFACTION = List.of(new Choice("很满意", null, new BigDecimal("100")),
            new Choice("满意", null, new BigDecimal("80")), new Choice("一般", null, new BigDecimal("60")),
            new Choice("不满意", null, BigDecimal.ZERO));

    private static final List<Item> ITEMS = List.of(
            new Item("1.1", ItemKind.RATING, "总体评价", null, new BigDecimal("2"), SATISFACTION, true),
            new Item("1.2", ItemKind.SINGLE_CHOICE, "参加活动", null, BigDecimal.ONE,
                    List.of(new Choice("是", null, new BigDecimal("100")), new Choice("否", null, BigDecimal.ZERO)),
                    false),
            new Item("2.1", ItemKind.TEXT, "意见", null, null, List.of(), false));

    private static final Questionnaire Q = new Questionnaire(1, 1, 1, EvaluationType.YOUTH, "t", null, null, null,
            List.of(new Section("一", null, ITEMS.subList(0, 2)), new Section("二", null, ITEMS.subList(2, 3))), true,
            Instant.EPOCH, "x");

    private static BigDecimal score(Map<String, Integer> choices) {
        Scoring.Fraction f = Scoring.responseScore(ITEMS, choices);
        return f == null ? null : f.rounded();
    }

    @Test
    void aResponseScoresTheWeightedMeanOfItsAnsweredScoredItems() {
        // (2 × 100 + 1 × 0) / 3
        assertEquals(new BigDecimal("66.67"), score(Map.of("1.1", 1, "1.2", 2)));
        // (2 × 60 + 1 × 100) / 3
        assertEquals(new BigDecimal("73.33"), score(Map.of("1.1", 3, "1.2", 1)));
        // The optional 1.2 left out: 1.1 alone, whatever its weight.
        assertEquals(new BigDecimal("80.00"), score(Map.of("1.1", 2)));
        // Nothing scored answered: no score at all, not 0.
        assertNull(score(Map.of()));
        // Out-of-range choices and unknown keys count as unanswered.
        assertEquals(new BigDecimal("100.00"), score(Map.of("1.1", 1, "1.2", 9, "9.9", 1)));
    }

    @Test
    void meansAreRoundedHalfUpOnceFromExactFractions() {
        Scoring.Fraction third = Scoring.Fraction.of(new BigDecimal("100"), new BigDecimal("3"));
        Scoring.Fraction twoThirds = Scoring.Fraction.of(new BigDecimal("200"), new BigDecimal("3"));
        assertEquals(new BigDecimal("50.00"), Scoring.mean(List.of(third, twoThirds)));
        // 0.01/3 and 0.02/3 average to exactly 0.005: HALF_UP gives 0.01 (rounded thirds would not be trusted).
        Scoring.Fraction a = Scoring.Fraction.of(new BigDecimal("0.01"), new BigDecimal("3"));
        Scoring.Fraction b = Scoring.Fraction.of(new BigDecimal("0.02"), new BigDecimal("3"));
        assertEquals(new BigDecimal("0.01"), Scoring.mean(List.of(a, b)));
        assertEquals(new BigDecimal("0.01"), Scoring.meanPoints(List.of(new BigDecimal("0.01"), BigDecimal.ZERO)));
        assertEquals(new BigDecimal("33.33"), third.rounded());
        assertEquals(new BigDecimal("66.67"), twoThirds.rounded());
        assertEquals(new Scoring.Fraction(BigInteger.valueOf(100), BigInteger.valueOf(3)), third);
        assertNull(Scoring.mean(List.of()));
        assertNull(Scoring.meanPoints(List.of()));
    }

    @Test
    void weightsWithDecimalsAreExact() {
        List<Item> items = List.of(
                new Item("1.1", ItemKind.RATING, "a", null, new BigDecimal("0.3333"), SATISFACTION, true),
                new Item("1.2", ItemKind.RATING, "b", null, new BigDecimal("0.6667"), SATISFACTION, true));
        // (0.3333 × 100 + 0.6667 × 60) / 1 = 33.33 + 40.002 = 73.332
        assertEquals(new BigDecimal("73.33"), Scoring.responseScore(items, Map.of("1.1", 1, "1.2", 3)).rounded());
    }

    @Test
    void unitsCategoriesAndItemsAreMeansOverTheirResponses() {
        OrgUnit c1 = new OrgUnit(10, 1L, "c1", "一县", OrgLevel.COUNTY, "/1/10/");
        OrgUnit c2 = new OrgUnit(11, 1L, "c2", "二县", OrgLevel.COUNTY, "/1/11/");
        OrgUnit z1 = new OrgUnit(12, 1L, "z1", "园区", OrgLevel.ZONE, "/1/12/");
        List<Scoring.Response> responses = List.of(
                new Scoring.Response(10, RespondentCategory.STUDENT, Map.of("1.1", 1, "1.2", 2)), // 66.67
                new Scoring.Response(10, RespondentCategory.STUDENT, Map.of("1.1", 4)), // 0
                new Scoring.Response(10, RespondentCategory.URBAN_YOUTH, Map.of("1.1", 3, "1.2", 1)), // 73.33
                new Scoring.Response(10, RespondentCategory.URBAN_YOUTH, Map.of()), // nothing scored
                new Scoring.Response(11, RespondentCategory.STUDENT, Map.of("1.1", 2))); // 80
        Scoring.Frame frame = new Scoring.Frame(Q, List.of(new CategoryQuota(RespondentCategory.STUDENT, 3),
                new CategoryQuota(RespondentCategory.URBAN_YOUTH, 2)), 2, Map.of(11L, Decision.EXCLUDE),
                Set.of(10L), false);
        List<UnitScores> scores = Scoring.units(frame, List.of(c1, c2, z1), responses, true);

        UnitScores u1 = scores.get(0);
        // (200/3 + 0 + 220/3) / 3 = 140/3: the response without a scored answer counts, but not in the mean
        assertEquals(new BigDecimal("46.67"), u1.score());
        assertEquals(4, u1.responses());
        assertEquals(5, u1.quota());
        assertFalse(u1.belowMinimum());
        assertTrue(u1.fed());
        assertEquals(Decision.NONE, u1.decision());
        assertEquals(new UnitScores.CategoryScores(RespondentCategory.STUDENT, new BigDecimal("33.33"), 2, 3),
                u1.categories().get(0));
        assertEquals(new UnitScores.CategoryScores(RespondentCategory.URBAN_YOUTH, new BigDecimal("73.33"), 2, 2),
                u1.categories().get(1));
        // Scored items only; each over the responses that answered it.
        assertEquals(List.of(new UnitScores.ItemScores("1.1", "总体评价", new BigDecimal("53.33"), 3),
                new UnitScores.ItemScores("1.2", "参加活动", new BigDecimal("50.00"), 2)), u1.items());

        UnitScores u2 = scores.get(1);
        assertEquals(new BigDecimal("80.00"), u2.score());
        assertTrue(u2.belowMinimum());
        assertEquals(Decision.EXCLUDE, u2.decision());
        assertFalse(u2.fed());
        assertNull(u2.categories().get(1).score());

        UnitScores u3 = scores.get(2);
        assertNull(u3.score());
        assertEquals(0, u3.responses());
        assertTrue(u3.belowMinimum());
        assertEquals(0, u3.items().get(0).answered());
        assertNull(u3.items().get(0).score());

        // Counts without scores, as shown before a campaign closes.
        UnitScores counts = Scoring.units(frame, List.of(c1), responses, false).get(0);
        assertNull(counts.score());
        assertEquals(4, counts.responses());
        assertNull(counts.categories().get(0).score());
        assertEquals(2, counts.categories().get(0).responses());
        assertNull(counts.items().get(0).score());
        assertEquals(3, counts.items().get(0).answered());
    }
}
