package org.jixiao.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The org-unit tree, provided by the core. */
@ProviderType
public interface OrgUnitService {

    Optional<OrgUnit> find(long id);

    /** The unit and all units below it, in tree order. */
    List<OrgUnit> subtree(long rootId);

    /** Units of the actor's scope; what a unit picker offers. */
    default List<OrgUnit> visibleTo(Actor actor) {
        return subtree(actor.orgUnit().id());
    }

    /**
     * The unit with this id, if the actor may see it. Absent both when it does not exist and when it is
     * out of scope, so callers answer 404 either way and reveal nothing.
     */
    default Optional<OrgUnit> findVisible(Actor actor, long id) {
        return find(id).filter(actor::covers);
    }
}
