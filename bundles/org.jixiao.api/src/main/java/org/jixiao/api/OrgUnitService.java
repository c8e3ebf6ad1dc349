package org.jixiao.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The org-unit tree, provided by the core. Reads are cheap (the tree is cached); writes need the ADMIN role
 * and stay inside the admin's own subtree.
 */
@ProviderType
public interface OrgUnitService {

    /** The root of the tree: the city. */
    OrgUnit root();

    /**
     * @throws ValidationException on a bad code, name, level or parent (nothing written)
     * @throws AccessDeniedException when the actor is no admin
     * @throws NotFoundException when the parent is out of the actor's scope
     */
    OrgUnit create(Actor actor, OrgUnitDraft draft);

    /** Renames or re-codes a unit; its place in the tree stays. */
    OrgUnit update(Actor actor, long id, OrgUnitDraft draft);

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
