package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.RegisterFixture.formOf;

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
        return engine.create(actor, project, MentorRegister.ID, formOf(in));
    }

    long pair(Actor actor, long mentor, MentorInput.Pairing in) {
        return child(actor, MentorRegister.PAIRINGS, mentor, formOf(in));
    }

    long addActivity(Actor actor, long mentor, MentorInput.Activity in) {
        return child(actor, MentorRegister.ACTIVITIES, mentor, formOf(in));
    }

    private long child(Actor actor, String register, long mentor, Map<String, Object> form) {
        form.put("parent", mentor);
        return engine.create(actor, project, register, form);
    }
}
