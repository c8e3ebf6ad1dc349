package org.jixiao.api.questionnaire;

/** Who answers, as the policy names them; message key {@code respondent.<NAME>}. */
public enum RespondentCategory {
    /** 学生代表 */
    STUDENT(EvaluationType.YOUTH),
    /** 城市青年 */
    URBAN_YOUTH(EvaluationType.YOUTH),
    /** 农村青年 */
    RURAL_YOUTH(EvaluationType.YOUTH),
    /** 青年创业者 */
    ENTREPRENEUR(EvaluationType.YOUTH),
    /** 农村进城务工青年 */
    MIGRANT_WORKER(EvaluationType.YOUTH),
    /** 分管团青工作的领导 */
    LEADER(EvaluationType.LEADER);

    private final EvaluationType type;

    RespondentCategory(EvaluationType type) {
        this.type = type;
    }

    /** The evaluation this category answers in. */
    public EvaluationType type() {
        return type;
    }
}
