package org.jixiao.project.employment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * A stored youth record as read back. The resident ID number is present only as ciphertext and mask; reading
 * the number itself goes through {@link YouthService#revealIdNumber}, which audits.
 */
record Youth(long id, String name, String gender, LocalDate birthDate, String idMask, String idCipher, long countyId,
        Education education, YouthType type, String needs, Set<NeedCategory> needCategories, LocalDate registeredOn,
        String phone, Instant createdAt, Instant updatedAt) {

    Youth {
        needCategories = Set.copyOf(needCategories);
    }

    int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
