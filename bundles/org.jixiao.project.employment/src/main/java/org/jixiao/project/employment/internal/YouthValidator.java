package org.jixiao.project.employment.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.ResidentIdNumber;
import org.jixiao.api.ValidationException;

/**
 * The field rules of a youth record. Pure apart from the org-unit lookup, so every rule is checked before the
 * database is touched; only the duplicate check, which needs the database, comes later.
 */
final class YouthValidator {

    static final int NAME_MAX = 50;
    static final int NEEDS_MAX = 500;
    static final int MIN_AGE = 16;
    static final int MAX_AGE = 45;

    static final String NAME_REQUIRED = "youth.name.required";
    static final String NAME_TOO_LONG = "youth.name.tooLong";
    static final String GENDER_REQUIRED = "youth.gender.required";
    static final String GENDER_INVALID = "youth.gender.invalid";
    static final String GENDER_MISMATCH = "youth.gender.mismatch";
    static final String BIRTH_REQUIRED = "youth.birthDate.required";
    static final String BIRTH_INVALID = "youth.birthDate.invalid";
    static final String BIRTH_MISMATCH = "youth.birthDate.mismatch";
    static final String BIRTH_AGE = "youth.birthDate.age";
    static final String ID_DUPLICATE = "youth.idNumber.duplicate";
    static final String COUNTY_REQUIRED = "youth.county.required";
    static final String COUNTY_INVALID = "youth.county.invalid";
    static final String EDUCATION_REQUIRED = "youth.education.required";
    static final String EDUCATION_INVALID = "youth.education.invalid";
    static final String TYPE_REQUIRED = "youth.type.required";
    static final String TYPE_INVALID = "youth.type.invalid";
    static final String NEEDS_TOO_LONG = "youth.needs.tooLong";
    static final String NEED_CATEGORY_INVALID = "youth.needCategories.invalid";
    static final String REGISTERED_INVALID = "youth.registeredOn.invalid";
    static final String REGISTERED_FUTURE = "youth.registeredOn.future";
    static final String PHONE_INVALID = "youth.phone.invalid";

    private static final Pattern PHONE = Pattern.compile("1\\d{10}");
    // People type phone numbers in groups; the separators carry no information.
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-]");

    private final OrgUnitService orgUnits;

    YouthValidator(OrgUnitService orgUnits) {
        this.orgUnits = orgUnits;
    }

    /**
     * Adds every problem of {@code in} to {@code errors}.
     *
     * @return the normalised record, or null when any field is wrong
     */
    YouthData validate(Actor actor, YouthInput in, LocalDate today, ValidationException.Collector errors) {
        String name = in.name() == null ? null : in.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add("name", NAME_REQUIRED);
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            errors.add("name", NAME_TOO_LONG);
        }

        String gender = null;
        if (blank(in.gender())) {
            errors.add("gender", GENDER_REQUIRED);
        } else {
            gender = in.gender().strip().toUpperCase(java.util.Locale.ROOT);
            if (!gender.equals("M") && !gender.equals("F")) {
                errors.add("gender", GENDER_INVALID);
                gender = null;
            }
        }

        LocalDate birthDate = null;
        if (blank(in.birthDate())) {
            errors.add("birthDate", BIRTH_REQUIRED);
        } else {
            birthDate = parseDate(in.birthDate());
            if (birthDate == null) {
                errors.add("birthDate", BIRTH_INVALID);
            }
        }

        String idNumber = null;
        Optional<String> idProblem = ResidentIdNumber.problem(in.idNumber(), today);
        if (idProblem.isPresent()) {
            errors.add("idNumber", idProblem.get());
        } else {
            idNumber = ResidentIdNumber.normalize(in.idNumber());
            if (gender != null && !gender.equals(ResidentIdNumber.gender(idNumber))) {
                errors.add("gender", GENDER_MISMATCH);
            }
            if (birthDate != null && !birthDate.equals(ResidentIdNumber.birthDate(idNumber))) {
                errors.add("birthDate", BIRTH_MISMATCH);
            }
        }

        Long countyId = county(actor, in.county(), errors);

        Education education = null;
        if (blank(in.education())) {
            errors.add("education", EDUCATION_REQUIRED);
        } else {
            education = Enums.parse(Education.class, in.education()).orElse(null);
            if (education == null) {
                errors.add("education", EDUCATION_INVALID);
            }
        }

        YouthType type = null;
        if (blank(in.type())) {
            errors.add("type", TYPE_REQUIRED);
        } else {
            type = Enums.parse(YouthType.class, in.type()).orElse(null);
            if (type == null) {
                errors.add("type", TYPE_INVALID);
            }
        }

        String needs = blank(in.needs()) ? null : in.needs().strip();
        if (needs != null && needs.codePointCount(0, needs.length()) > NEEDS_MAX) {
            errors.add("needs", NEEDS_TOO_LONG);
        }

        Set<NeedCategory> categories = EnumSet.noneOf(NeedCategory.class);
        for (String raw : in.needCategories()) {
            Optional<NeedCategory> c = Enums.parse(NeedCategory.class, raw);
            if (c.isPresent()) {
                categories.add(c.get());
            } else {
                errors.add("needCategories", NEED_CATEGORY_INVALID);
            }
        }

        LocalDate registeredOn = today;
        if (!blank(in.registeredOn())) {
            registeredOn = parseDate(in.registeredOn());
            if (registeredOn == null) {
                errors.add("registeredOn", REGISTERED_INVALID);
            } else if (registeredOn.isAfter(today)) {
                errors.add("registeredOn", REGISTERED_FUTURE);
                registeredOn = null;
            }
        }

        if (birthDate != null && registeredOn != null && !errors.has("birthDate")) {
            int age = birthDate.isAfter(registeredOn) ? -1 : Period.between(birthDate, registeredOn).getYears();
            if (age < MIN_AGE || age > MAX_AGE) {
                errors.add("birthDate", BIRTH_AGE);
            }
        }

        String phone = null;
        if (!blank(in.phone())) {
            phone = PHONE_SEPARATORS.matcher(in.phone()).replaceAll("");
            if (!PHONE.matcher(phone).matches()) {
                errors.add("phone", PHONE_INVALID);
            }
        }

        if (name == null || gender == null || birthDate == null || idNumber == null || countyId == null
                || education == null || type == null || registeredOn == null || hasAny(errors)) {
            return null;
        }
        return new YouthData(name, gender, birthDate, idNumber, countyId, education, type, needs, categories,
                registeredOn, phone);
    }

    /**
     * A county is an org unit of level COUNTY in the actor's scope. Out-of-scope and unknown ids give the same
     * answer, so the form reveals nothing about other units.
     */
    private Long county(Actor actor, String raw, ValidationException.Collector errors) {
        if (blank(raw)) {
            if (actor.orgUnit().level() == OrgLevel.COUNTY) {
                return actor.orgUnit().id();
            }
            errors.add("county", COUNTY_REQUIRED);
            return null;
        }
        long id;
        try {
            id = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            errors.add("county", COUNTY_INVALID);
            return null;
        }
        Optional<OrgUnit> unit = orgUnits.findVisible(actor, id);
        if (unit.isEmpty() || unit.get().level() != OrgLevel.COUNTY) {
            errors.add("county", COUNTY_INVALID);
            return null;
        }
        return id;
    }

    private static boolean hasAny(ValidationException.Collector errors) {
        for (String field : YouthInput.FIELDS) {
            if (errors.has(field)) {
                return true;
            }
        }
        return false;
    }

    /** ISO yyyy-MM-dd only: a date typed as 03/04/2013 is ambiguous and must be asked again, not guessed. */
    static LocalDate parseDate(String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
