package org.jixiao.project.employment.internal;

import java.util.List;

/** A youth record as a test states it, every field as the form's text; the engine validates it. */
record YouthInput(String name, String gender, String idNumber, String county, String education,
        String type, String needs, List<String> needCategories, String registeredOn, String phone) {

    YouthInput {
        needCategories = needCategories == null ? List.of() : List.copyOf(needCategories);
    }
}
