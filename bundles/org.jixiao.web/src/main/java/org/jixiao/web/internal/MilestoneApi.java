package org.jixiao.web.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.MilestoneService;

/**
 * The JSON API of time nodes (时间节点), below {@code /api/v1/perf/years/{y}/milestones}; the same service as
 * {@link MilestonePages} answers, so a unit out of the caller's scope is not found. {@code {key}} is
 * {@code projectId:milestoneId}, as the list gives it (the colon may come percent-encoded).
 *
 * <pre>
 * GET  milestones/{unitId}                         the unit's nodes of the year, by day, each with its state today
 * POST milestones/{unitId}/{key}/done {doneOn, evidence}
 * GET  milestones/{unitId}/{key}/history           every marking, newest first
 * PUT  milestones/{key}/due {due}                  the city moves the node's day for every unit
 * GET  milestones/overdue                          every node overdue today in the caller's scope
 * </pre>
 */
record MilestoneApi(MilestoneService milestones) {

    /** Segment 6 onwards (segment 5 is "milestones") of {@code /api/v1/perf/years/{y}/milestones/...}. */
    void handle(ApiServlet.Call call, int year) throws IOException {
        int n = call.segments.length;
        String first = call.seg(6);
        if (n == 7 && "GET".equals(call.method) && "overdue".equals(first)) {
            ApiServlet.send(call, 200, milestones.overdue(call.actor, year, LocalDate.now()));
        } else if (n == 8 && "PUT".equals(call.method) && "due".equals(call.seg(7))) {
            String[] ref = key(call, first);
            PerfApi.Body body = PerfApi.Body.of(call.body);
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate due = body.day("due", "milestone.due.required", errors);
            errors.throwIfAny();
            milestones.setDue(call.actor, year, ref[0], ref[1], due);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("year", year);
            view.put("projectId", ref[0]);
            view.put("milestoneId", ref[1]);
            view.put("due", due);
            ApiServlet.send(call, 200, view);
        } else if (n == 7 && "GET".equals(call.method)) {
            ApiServlet.send(call, 200, milestones.milestones(call.actor, year, PerfApi.pathId(first, call)));
        } else if (n == 9 && "POST".equals(call.method) && "done".equals(call.seg(8))) {
            long unitId = PerfApi.pathId(first, call);
            String[] ref = key(call, call.seg(7));
            PerfApi.Body body = PerfApi.Body.of(call.body);
            ValidationException.Collector errors = new ValidationException.Collector();
            LocalDate doneOn = body.day("doneOn", "milestone.doneOn.required", errors);
            String evidence = body.text("evidence", errors);
            errors.throwIfAny();
            ApiServlet.send(call, 200, milestones.markDone(call.actor, year, unitId, ref[0], ref[1], doneOn, evidence));
        } else if (n == 9 && "GET".equals(call.method) && "history".equals(call.seg(8))) {
            long unitId = PerfApi.pathId(first, call);
            String[] ref = key(call, call.seg(7));
            ApiServlet.send(call, 200, milestones.history(call.actor, year, unitId, ref[0], ref[1]));
        } else {
            throw new NotFoundException(call.path);
        }
    }

    /** {@code projectId:milestoneId} of the path; a malformed one names no time node (400, as an unknown one). */
    private static String[] key(ApiServlet.Call call, String segment) {
        String[] ref = MilestonePages.split(PerfApi.decode(segment, call));
        if (ref[0] == null) {
            throw ValidationException.of("milestone", "milestone.unknown");
        }
        return ref;
    }
}
