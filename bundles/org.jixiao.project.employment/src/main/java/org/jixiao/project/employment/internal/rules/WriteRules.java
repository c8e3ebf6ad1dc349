package org.jixiao.project.employment.internal.rules;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterHooks;

/**
 * What the project's registers' own rules share: they judge the values a creation or an update writes, so a deletion,
 * which writes none, passes; and no date of the programme lies before {@link Programme#EARLIEST}.
 */
public abstract class WriteRules implements RegisterHooks {

    @Override
    public final void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
        if (change.kind() != RecordChange.Kind.DELETE) {
            check(change, change.values(), errors);
        }
    }

    /** Adds what is wrong with the values {@code v} of a creation or an update. */
    protected abstract void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors)
            throws SQLException;

    /** {@code error} on the field when it holds a date before the programme. */
    public static void notTooEarly(RecordChange change, String field, String error,
            ValidationException.Collector errors) {
        if (change.values().get(field) instanceof LocalDate d && d.isBefore(Programme.EARLIEST)) {
            errors.add(field, error);
        }
    }
}
