package org.jixiao.api.questionnaire;

import java.time.Instant;
import java.util.List;

/**
 * A questionnaire version. Versions of one questionnaire share its {@code familyId} (the id of version 1). A
 * version used by a campaign is frozen; saving a frozen one makes the next version.
 */
public record Questionnaire(long id, long familyId, int version, EvaluationType type, String titleZh, String titleEn,
        String introZh, String introEn, List<Section> sections, boolean frozen, Instant savedAt, String savedBy) {

    public Questionnaire {
        sections = List.copyOf(sections);
    }

    /** Every item in order. */
    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }
}
