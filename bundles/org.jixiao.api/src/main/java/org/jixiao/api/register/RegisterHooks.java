package org.jixiao.api.register;

import java.sql.SQLException;

import org.jixiao.api.ValidationException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a register needs beyond its declared fields: cross-field and cross-register rules, and rows kept in step with
 * its records. Each method runs inside the write's transaction; nothing is written when one throws.
 */
@ConsumerType
public interface RegisterHooks {

    RegisterHooks NONE = new RegisterHooks() {
    };

    /**
     * Adds the errors of the change to {@code errors}, keyed by field name (or another key the page shows at the
     * top), as message keys of the project. Called after the field rules, with every field error already in
     * {@code errors}, so a form shows all problems at once. A deletion is checked here too ({@link
     * RecordChange.Kind#DELETE}, with the record in {@code before}): refuse one that would break a rule.
     */
    default void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
    }

    /** Called after the record is written, before the transaction commits: keep derived rows in step here. */
    default void afterWrite(RecordChange change) throws SQLException {
    }
}
