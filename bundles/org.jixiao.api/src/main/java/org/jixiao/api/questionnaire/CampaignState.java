package org.jixiao.api.questionnaire;

/** A campaign is prepared, then answered between its dates, then closed for good. */
public enum CampaignState {
    /** Being prepared: units, categories, quotas and dates may change; codes may be issued and printed. */
    DRAFT,
    /** Answers are accepted on the days between opens and closes (both included). */
    OPEN,
    /** No more answers; its scores are final and have fed the evaluation. */
    CLOSED
}
