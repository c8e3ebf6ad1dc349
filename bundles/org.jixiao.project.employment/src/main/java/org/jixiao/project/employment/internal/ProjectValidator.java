package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.ValidationException;

/**
 * The field rules of an entrepreneurship project. Pure apart from the org-unit lookup; whether the founder is a
 * live youth of the same county needs the database and is checked by the service inside the transaction.
 */
final class ProjectValidator {

    static final int NAME_MAX = 100;
    static final int SUPPORT_MAX = 1000;
    /** Nothing was registered before the action began; an earlier date is a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    static final String NAME_REQUIRED = "venture.name.required";
    static final String NAME_TOO_LONG = "venture.name.tooLong";
    static final String FOUNDER_REQUIRED = "venture.founder.required";
    static final String FOUNDER_UNKNOWN = "venture.founder.unknown";
    static final String FOUNDER_OTHER_COUNTY = "venture.founder.otherCounty";
    static final String SECTOR_REQUIRED = "venture.sector.required";
    static final String SECTOR_INVALID = "venture.sector.invalid";
    static final String STAGE_REQUIRED = "venture.stage.required";
    static final String STAGE_INVALID = "venture.stage.invalid";
    static final String SUPPORT_TOO_LONG = "venture.support.tooLong";
    static final String COUNTY_REQUIRED = "venture.county.required";
    static final String COUNTY_INVALID = "venture.county.invalid";
    static final String REGISTERED_INVALID = "venture.registeredOn.invalid";
    static final String REGISTERED_FUTURE = "venture.registeredOn.future";
    static final String REGISTERED_TOO_EARLY = "venture.registeredOn.tooEarly";

    private final OrgUnitService orgUnits;

    ProjectValidator(OrgUnitService orgUnits) {
        this.orgUnits = orgUnits;
    }

    /** @return the normalised project, or null when any field is wrong (each problem added to {@code errors}) */
    ProjectData validate(Actor actor, ProjectInput in, LocalDate today, ValidationException.Collector errors) {
        String name = in.name() == null ? null : in.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add("name", NAME_REQUIRED);
            name = null;
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            errors.add("name", NAME_TOO_LONG);
            name = null;
        }

        Long founder = null;
        if (blank(in.founder())) {
            errors.add("founder", FOUNDER_REQUIRED);
        } else {
            founder = positiveId(in.founder());
            if (founder == null) {
                // A negative, zero or non-numeric id names nobody.
                errors.add("founder", FOUNDER_UNKNOWN);
            }
        }

        ProjectSector sector = null;
        if (blank(in.sector())) {
            errors.add("sector", SECTOR_REQUIRED);
        } else {
            sector = Enums.parse(ProjectSector.class, in.sector()).orElse(null);
            if (sector == null) {
                errors.add("sector", SECTOR_INVALID);
            }
        }

        ProjectStage stage = null;
        if (blank(in.stage())) {
            errors.add("stage", STAGE_REQUIRED);
        } else {
            stage = Enums.parse(ProjectStage.class, in.stage()).orElse(null);
            if (stage == null) {
                errors.add("stage", STAGE_INVALID);
            }
        }

        String support = blank(in.support()) ? null : in.support().strip();
        boolean supportOk = support == null || support.codePointCount(0, support.length()) <= SUPPORT_MAX;
        if (!supportOk) {
            errors.add("support", SUPPORT_TOO_LONG);
        }

        Long countyId = county(orgUnits, actor, in.county(), errors, COUNTY_REQUIRED, COUNTY_INVALID);
        LocalDate registeredOn = date(in.registeredOn(), today, today, errors, "registeredOn", REGISTERED_INVALID,
                REGISTERED_FUTURE, REGISTERED_TOO_EARLY);

        if (name == null || founder == null || sector == null || stage == null || !supportOk || countyId == null
                || registeredOn == null) {
            return null;
        }
        return new ProjectData(name, founder, sector, stage, support, countyId, registeredOn);
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

    /**
     * An ISO date between {@link #EARLIEST} and {@code today}; {@code fallback} when blank (null: required, reported
     * as invalid).
     */
    static LocalDate date(String raw, LocalDate fallback, LocalDate today, ValidationException.Collector errors,
            String field, String invalidKey, String futureKey, String tooEarlyKey) {
        if (blank(raw)) {
            if (fallback == null) {
                errors.add(field, invalidKey);
            }
            return fallback;
        }
        LocalDate d = Dates.parse(raw);
        if (d == null) {
            errors.add(field, invalidKey);
        } else if (d.isAfter(today)) {
            errors.add(field, futureKey);
            d = null;
        } else if (d.isBefore(EARLIEST)) {
            errors.add(field, tooEarlyKey);
            d = null;
        }
        return d;
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
