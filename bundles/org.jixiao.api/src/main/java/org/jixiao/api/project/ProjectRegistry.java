package org.jixiao.api.project;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/** The key projects installed on this node, as the core tracks them. */
@ProviderType
public interface ProjectRegistry {

    /** Every project bundle on the node, whatever its state, ordered by id. */
    List<ProjectStatus> projects(Locale locale);

    /** The project with this id if it is {@link ProjectState#ACTIVE}. */
    Optional<KeyProject> active(String id);

    /**
     * Each active project's indicators for the actor's org unit in {@code year}, computed live; projects with none
     * that year are left out.
     */
    List<ProjectIndicators> indicators(Actor actor, int year);

    /**
     * The same for one org unit of the actor's subtree, such as a county on the city's dashboard.
     *
     * @throws org.jixiao.api.AccessDeniedException when the unit is outside the actor's subtree
     * @throws org.jixiao.api.NotFoundException when there is no such unit
     */
    List<ProjectIndicators> indicators(Actor actor, int year, long orgUnitId);

    record ProjectIndicators(String projectId, String projectName, List<IndicatorStatus> indicators) {
    }
}
