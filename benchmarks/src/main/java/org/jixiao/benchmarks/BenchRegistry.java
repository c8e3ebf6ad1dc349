package org.jixiao.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;

/** The registry as the core's would answer with one active project (the real one needs a bundle context). */
final class BenchRegistry implements ProjectRegistry {

    private final KeyProject project;

    BenchRegistry(KeyProject project) {
        this.project = project;
    }

    @Override
    public List<ProjectStatus> projects(Locale locale) {
        return List.of(new ProjectStatus(project.id(), project.name(locale), "1.0.0", ProjectState.ACTIVE, null));
    }

    @Override
    public Optional<KeyProject> active(String id) {
        return project.id().equals(id) ? Optional.of(project) : Optional.empty();
    }

    @Override
    public List<ProjectIndicators> indicators(Actor actor, int year) {
        throw new UnsupportedOperationException("not used by the evaluation");
    }

    @Override
    public List<ProjectIndicators> indicators(Actor actor, int year, long orgUnitId) {
        throw new UnsupportedOperationException("not used by the evaluation");
    }
}
