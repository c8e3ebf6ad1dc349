package org.jixiao.project.prevention.internal.transfer;

import java.sql.SQLException;
import java.time.LocalDate;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterHooks;

/** A transfer's days follow its steps: the deadline after the request, each step on or after the one before. */
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
    }

    private static void after(RecordChange change, String later, String earlier,
            ValidationException.Collector errors) {
        if (change.values().get(later) instanceof LocalDate l && change.values().get(earlier) instanceof LocalDate e
                && l.isBefore(e) && !errors.has(later)) {
            errors.add(later, "transfer.beforeStep");
        }
    }
}
