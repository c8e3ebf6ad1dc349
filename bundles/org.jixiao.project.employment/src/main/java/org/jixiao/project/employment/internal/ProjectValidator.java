package org.jixiao.project.employment.internal;

import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.ValidationException;

/**
 * Field helpers of the project's own pages and writes beside the engine (refresh confirmations, loan reports,
 * summaries): a county in the actor's reach, a positive id.
 */
final class ProjectValidator {

    private ProjectValidator() {
    }

    /**
     * A county is an org unit of level COUNTY in the actor's scope; a county user's own county when left blank.
     * Out-of-scope and unknown ids give the same answer.
     */
    static Long county(OrgUnitService orgUnits, Actor actor, String raw, ValidationException.Collector errors,
            String requiredKey, String invalidKey) {
        if (blank(raw)) {
            if (actor.orgUnit().level() == OrgLevel.COUNTY) {
                return actor.orgUnit().id();
            }
            errors.add("county", requiredKey);
            return null;
        }
        Long id = positiveId(raw);
        Optional<OrgUnit> unit = id == null ? Optional.empty() : orgUnits.findVisible(actor, id);
        if (unit.isEmpty() || unit.get().level() != OrgLevel.COUNTY) {
            errors.add("county", invalidKey);
            return null;
        }
        return id;
    }

    /** A positive id of at most 18 digits, or null. */
    static Long positiveId(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (!s.matches("[1-9]\\d{0,17}")) {
            return null;
        }
        return Long.parseLong(s);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
