package org.jixiao.api.assessment;

import java.util.List;

/** The inputs of one evaluation run: the year and every evaluated unit. */
public record EvaluationInput(int year, List<UnitInput> units) {

    public EvaluationInput {
        units = List.copyOf(units);
    }
}
