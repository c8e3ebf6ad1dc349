package org.jixiao.federation.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.federation.Outbox;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.performance.PerformanceCycleImpl;
import org.jixiao.core.internal.performance.TargetServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;

/** A node's core services of what the city owns: its org tree, its years, its targets; as the node's DS wires them. */
final class CityServices {

    final OrgUnitServiceImpl units;
    final PerformanceCycleImpl cycle;
    final TargetServiceImpl targets;

    CityServices(Store store, KeyProject project) {
        CoreSchema schema = new CoreSchema(store);
        units = new OrgUnitServiceImpl(store, schema);
        cycle = new PerformanceCycleImpl(store, schema);
        targets = new TargetServiceImpl(store, schema, new OneProject(project), units, cycle);
    }

    /** What DS binds on a county or city node: the federation's outbox (in a field of the first two). */
    void setOutbox(Outbox outbox) {
        for (Object service : List.of(units, cycle)) {
            try {
                var field = service.getClass().getDeclaredField("outbox");
                field.setAccessible(true);
                field.set(service, outbox);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        targets.setOutbox(outbox);
    }

    /** The one key project of the tests, active. */
    private record OneProject(KeyProject project) implements ProjectRegistry {
        @Override
        public List<ProjectStatus> projects(Locale locale) {
            return List.of(new ProjectStatus(project.id(), project.id(), "1.0.0", ProjectState.ACTIVE, null));
        }

        @Override
        public Optional<KeyProject> active(String id) {
            return Optional.of(project).filter(p -> p.id().equals(id));
        }

        @Override
        public List<ProjectRegistry.ProjectIndicators> indicators(Actor actor, int year) {
            return List.of();
        }

        @Override
        public List<ProjectRegistry.ProjectIndicators> indicators(Actor actor, int year, long orgUnitId) {
            return List.of();
        }
    }
}
