package org.jixiao.project.employment.internal;

import java.util.HashMap;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.register.RegisterService;
import org.jixiao.project.employment.internal.mentor.MentorRegister;

/** Mentors, pairings and activities for other registers' tests, written through the register engine. */
final class MentorFixture {

    private final RegisterService engine;
    private final EmploymentProject project;

    MentorFixture(RegisterService engine, EmploymentProject project) {
        this.engine = engine;
        this.project = project;
    }

    long create(Actor actor, MentorInput.Mentor in) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", in.name());
        m.put("field", in.field());
        m.put("employer", in.employer());
        m.put("unit", in.county());
        m.put("appointedOn", in.appointedOn());
        m.put("dismissedOn", in.dismissedOn());
        m.put("dismissalReason", in.dismissalReason());
        return engine.create(actor, project, MentorRegister.ID, m);
    }

    long pair(Actor actor, long mentor, MentorInput.Pairing in) {
        Map<String, Object> m = new HashMap<>();
        m.put("parent", mentor);
        m.put("youth", in.youth());
        m.put("pairedOn", in.pairedOn());
        return engine.create(actor, project, MentorRegister.PAIRINGS, m);
    }

    long addActivity(Actor actor, long mentor, MentorInput.Activity in) {
        Map<String, Object> m = new HashMap<>();
        m.put("parent", mentor);
        m.put("youth", in.youth());
        m.put("heldOn", in.heldOn());
        m.put("content", in.content());
        return engine.create(actor, project, MentorRegister.ACTIVITIES, m);
    }
}
