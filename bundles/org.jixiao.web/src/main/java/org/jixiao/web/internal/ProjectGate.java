package org.jixiao.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;

/**
 * Finds the project a route names. While a project's bundle is updated or refreshed its service goes away for a
 * moment, though the bundle stays installed; a client must not take that moment for "no such page" (a 404 makes
 * forms and scripts give up), so a request to a project that is installed but between versions is held until the
 * new version serves, for a short while, and is then told to come back ({@link Unavailable}: 503 with Retry-After).
 * A project that is not installed, or that failed, is not found: neither comes back on its own.
 */
final class ProjectGate {

    /** Long enough for a bundle update or refresh, which takes well under a second here; short for a held thread. */
    static final Duration HOLD = Duration.ofSeconds(2);
    /** What Retry-After says once the hold is over. */
    static final int RETRY_AFTER_SECONDS = 3;

    private static final long POLL_MILLIS = 25;

    private final ProjectRegistry projects;
    private final Duration hold;
    /**
     * The ids that served since the node started. Mid-update a bundle may be listed as neither active nor on its way
     * (Felix between uninstalling the old revision and resolving the new): such an id is held all the same.
     */
    private final Set<String> served = ConcurrentHashMap.newKeySet();

    ProjectGate(ProjectRegistry projects) {
        this(projects, HOLD);
    }

    ProjectGate(ProjectRegistry projects, Duration hold) {
        this.projects = Objects.requireNonNull(projects, "projects");
        this.hold = Objects.requireNonNull(hold, "hold");
    }

    /** A known project that is momentarily not serving: answered 503 with Retry-After. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String id) {
            super("key project " + id + " is being updated");
        }
    }

    /**
     * The active project {@code id}; waits up to the hold while it is between versions.
     *
     * @throws NotFoundException for an id no installed project carries, or one that failed
     * @throws Unavailable when the project is still between versions after the hold
     */
    KeyProject find(String id) {
        if (id == null) {
            throw new NotFoundException("no project");
        }
        Optional<KeyProject> project = projects.active(id);
        if (project.isPresent()) {
            served.add(id);
            return project.get();
        }
        long deadline = System.nanoTime() + hold.toNanos();
        while (served.contains(id) || swapping(id)) {
            project = projects.active(id);
            if (project.isPresent()) {
                return project.get();
            }
            if (System.nanoTime() - deadline >= 0) {
                if (swapping(id)) {
                    throw new Unavailable(id);
                }
                // Served once, and now neither serving nor on its way after the hold: removed, or failed.
                break;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable(id);
            }
        }
        // It may have become active between the two looks.
        return projects.active(id).orElseThrow(() -> new NotFoundException("project " + id));
    }

    /** Installed and on its way to serving: stopped or resolved during an update, or waiting for its services. */
    private boolean swapping(String id) {
        List<ProjectStatus> statuses;
        try {
            statuses = projects.projects(Locale.ROOT);
        } catch (RuntimeException e) {
            // Reading the bundles can fail while one of them is half updated: that is the moment being waited out.
            return true;
        }
        // Any bundle of the id: an upgrade by feature installs the new version beside the old one.
        for (ProjectStatus s : statuses) {
            if (s.id().equals(id) && (s.state() == ProjectState.WAITING || s.state() == ProjectState.STOPPED)) {
                return true;
            }
        }
        return false;
    }
}
