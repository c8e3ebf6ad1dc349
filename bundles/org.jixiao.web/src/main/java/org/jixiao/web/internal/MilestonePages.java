package org.jixiao.web.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.performance.Milestone;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.PerformanceYear;

/**
 * A unit's time nodes of a year under {@code /perf/<year>/milestones/<unitId>}: each node's day and state, the
 * form to mark it done (staff and admins of the unit or above), the history of its markings, and for the city
 * the form to move a node's day for every unit. The service decides who may do what; the page only offers it.
 */
record MilestonePages(PageServlet pages, MilestoneService milestones, OrgUnitService orgUnits) {

    private static final System.Logger LOG = System.getLogger(MilestonePages.class.getName());

    /** Handles {@code /perf/<year>/milestones/<unitId>}; segment 3 is the unit. */
    void handle(PageServlet.Call call, PerformanceYear py) throws IOException {
        OrgUnit unit = PerformancePages.unit(call, orgUnits);
        long unitId = unit.id();
        int year = py.year();
        String self = "/perf/" + year + "/milestones/" + unitId;
        Map<String, Object> model = call.model();
        String key = call.param("milestone");
        String[] ref = split(key);
        int status = call.submit(model, self + "?saved=1", action -> {
            switch (action) {
                case "done" -> milestones.markDone(call.actor, year, unitId, ref[0], ref[1],
                        PerformancePages.requiredDate(call.param("doneOn"), "doneOn", "milestone.doneOn.required"),
                        call.param("evidence"));
                case "due" -> milestones.setDue(call.actor, year, ref[0], ref[1],
                        PerformancePages.requiredDate(call.param("due"), "due", "milestone.due.required"));
                default -> throw new NotFoundException(call.path);
            }
        }, e -> {
            model.put("failedKey", key == null ? "" : key);
            model.put("submittedDoneOn", call.param("doneOn"));
            model.put("submittedEvidence", call.request.getParameter("evidence"));
            model.put("submittedDue", call.param("due"));
        });
        if (status == PageServlet.REDIRECTED) {
            return;
        }
        LocalDate today = LocalDate.now();
        List<Milestone> list = milestones.milestones(call.actor, year, unitId);
        model.put("py", py);
        model.put("unit", unit);
        model.put("milestones", list);
        model.put("today", today.toString());
        model.put("canMark", call.actor.canWrite());
        model.put("canAdjust", canAdjust(call.actor));
        // What the date inputs offer; the service checks again.
        LocalDate lastMark = LocalDate.of(year + 1, 1, 31);
        model.put("doneMin", LocalDate.of(year, 1, 1).toString());
        model.put("doneMax", (today.isBefore(lastMark) ? today : lastMark).toString());
        model.put("dueMin", LocalDate.of(year, 1, 1).toString());
        model.put("dueMax", LocalDate.of(year, 12, 31).toString());
        model.put("saved", call.param("saved") != null);
        String historyKey = call.param("history");
        String[] historyRef = split(historyKey);
        if (historyRef[0] != null) {
            Milestone of = list.stream().filter(m -> m.key().equals(historyKey)).findFirst().orElse(null);
            if (of != null) {
                model.put("historyOf", of);
                model.put("history", milestones.history(call.actor, year, unitId, historyRef[0], historyRef[1]));
            }
        }
        pages.render(call, status, null, "perf-milestones", model);
    }

    /** Who may move a node's day: an admin or a target setter of the city, as the service checks. */
    static boolean canAdjust(Actor actor) {
        return PerformancePages.city(actor, Role.ADMIN, Role.TARGET_SETTER);
    }

    /** {@code project:milestone} as its two parts; both null when malformed. */
    static String[] split(String key) {
        if (key == null) {
            return new String[2];
        }
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return new String[2];
        }
        return new String[] {key.substring(0, colon), key.substring(colon + 1)};
    }
}
