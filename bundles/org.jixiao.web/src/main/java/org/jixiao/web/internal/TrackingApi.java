package org.jixiao.web.internal;

import java.io.IOException;
import java.time.LocalDate;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.Problem;
import org.jixiao.api.performance.TrackingService;

/**
 * The JSON API of tracking (跟踪管理); the same service as {@link TrackingPages} answers, so a unit out of the
 * caller's scope is not found, and a problem is found only under its own year and unit.
 *
 * <pre>
 * GET  perf/years/{y}/tracking/{unitId}/progress    each target's actual at every month's end, with its completion
 * GET  perf/years/{y}/tracking/{unitId}/problems    POST the same {projectId, title, description, owner, dueOn}
 * PUT  perf/years/{y}/tracking/{unitId}/problems/{id} {analysis, measure, owner, dueOn}
 * POST perf/years/{y}/tracking/{unitId}/problems/{id}/rectified {evidence}
 * POST perf/years/{y}/tracking/{unitId}/problems/{id}/close
 * POST perf/years/{y}/tracking/{unitId}/problems/{id}/reopen {reason}
 * GET  perf/years/{y}/problems                      every problem of the year in the caller's scope
 * GET  perf/procedures/{projectId}                  POST the same {text, reason, problemId}: a project's procedure
 * </pre>
 */
record TrackingApi(TrackingService tracking) {

    /** Segment 6 onwards (segment 5 is "tracking") of {@code /api/v1/perf/years/{y}/tracking/...}. */
    void unit(ApiServlet.Call call, int year) throws IOException {
        int n = call.segments.length;
        long unitId = PerfApi.pathId(call.seg(6), call);
        String what = call.seg(7);
        if (n == 8 && "GET".equals(call.method) && "progress".equals(what)) {
            ApiServlet.send(call, 200, tracking.progress(call.actor, year, unitId));
        } else if (n == 8 && "GET".equals(call.method) && "problems".equals(what)) {
            ApiServlet.send(call, 200, tracking.problems(call.actor, year, unitId));
        } else if (n == 8 && "POST".equals(call.method) && "problems".equals(what)) {
            PerfApi.Body body = PerfApi.Body.of(call.body);
            ValidationException.Collector errors = new ValidationException.Collector();
            String projectId = body.text("projectId", errors);
            String title = body.text("title", errors);
            String description = body.text("description", errors);
            String owner = body.text("owner", errors);
            LocalDate dueOn = body.day("dueOn", null, errors);
            errors.throwIfAny();
            ApiServlet.send(call, 201, tracking.record(call.actor, year, unitId, projectId, title, description, owner,
                    dueOn));
        } else if (n >= 9 && "problems".equals(what)) {
            problem(call, year, unitId, PerfApi.pathId(call.seg(8), call));
        } else {
            throw new NotFoundException(call.path);
        }
    }

    private void problem(ApiServlet.Call call, int year, long unitId, long problemId) throws IOException {
        int n = call.segments.length;
        String action = call.seg(9);
        // The problem must be the unit's of this year: the path says which the caller means.
        if (tracking.problems(call.actor, year, unitId).stream().noneMatch(p -> p.id() == problemId)) {
            throw new NotFoundException(call.path);
        }
        PerfApi.Body body = PerfApi.Body.of(call.body);
        ValidationException.Collector errors = new ValidationException.Collector();
        Problem changed;
        if (n == 9 && "PUT".equals(call.method)) {
            String analysis = body.text("analysis", errors);
            String measure = body.text("measure", errors);
            String owner = body.text("owner", errors);
            LocalDate dueOn = body.day("dueOn", null, errors);
            errors.throwIfAny();
            changed = tracking.update(call.actor, problemId, analysis, measure, owner, dueOn);
        } else if (n == 10 && "POST".equals(call.method) && "rectified".equals(action)) {
            String evidence = body.text("evidence", errors);
            errors.throwIfAny();
            changed = tracking.rectified(call.actor, problemId, evidence);
        } else if (n == 10 && "POST".equals(call.method) && "close".equals(action)) {
            changed = tracking.close(call.actor, problemId);
        } else if (n == 10 && "POST".equals(call.method) && "reopen".equals(action)) {
            String reason = body.text("reason", errors);
            errors.throwIfAny();
            changed = tracking.reopen(call.actor, problemId, reason);
        } else {
            throw new NotFoundException(call.path);
        }
        ApiServlet.send(call, 200, changed);
    }

    /** {@code GET /api/v1/perf/years/{y}/problems}. */
    void all(ApiServlet.Call call, int year) throws IOException {
        if (call.segments.length != 6 || !"GET".equals(call.method)) {
            throw new NotFoundException(call.path);
        }
        ApiServlet.send(call, 200, tracking.problems(call.actor, year, null));
    }

    /** {@code /api/v1/perf/procedures/{projectId}}: every version, newest first, or a new one. */
    void procedures(ApiServlet.Call call) throws IOException {
        String projectId = call.seg(4);
        if (projectId == null || call.segments.length != 5 || !projectId.matches("[a-z0-9]{1,64}")) {
            throw new NotFoundException(call.path);
        }
        if ("GET".equals(call.method)) {
            ApiServlet.send(call, 200, tracking.procedure(projectId));
        } else if ("POST".equals(call.method)) {
            PerfApi.Body body = PerfApi.Body.of(call.body);
            ValidationException.Collector errors = new ValidationException.Collector();
            String text = body.text("text", errors);
            String reason = body.text("reason", errors);
            Long problemId = body.id("problemId", "procedure.problem.unknown", errors);
            errors.throwIfAny();
            ApiServlet.send(call, 201, tracking.reviseProcedure(call.actor, projectId, text, reason, problemId));
        } else {
            throw new NotFoundException(call.path);
        }
    }
}
