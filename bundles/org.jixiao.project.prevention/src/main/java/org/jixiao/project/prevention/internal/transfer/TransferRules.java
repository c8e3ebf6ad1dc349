package org.jixiao.project.prevention.internal.transfer;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.project.prevention.internal.transfer.TransferRegister.ConsentBy;
import org.jixiao.project.prevention.internal.youth.YouthRegister;

/**
 * A transfer's days follow its steps: the deadline after the request, each step on or after the one before. A transfer
 * linking the youth to the scholarship or employment project passes the youth's data to another project: it carries
 * the consent (who gave it, when, how), given by the request day at the latest, and for a child under 14 by the
 * guardian (Personal Information Protection Law art. 31); without it the transfer is refused.
 */
final class TransferRules implements RegisterHooks {

    @Override
    public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
        if (change.kind() == RecordChange.Kind.DELETE) {
            return;
        }
        after(change, "deadline", "requestedOn", errors);
        after(change, "acceptedOn", "requestedOn", errors);
        after(change, "actedOn", "acceptedOn", errors);
        after(change, "reportedOn", "actedOn", errors);
        if (change.values().get("linkedProject") != null) {
            consent(change, errors);
        }
    }

    /** Age under which only the guardian consents to the processing of a child's personal data. */
    static final int CONSENT_AGE = 14;

    private static void consent(RecordChange change, ValidationException.Collector errors) throws SQLException {
        for (String f : List.of("consentBy", "consentOn", "consentWay")) {
            if (change.values().get(f) == null && !errors.has(f)) {
                errors.add(f, "transfer.consent.required");
            }
        }
        if (change.values().get("consentOn") instanceof LocalDate on
                && change.values().get("requestedOn") instanceof LocalDate requested && on.isAfter(requested)
                && !errors.has("consentOn")) {
            errors.add("consentOn", "transfer.consent.afterRequest");
        }
        if (change.values().get("consentOn") instanceof LocalDate on && change.parentId().isPresent()
                && ConsentBy.YOUTH.name().equals(change.values().get("consentBy"))) {
            LocalDate born = YouthRegister.birthDate(change.connection(), change.parentId().get());
            if (born != null && on.isBefore(born.plusYears(CONSENT_AGE))) {
                errors.add("consentBy", "transfer.consent.guardian");
            }
        }
    }

    private static void after(RecordChange change, String later, String earlier,
            ValidationException.Collector errors) {
        if (change.values().get(later) instanceof LocalDate l && change.values().get(earlier) instanceof LocalDate e
                && l.isBefore(e) && !errors.has(later)) {
            errors.add(later, "transfer.beforeStep");
        }
    }
}
