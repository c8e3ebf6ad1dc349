package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One youth record as a refresh compares it: its id and the fields whose change the refresh reports. No name, ID
 * number or phone: a snapshot holds nothing that identifies a person beyond the record's number.
 *
 * @param ageBand one of {@link YouthStats#AGE_BANDS}, as of the day of the snapshot (or today, for live records)
 */
record RefreshItem(long youthId, YouthType type, Education education, String ageBand, LocalDate registeredOn,
        Set<NeedCategory> needs) {

    RefreshItem {
        // Unmodifiable, iterating in enum order, so two equal sets print alike.
        needs = Collections.unmodifiableSet(needs.isEmpty() ? EnumSet.noneOf(NeedCategory.class) : EnumSet.copyOf(needs));
    }

    /** The needs as stored: names in enum order, comma separated, empty for none. */
    String needsText() {
        StringJoiner j = new StringJoiner(",");
        for (NeedCategory n : needs) {
            j.add(n.name());
        }
        return j.toString();
    }

    static Set<NeedCategory> parseNeeds(String text) {
        Set<NeedCategory> out = EnumSet.noneOf(NeedCategory.class);
        if (text != null) {
            for (String part : text.split(",")) {
                Enums.parse(NeedCategory.class, part).ifPresent(out::add);
            }
        }
        return out;
    }
}
