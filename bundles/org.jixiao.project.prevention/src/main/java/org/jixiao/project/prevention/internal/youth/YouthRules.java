package org.jixiao.project.prevention.internal.youth;

import java.sql.SQLException;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import org.jixiao.api.ResidentIdNumber;
import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.project.prevention.internal.retention.Retention;

/**
 * A key youth is under 25 on registration (the programme's age; crime statistics count offenders under 25), and the
 * date of birth is the one the ID number states. The second pairing counts once the city department has paired a city
 * professional or a city volunteer (its member units are either kind: education has no professionals), on the day
 * of its last step.
 */
final class YouthRules implements RegisterHooks {

    static final int AGE_LIMIT = 25;

    /** The survey's fingerprints of the youth's facts follow them from clear to keyed hashes. */
    @Override
    public void clearValuesEncrypted(Connection c, long recordId, Map<String, String> clear) throws SQLException {
        org.jixiao.project.prevention.internal.survey.Survey.clearValuesEncrypted(c, recordId, clear);
    }

    @Override
    public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
        if (change.kind() != RecordChange.Kind.CREATE && change.kind() != RecordChange.Kind.UPDATE) {
            return;
        }
        Object birth = change.values().get("birthDate");
        if (!(birth instanceof LocalDate born) || errors.has("birthDate")) {
            return;
        }
        if (change.values().get("idNumber") instanceof String id && !errors.has("idNumber")
                && !id.contains("*") && !ResidentIdNumber.birthDate(ResidentIdNumber.normalize(id)).equals(born)) {
            errors.add("birthDate", "youth.birthDate.mismatch");
        }
        Object on = change.values().get("registeredOn");
        LocalDate day = on instanceof LocalDate d ? d : change.today();
        if (!born.plusYears(AGE_LIMIT).isAfter(day)) {
            errors.add("birthDate", "youth.tooOld");
        }
        if (change.values().get("leftOn") instanceof LocalDate left) {
            if (left.isBefore(day)) {
                errors.add("leftOn", "youth.leftBeforeRegistered");
            }
            if (change.values().get("leftReason") == null) {
                errors.add("leftReason", "youth.leftReason");
            }
        }
    }

    /** The city's retention period: an ended youth is archived that long after {@code endsOn}. */
    @Override
    public Period archiveAfter(Connection c) throws SQLException {
        return Period.ofMonths(Retention.months(c));
    }

    @Override
    public Map<String, Object> derive(RecordChange change) {
        Map<String, Object> out = new HashMap<>();
        // The youth's active life ends when it leaves the programme or turns 25, whichever comes first.
        if (change.values().get("birthDate") instanceof LocalDate born) {
            LocalDate aged = born.plusYears(AGE_LIMIT);
            out.put("endsOn", change.values().get("leftOn") instanceof LocalDate left && left.isBefore(aged) ? left
                    : aged);
        }
        out.put("cityPaired", change.values().get("cityProfessional") != null
                || change.values().get("cityVolunteer") != null);
        if (change.transition().filter(t -> t.id().equals(YouthRegister.PAIR_CITY_PROFESSIONAL)
                || t.id().equals(YouthRegister.PAIR_CITY_VOLUNTEER)).isPresent()) {
            out.put("cityPairedOn", change.today());
        }
        return out;
    }
}
