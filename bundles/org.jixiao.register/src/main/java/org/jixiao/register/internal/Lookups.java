package org.jixiao.register.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.project.KeyProject;

/**
 * What the pages need besides {@link org.jixiao.api.register.RegisterService}: names for the ids records hold, and
 * a record's history. Every method applies the actor's scope like the service does.
 */
public interface Lookups {

    /** A choice in a picker: a record's or a user's id and the text that names it. */
    record Option(long id, String label) {
    }

    /** One line of a record's history: a creation, an edit, a step of its workflow or its deletion. */
    record Entry(Instant at, long userId, String username, String action, String fromState, String toState,
            String reason, List<String> fields) {
    }

    /**
     * A registration refused because another unit holds the person (a key held across units), for the city to
     * resolve: the record that holds it, where, and who tried.
     */
    record Conflict(long id, String register, long recordId, String recordTitle, String holdingUnit,
            String requestingUnit, String requestedBy, Instant at) {
    }

    /** The project's open conflicts; only the city (a user of the root unit who reads the register) sees them. */
    List<Conflict> conflicts(Actor actor, KeyProject project);

    /** Closes a conflict with what the city decided; a city writer only, a resolution required. */
    void resolveConflict(Actor actor, KeyProject project, long id, String resolution);

    /** The titles of the records of {@code register} the actor may see among {@code ids}. */
    Map<Long, String> titles(Actor actor, KeyProject project, String register, Collection<Long> ids);

    /** Records of {@code register} whose title contains {@code query}, for a picker; at most {@code limit}. */
    List<Option> search(Actor actor, KeyProject project, String register, String query, int limit);

    /** The evaluated units (counties, districts, zones) the actor may file records for, in tree order. */
    List<OrgUnit> units(Actor actor);

    /** A unit's name, "" when unknown. */
    String unitName(long unitId);

    /** Users' display names by id, for user fields. */
    Map<Long, String> userNames(Collection<Long> userIds);

    /** Users holding {@code role} ("" any) whose unit the actor covers, for a user field's picker. */
    List<Option> users(Actor actor, String role);

    /** The record's history, newest first; the record must be visible to the actor. */
    List<Entry> history(Actor actor, KeyProject project, String register, long id);

    /**
     * The sealed records of a child register below a parent the actor reaches, by id only, for a holder of one of
     * its offices (who may ask to open them); empty for anyone else. Audited when any is named.
     */
    List<Long> sealed(Actor actor, KeyProject project, String register, long parentId);

    /** A record just created, and the record as a read answers it, or null when its writer may not read it. */
    record Created(long id, org.jixiao.api.register.RegisterRecord record) {
    }

    /**
     * Creates a record as {@link org.jixiao.api.register.RegisterService#create} does, and reads it back as
     * {@link org.jixiao.api.register.RegisterService#get} would, audit line included, in the same transaction: one
     * durable commit for an API call that answers with what it created. When that read would be refused (the record
     * sealed as it was written, or beyond its writer's reach) the record is still created, without its read: the
     * caller asks {@code get} for it and answers as it answers.
     */
    Created createAndRead(Actor actor, KeyProject project, String register, java.util.Map<String, ?> input);
}
