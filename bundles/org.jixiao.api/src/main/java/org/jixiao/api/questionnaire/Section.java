package org.jixiao.api.questionnaire;

import java.util.List;

/** A titled group of items. */
public record Section(String titleZh, String titleEn, List<Item> items) {

    public Section {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
