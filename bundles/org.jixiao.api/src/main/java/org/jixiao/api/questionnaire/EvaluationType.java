package org.jixiao.api.questionnaire;

import org.jixiao.api.assessment.ScoreKind;

/** Which evaluation of the policy a questionnaire serves, and the score it feeds. */
public enum EvaluationType {
    /** 青年评价: youth rate each county/district, development zone and department. */
    YOUTH(ScoreKind.YOUTH),
    /** 领导评价: the leaders in charge of league work rate each unit. */
    LEADER(ScoreKind.LEADER);

    private final ScoreKind scoreKind;

    EvaluationType(ScoreKind scoreKind) {
        this.scoreKind = scoreKind;
    }

    public ScoreKind scoreKind() {
        return scoreKind;
    }
}
