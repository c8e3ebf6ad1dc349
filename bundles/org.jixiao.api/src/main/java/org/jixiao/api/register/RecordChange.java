package org.jixiao.api.register;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A write the engine is about to make or has just made, given to {@link RegisterHooks} inside its transaction.
 */
@ProviderType
public interface RecordChange {

    enum Kind { CREATE, UPDATE, DELETE, TRANSITION }

    Kind kind();

    RegisterDefinition register();

    Actor actor();

    /** The node's today, in its zone. */
    LocalDate today();

    /** The connection of the write's transaction: read with it, and write derived rows with it. */
    Connection connection();

    /** The record as it was, absent for a creation. */
    Optional<RegisterRecord> before();

    /**
     * The parsed values the record will have (or has, after the write); empty for a deletion. In
     * {@link RegisterHooks#validate} a resident-ID field holds the number in clear, as entered (null when an edit
     * keeps the stored one); after the write, its mask.
     */
    Map<String, Object> values();

    /** The record's id: already allocated for a creation. */
    long id();

    /** The unit the record will belong to. */
    long unitId();

    /** The transition taken, for {@link Kind#TRANSITION}. */
    Optional<Transition> transition();

    /**
     * The parent record of a child register's record, in {@link RegisterHooks#validate} of a creation too, so that
     * rules needing the parent (a visit within its pairing's dates, say) refuse before anything is written.
     *
     * @since 1.1
     */
    default Optional<Long> parentId() {
        return Optional.empty();
    }
}
