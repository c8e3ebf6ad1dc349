package org.jixiao.core.internal.evaluation;

import org.jixiao.api.assessment.AssessmentModule;
import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.EvaluationResult;

/**
 * What the benchmark needs of the evaluation package beyond its public constructor: binding a module as SCR
 * would, and the snapshot's JSON round trip on its own (to see what it costs within a run).
 */
public final class EvaluationAccess {

    private EvaluationAccess() {
    }

    public static void bind(EvaluationServiceImpl service, AssessmentModule module) {
        service.bindModule(module);
    }

    /** The checks a run makes on its documents: write both, read both back, compare. */
    public static int roundTrip(EvaluationInput input, EvaluationResult result) {
        String in = Documents.toJson(input);
        String out = Documents.toJson(result);
        if (!input.equals(Documents.input(in)) || !result.equals(Documents.result(out))) {
            throw new IllegalStateException("documents do not survive their round trip");
        }
        return Documents.pieces(in).size() + Documents.pieces(out).size();
    }

    public static int jsonLength(EvaluationInput input) {
        return Documents.toJson(input).length();
    }

    /** How many threads a run gathers its units on. */
    public static int gatherThreads() {
        return EvaluationServiceImpl.GATHER_THREADS;
    }
}
