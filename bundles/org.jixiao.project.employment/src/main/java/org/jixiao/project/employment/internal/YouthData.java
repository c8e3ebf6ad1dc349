package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.Set;

/**
 * A youth record that passed validation, normalised for storage.
 *
 * @param idNumber the normalised resident ID number; held only in memory, stored encrypted
 */
record YouthData(String name, String gender, LocalDate birthDate, String idNumber, long countyId, Education education,
        YouthType type, String needs, Set<NeedCategory> needCategories, LocalDate registeredOn, String phone) {

    YouthData {
        needCategories = Set.copyOf(needCategories);
    }
}
