package org.jixiao.core.internal.questionnaire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.OrgUnit;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.Choice;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.UnitScores;
import org.jixiao.api.questionnaire.UnitScores.CategoryScores;
import org.jixiao.api.questionnaire.UnitScores.Decision;
import org.jixiao.api.questionnaire.UnitScores.ItemScores;

/**
 * The arithmetic of the scores, without a database. A response scores Σ weight × points / Σ weight over the scored
 * items it answered (null when it answered none); a unit, a category or an item scores the mean over its
 * responses that have a score, rounded HALF_UP to two decimals once, at the end: response scores are kept as exact
 * fractions, so that 100/3 and 200/3 average to exactly 50.00.
 */
final class Scoring {

    static final int SCALE = 2;

    private Scoring() {
    }

    /** A response as scoring sees it: the unit rated, the category, the chosen level (from 1) per item key. */
    record Response(long orgUnitId, RespondentCategory category, Map<String, Integer> choices) {
    }

    /** An exact non-negative fraction. */
    record Fraction(BigInteger numerator, BigInteger denominator) {

        static Fraction of(BigDecimal numerator, BigDecimal denominator) {
            int scale = Math.max(Math.max(numerator.scale(), denominator.scale()), 0);
            return new Fraction(numerator.movePointRight(scale).toBigIntegerExact(),
                    denominator.movePointRight(scale).toBigIntegerExact()).reduced();
        }

        Fraction plus(Fraction o) {
            return new Fraction(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                    denominator.multiply(o.denominator)).reduced();
        }

        Fraction dividedBy(long n) {
            return new Fraction(numerator, denominator.multiply(BigInteger.valueOf(n))).reduced();
        }

        private Fraction reduced() {
            BigInteger gcd = numerator.gcd(denominator);
            return gcd.signum() == 0 || gcd.equals(BigInteger.ONE) ? this
                    : new Fraction(numerator.divide(gcd), denominator.divide(gcd));
        }

        /** Rounded HALF_UP to two decimals: the exact quotient is rounded, nothing before. */
        BigDecimal rounded() {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator), SCALE, RoundingMode.HALF_UP);
        }
    }

    /** The points of choice {@code choice} (from 1) of a scored item, or null when out of range. */
    static BigDecimal points(Item item, Integer choice) {
        if (choice == null || !item.scored() || choice < 1 || choice > item.choices().size()) {
            return null;
        }
        Choice c = item.choices().get(choice - 1);
        return c.points();
    }

    /** Σ weight × points / Σ weight over the answered scored items; null when none is answered. */
    static Fraction responseScore(List<Item> items, Map<String, Integer> choices) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Item item : items) {
            BigDecimal p = points(item, choices.get(item.key()));
            if (p != null) {
                weighted = weighted.add(item.weight().multiply(p));
                weights = weights.add(item.weight());
            }
        }
        return weights.signum() == 0 ? null : Fraction.of(weighted, weights);
    }

    /** The mean of the fractions, rounded; null when there are none. */
    static BigDecimal mean(Collection<Fraction> scores) {
        if (scores.isEmpty()) {
            return null;
        }
        Fraction sum = new Fraction(BigInteger.ZERO, BigInteger.ONE);
        for (Fraction f : scores) {
            sum = sum.plus(f);
        }
        return sum.dividedBy(scores.size()).rounded();
    }

    /** The mean of the points, rounded; null when there are none. */
    static BigDecimal meanPoints(Collection<BigDecimal> points) {
        if (points.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal p : points) {
            sum = sum.add(p);
        }
        return sum.divide(BigDecimal.valueOf(points.size()), SCALE, RoundingMode.HALF_UP);
    }

    /** What a campaign adds to the arithmetic: its quotas, its minimum and what was decided and fed per unit. */
    record Frame(Questionnaire questionnaire, List<CategoryQuota> quotas, int minResponses,
            Map<Long, Decision> decisions, Set<Long> fed, boolean english) {
    }

    /**
     * Each unit's scores, in the order of {@code units}.
     *
     * @param withScores false to give the response counts only (every score null)
     */
    static List<UnitScores> units(Frame frame, List<OrgUnit> units, List<Response> responses, boolean withScores) {
        List<Item> items = frame.questionnaire().items();
        Map<Long, List<Response>> byUnit = new HashMap<>();
        for (Response r : responses) {
            byUnit.computeIfAbsent(r.orgUnitId(), k -> new ArrayList<>()).add(r);
        }
        int quota = frame.quotas().stream().mapToInt(CategoryQuota::quota).sum();
        List<UnitScores> out = new ArrayList<>(units.size());
        for (OrgUnit unit : units) {
            List<Response> mine = byUnit.getOrDefault(unit.id(), List.of());
            List<Fraction> all = new ArrayList<>();
            Map<RespondentCategory, List<Fraction>> perCategory = new EnumMap<>(RespondentCategory.class);
            Map<RespondentCategory, Integer> counts = new EnumMap<>(RespondentCategory.class);
            for (Response r : mine) {
                counts.merge(r.category(), 1, Integer::sum);
                List<Fraction> cat = perCategory.computeIfAbsent(r.category(), k -> new ArrayList<>());
                Fraction f = responseScore(items, r.choices());
                if (f != null) {
                    all.add(f);
                    cat.add(f);
                }
            }
            List<CategoryScores> categories = new ArrayList<>();
            for (CategoryQuota q : frame.quotas()) {
                categories.add(new CategoryScores(q.category(),
                        withScores ? mean(perCategory.getOrDefault(q.category(), List.of())) : null,
                        counts.getOrDefault(q.category(), 0), q.quota()));
            }
            List<ItemScores> itemScores = new ArrayList<>();
            for (Item item : items) {
                if (!item.scored()) {
                    continue;
                }
                List<BigDecimal> points = new ArrayList<>();
                for (Response r : mine) {
                    BigDecimal p = points(item, r.choices().get(item.key()));
                    if (p != null) {
                        points.add(p);
                    }
                }
                String text = frame.english() && item.textEn() != null ? item.textEn() : item.textZh();
                itemScores.add(new ItemScores(item.key(), text, withScores ? meanPoints(points) : null, points.size()));
            }
            boolean below = mine.size() < frame.minResponses();
            Decision decision = below ? frame.decisions().getOrDefault(unit.id(), Decision.NONE) : Decision.NONE;
            out.add(new UnitScores(unit.id(), unit.name(), withScores ? mean(all) : null, mine.size(), quota, below,
                    decision, frame.fed().contains(unit.id()), categories, itemScores));
        }
        return out;
    }
}
