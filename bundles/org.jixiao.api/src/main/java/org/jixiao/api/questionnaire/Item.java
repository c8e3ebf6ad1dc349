package org.jixiao.api.questionnaire;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question.
 *
 * @param key stable within a questionnaire version: {@code <section>.<item>}, both from 1 ({@code 2.3}); assigned by
 *        the service from the position, ignored in a draft
 * @param weight how much the item counts in a response's score, greater than 0 for scored items; ignored for TEXT
 * @param choices the levels or options, at least two, for RATING and SINGLE_CHOICE; none for TEXT
 * @param required a respondent must answer it (a TEXT item is never required)
 */
public record Item(String key, ItemKind kind, String textZh, String textEn, BigDecimal weight, List<Choice> choices,
        boolean required) {

    public Item {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public boolean scored() {
        return kind != ItemKind.TEXT;
    }
}
