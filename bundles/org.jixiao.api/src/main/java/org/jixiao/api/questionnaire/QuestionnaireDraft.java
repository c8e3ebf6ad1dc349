package org.jixiao.api.questionnaire;

import java.util.List;

/** What the builder submits; texts in zh-CN, English optional. */
public record QuestionnaireDraft(EvaluationType type, String titleZh, String titleEn, String introZh, String introEn,
        List<Section> sections) {

    public QuestionnaireDraft {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }
}
