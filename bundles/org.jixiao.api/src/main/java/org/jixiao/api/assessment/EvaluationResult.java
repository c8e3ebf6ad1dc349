package org.jixiao.api.assessment;

import java.util.List;

/** The scores of every unit of an input, in the input's order. */
public record EvaluationResult(List<UnitScore> scores) {

    public EvaluationResult {
        scores = List.copyOf(scores);
    }
}
