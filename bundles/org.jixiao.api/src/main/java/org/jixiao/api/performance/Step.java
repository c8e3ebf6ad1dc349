package org.jixiao.api.performance;

/** The steps of a performance year, in the policy's order (绩效管理程序). */
public enum Step {
    /** 确定目标: city departments set each unit's targets; the Organisation Department approves them. */
    TARGET_SETTING,
    /** 落实程序: units follow each project's procedure and time nodes. */
    EXECUTION,
    /** 跟踪管理: the city monitors progress and records problems. */
    TRACKING,
    /** 自我评估: each unit reports on its targets before year end. */
    SELF_ASSESSMENT,
    /** 青年评价: youth questionnaires rate each unit. */
    YOUTH_EVALUATION,
    /** 领导评价: leaders in charge of league work rate each unit. */
    LEADER_EVALUATION,
    /** 综合评价: the assessment team's year-end evaluation with bonus points. */
    COMPREHENSIVE_EVALUATION,
    /** The ranking is published and frozen. */
    PUBLISHED;

    /** The step after this one; PUBLISHED is last. */
    public Step next() {
        Step[] all = values();
        return ordinal() + 1 < all.length ? all[ordinal() + 1] : this;
    }
}
