package org.jixiao.api.register;

import java.sql.SQLException;
import java.util.Map;

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

    /**
     * The values of {@link Field.Flag#READ_ONLY} fields that follow from the others, such as a birth year taken from
     * the ID number (in clear here), so that a record need not keep what would give the number away. Called after
     * {@link #validate}; the engine checks what it returns against the fields' rules and stores it with the record.
     * The change may hold errors already: derive nothing from a value that is not valid.
     */
    default Map<String, Object> derive(RecordChange change) throws SQLException {
        return Map.of();
    }

    /** Called after the record is written, before the transaction commits: keep derived rows in step here. */
    default void afterWrite(RecordChange change) throws SQLException {
    }

    /**
     * How long after the day in its {@link Field.Flag#ARCHIVE} field a record is archived (a period a setting of the
     * project may hold, read with {@code c}): from then on it is in no list unless the list asks for the archived.
     *
     * @since 1.4
     */
    default java.time.Period archiveAfter(java.sql.Connection c) throws SQLException {
        return java.time.Period.ZERO;
    }

    /**
     * Called once per record by the engine's one-time encryption of the clear values its table held before fields
     * were declared {@link Field.Flag#ENCRYPTED encrypted}, in that encryption's transaction, after the record's
     * {@code _CIPHER} and {@code _HASH} columns are written and its clear columns emptied: a project that kept
     * something computed from the clear values (a fingerprint of a survey) converts it here, the last time they are
     * at hand.
     *
     * @param recordId the record, deleted or not
     * @param clear    the clear values just encrypted, by field name (those that were not null)
     * @since 1.5
     */
    default void clearValuesEncrypted(java.sql.Connection c, long recordId, Map<String, String> clear)
            throws SQLException {
    }
}
