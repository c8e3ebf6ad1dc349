package org.jixiao.api.questionnaire;

/** What an item asks for. */
public enum ItemKind {
    /** A rating scale with labelled levels (很满意/满意/一般/不满意), each worth points; scored. */
    RATING,
    /** One choice among options, each worth points; scored. */
    SINGLE_CHOICE,
    /** Free text; never scored, shown to the city only. */
    TEXT
}
