package org.jixiao.api.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which records an indicator or a public page takes: every clause holds (AND). A clause compares one field (or the
 * workflow's {@code state}) with codes or literal values as they are stored: choice codes, {@code true}/{@code false},
 * numbers in plain notation.
 */
public record Condition(List<Clause> clauses) {

    /** Every record. */
    public static final Condition ALL = new Condition(List.of());

    public enum Op {
        /** The value is one of {@code values}; for a multi-choice, one of its codes is. */
        IN,
        /** The value is none of {@code values} (a blank value is none of them). */
        NOT_IN,
        /** The field has a value. */
        PRESENT,
        /** The field has no value. */
        ABSENT
    }

    /** One comparison; {@code field} is a field name or {@code state}. */
    public record Clause(String field, Op op, List<String> values) {
        public Clause {
            Objects.requireNonNull(field);
            Objects.requireNonNull(op);
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    public Condition {
        clauses = List.copyOf(clauses);
    }

    public static Condition where(String field, String... values) {
        return ALL.and(field, values);
    }

    public Condition and(String field, String... values) {
        return and(new Clause(field, Op.IN, List.of(values)));
    }

    public Condition and(Clause clause) {
        List<Clause> all = new ArrayList<>(clauses);
        all.add(clause);
        return new Condition(all);
    }

    public Condition present(String field) {
        return and(new Clause(field, Op.PRESENT, List.of()));
    }
}
