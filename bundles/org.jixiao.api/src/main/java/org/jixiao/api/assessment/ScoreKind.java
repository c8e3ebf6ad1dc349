package org.jixiao.api.assessment;

/** The scores entered per unit for the comprehensive evaluation, each 0–100. */
public enum ScoreKind {
    /** 青年评价: from the youth questionnaires (entered from paper until the questionnaires are online). */
    YOUTH,
    /** 领导评价: from the leader questionnaires. */
    LEADER,
    /** The assessment team's own score. */
    TEAM
}
