package org.jixiao.web.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.MonthlyProgress;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Problem;
import org.jixiao.api.performance.TrackingService;

/**
 * Tracking (跟踪管理): {@code /perf/<year>/tracking/<unitId>} shows a unit's targets with the actual of each month's
 * end, its time nodes and its problems with the forms to record, update, mark rectified, close and reopen them;
 * {@code /perf/<year>/problems} lists every problem in scope; {@code /perf/procedure/<projectId>} shows the versions of
 * a project's corrected procedure with the form to revise it. The service decides who may do what; the pages only
 * offer it. No JavaScript.
 */
record TrackingPages(PageServlet pages, TrackingService tracking, MilestoneService milestones,
        OrgUnitService orgUnits) {

    private static final System.Logger LOG = System.getLogger(TrackingPages.class.getName());

    // ---------------------------------------------------------------- a unit

    /** Handles {@code /perf/<year>/tracking/<unitId>}; segment 3 is the unit. */
    void unit(PageServlet.Call call, PerformanceYear py) throws IOException {
        OrgUnit unit = PerformancePages.unit(call, orgUnits);
        long unitId = unit.id();
        int year = py.year();
        Map<String, Object> model = call.model();
        Long problemId = Http.parseId(call.param("problem"));
        int status = call.submit(model, "/perf/" + year + "/tracking/" + unitId + "?saved=1", action -> {
            switch (action) {
                case "record" -> tracking.record(call.actor, year, unitId, call.param("projectId"),
                        call.param("title"), call.request.getParameter("description"), call.param("owner"),
                        PerformancePages.optionalDate(call.param("dueOn"), "dueOn"));
                case "update" -> tracking.update(call.actor, id(problemId), call.request.getParameter("analysis"),
                        call.request.getParameter("measure"), call.param("owner"),
                        PerformancePages.optionalDate(call.param("dueOn"), "dueOn"));
                case "rectified" -> tracking.rectified(call.actor, id(problemId),
                        call.request.getParameter("evidence"));
                case "close" -> tracking.close(call.actor, id(problemId));
                case "reopen" -> tracking.reopen(call.actor, id(problemId), call.request.getParameter("reason"));
                default -> throw new NotFoundException(call.path);
            }
        }, e -> {
            model.put("failedProblem", problemId == null ? "" : String.valueOf(problemId));
            Map<String, String> submitted = new java.util.HashMap<>();
            for (String name : List.of("projectId", "title", "description", "owner", "dueOn", "analysis",
                    "measure", "evidence", "reason")) {
                String v = call.request.getParameter(name);
                if (v != null) {
                    submitted.put(name, v);
                }
            }
            model.put("submitted", submitted);
        });
        if (status == PageServlet.REDIRECTED) {
            return;
        }
        LocalDate today = LocalDate.now();
        List<MonthlyProgress> progress = tracking.progress(call.actor, year, unitId);
        List<Problem> problems = tracking.problems(call.actor, year, unitId);
        Set<String> projectIds = new LinkedHashSet<>();
        progress.forEach(p -> projectIds.add(p.indicator().projectId()));
        model.put("py", py);
        model.put("unit", unit);
        model.put("progress", progress);
        model.put("months", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        model.put("problems", problems);
        model.put("overdueIds", overdueIds(problems, today));
        model.put("projectIds", new ArrayList<>(projectIds));
        model.put("today", today.toString());
        model.put("canWrite", canWrite(call.actor));
        model.put("canDecide", canDecide(call.actor));
        model.put("dueMin", LocalDate.of(year, 1, 1).toString());
        model.put("dueMax", LocalDate.of(year + 1, 12, 31).toString());
        model.put("saved", call.param("saved") != null);
        putMilestones(call, year, unitId, model);
        pages.render(call, status, null, "perf-tracking", model);
    }

    /** The unit's time nodes and how many are in each state; nothing when they cannot be read. */
    private void putMilestones(PageServlet.Call call, int year, long unitId, Map<String, Object> model) {
        List<Milestone> nodes = List.of();
        try {
            nodes = milestones.milestones(call.actor, year, unitId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Time nodes of org unit " + unitId + " in " + year
                    + " could not be read", e);
        }
        model.put("milestones", nodes);
        model.put("milestoneCounts", PerformancePages.tally(Milestone.State.class, nodes, Milestone::state));
    }

    // ---------------------------------------------------------------- the city's list

    /** Handles {@code /perf/<year>/problems}. */
    void list(PageServlet.Call call, PerformanceYear py) throws IOException {
        if (call.post() || call.segments.length > 3) {
            throw new NotFoundException(call.path);
        }
        LocalDate today = LocalDate.now();
        List<Problem> problems = tracking.problems(call.actor, py.year(), null);
        Map<String, Object> model = call.model();
        model.put("py", py);
        model.put("problems", problems);
        model.put("overdueIds", overdueIds(problems, today));
        int overdue = 0;
        int pending = 0;
        for (Problem p : problems) {
            overdue += p.overdue(today) ? 1 : 0;
            pending += p.state().pending() ? 1 : 0;
        }
        model.put("overdueCount", overdue);
        model.put("pendingCount", pending);
        model.put("today", today.toString());
        pages.render(call, 200, null, "perf-problems", model);
    }

    // ---------------------------------------------------------------- procedures

    /** Handles {@code /perf/procedure/<projectId>}; segment 2 is the project. */
    void procedure(PageServlet.Call call) throws IOException {
        String projectId = call.seg(2);
        if (projectId == null || call.segments.length > 3 || !projectId.matches("[a-z0-9]{1,64}")) {
            throw new NotFoundException(call.path);
        }
        Map<String, Object> model = call.model();
        int status = 200;
        if (call.post()) {
            try {
                String problemText = call.param("problemId");
                Long problemId = null;
                if (problemText != null) {
                    problemId = Http.parseId(problemText);
                    if (problemId == null) {
                        throw ValidationException.of("problemId", "procedure.problem.unknown");
                    }
                }
                tracking.reviseProcedure(call.actor, projectId, call.request.getParameter("text"),
                        call.request.getParameter("reason"), problemId);
                Http.redirect(call.response, "/perf/procedure/" + projectId + "?saved=1");
                return;
            } catch (ValidationException e) {
                model.put("errors", e.fieldErrors());
                model.put("submittedText", call.request.getParameter("text"));
                model.put("submittedReason", call.request.getParameter("reason"));
                model.put("submittedProblem", call.param("problemId"));
                status = 400;
            }
        }
        var versions = tracking.procedure(projectId);
        model.put("projectId", projectId);
        model.put("versions", versions);
        model.put("current", versions.isEmpty() ? null : versions.get(0));
        model.put("canRevise", canRevise(call.actor));
        model.put("saved", call.param("saved") != null);
        pages.render(call, status, null, "perf-procedure", model);
    }

    // ---------------------------------------------------------------- who may

    /** Records, updates, marks rectified: staff and admins in scope, or the city with any role but VIEWER. */
    static boolean canWrite(Actor actor) {
        return actor.canWrite() || (city(actor) && actor.roles().stream().anyMatch(r -> r != Role.VIEWER));
    }

    /** Closes and reopens: an admin or assessor of the city. */
    static boolean canDecide(Actor actor) {
        return city(actor) && (actor.has(Role.ADMIN) || actor.has(Role.ASSESSOR));
    }

    /** Revises procedures: an admin or target setter of the city. */
    static boolean canRevise(Actor actor) {
        return city(actor) && (actor.has(Role.ADMIN) || actor.has(Role.TARGET_SETTER));
    }

    private static boolean city(Actor actor) {
        return actor.orgUnit() != null && actor.orgUnit().parentId() == null;
    }

    // ---------------------------------------------------------------- helpers

    /** Ids (as text, for the template) of the problems overdue on {@code today}. */
    static List<String> overdueIds(List<Problem> problems, LocalDate today) {
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            if (p.overdue(today)) {
                out.add(String.valueOf(p.id()));
            }
        }
        return out;
    }

    private static long id(Long problemId) {
        if (problemId == null) {
            throw new NotFoundException("problem");
        }
        return problemId;
    }
}
