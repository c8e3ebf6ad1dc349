package org.jixiao.api.register;

import java.util.Objects;

import org.jixiao.api.project.IndicatorDefinition;

/**
 * An indicator computed from one register: the engine keeps its running totals per unit, year and month, updated in
 * the same transaction as each record, so its cost does not grow with the years of history.
 *
 * @param indicator what the core shows and targets (its id, name, unit, comparison and policy default)
 * @param kind      how records add up
 * @param field     the summed field ({@link Kind#SUM}) or the counted key ({@link Kind#DISTINCT}); null otherwise
 * @param where     which records count (the numerator of a {@link Kind#SHARE})
 * @param of        the denominator of a {@link Kind#SHARE}; ignored otherwise
 * @param day       the date field that places a record in time; null: the day the record was created
 * @param period    whether a year takes the records dated in it or every record dated up to the day asked
 */
public record Aggregate(IndicatorDefinition indicator, Kind kind, String field, Condition where, Condition of,
        String day, Period period) {

    public enum Kind {
        /** How many records. */
        COUNT,
        /** How many different values of {@code field} (a youth counted once however many records name them). */
        DISTINCT,
        /** The sum of {@code field}. */
        SUM,
        /** Records matching {@code where} among those matching {@code of}, in percent (0 when none). */
        SHARE,
        /** The year's count over last year's, in percent growth; not judged without last year's figure. */
        GROWTH
    }

    public enum Period {
        /** Records dated in the year, up to the day asked. */
        YEAR,
        /** Every live record dated up to the day asked, whatever its year: a stock such as bases open. */
        CUMULATIVE
    }

    public Aggregate {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(kind, "kind");
        where = where == null ? Condition.ALL : where;
        of = of == null ? Condition.ALL : of;
        period = period == null ? Period.YEAR : period;
        if ((kind == Kind.SUM || kind == Kind.DISTINCT) && field == null) {
            throw new IllegalArgumentException(kind + " of " + indicator.id() + " needs a field");
        }
    }

    public static Aggregate count(IndicatorDefinition indicator, Condition where, String day, Period period) {
        return new Aggregate(indicator, Kind.COUNT, null, where, null, day, period);
    }

    public static Aggregate distinct(IndicatorDefinition indicator, String field, Condition where, String day,
            Period period) {
        return new Aggregate(indicator, Kind.DISTINCT, field, where, null, day, period);
    }

    public static Aggregate sum(IndicatorDefinition indicator, String field, Condition where, String day,
            Period period) {
        return new Aggregate(indicator, Kind.SUM, field, where, null, day, period);
    }

    public static Aggregate share(IndicatorDefinition indicator, Condition where, Condition of, String day,
            Period period) {
        return new Aggregate(indicator, Kind.SHARE, null, where, of, day, period);
    }
}
