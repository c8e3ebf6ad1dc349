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

    record ProjectIndicators(String projectId, String projectName, List<IndicatorStatus> indicators) {
    }
}
