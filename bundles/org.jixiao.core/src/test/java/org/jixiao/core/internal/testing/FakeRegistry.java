package org.jixiao.core.internal.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;

/**
 * A registry holding the projects a test adds, each in the state the test gives it; shared by the tests of
 * every core service that reads projects.
 */
public final class FakeRegistry implements ProjectRegistry {

    private final Map<String, KeyProject> projects = new LinkedHashMap<>();
    private final Map<String, ProjectState> states = new LinkedHashMap<>();

    public FakeRegistry add(KeyProject project, ProjectState state) {
        projects.put(project.id(), project);
        states.put(project.id(), state);
        return this;
    }

    @Override
    public List<ProjectStatus> projects(Locale locale) {
        List<ProjectStatus> out = new ArrayList<>();
        states.forEach((id, state) -> out.add(new ProjectStatus(id, projects.get(id).name(locale), "1.0.0", state,
                null)));
        out.sort(Comparator.comparing(ProjectStatus::id));
        return out;
    }

    @Override
    public Optional<KeyProject> active(String id) {
        return states.get(id) == ProjectState.ACTIVE ? Optional.of(projects.get(id)) : Optional.empty();
    }

    @Override
    public List<ProjectIndicators> indicators(Actor actor, int year) {
        return List.of();
    }

    @Override
    public List<ProjectIndicators> indicators(Actor actor, int year, long orgUnitId) {
        return List.of();
    }
}
