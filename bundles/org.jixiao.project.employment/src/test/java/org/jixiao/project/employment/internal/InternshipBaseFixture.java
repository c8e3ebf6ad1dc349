package org.jixiao.project.employment.internal;

import java.util.HashMap;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.RegisterService;
import org.jixiao.project.employment.internal.internshipbase.InternshipBaseRegister;

/** Internship bases for the other registers' tests, written through the register engine as its pages write them. */
final class InternshipBaseFixture {

    private final RegisterService engine;
    private final EmploymentProject project;

    InternshipBaseFixture(RegisterService engine, EmploymentProject project) {
        this.engine = engine;
        this.project = project;
    }

    /** A valid base of a manufacturer offering 20 places a year; null dates stay blank. */
    static Map<String, Object> base(String name, String county, String established, String entered, String closed) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("sector", "MANUFACTURING");
        m.put("address", "工业园区1号");
        m.put("contact", "王经理 13800138000");
        m.put("capacity", "20");
        m.put("unit", county);
        m.put("establishedOn", established);
        m.put("enteredOn", entered);
        m.put("closedOn", closed);
        return m;
    }

    long create(Actor actor, Map<String, Object> input) {
        return engine.create(actor, project, InternshipBaseRegister.ID, input);
    }

    void update(Actor actor, long id, Map<String, Object> input) {
        engine.update(actor, project, InternshipBaseRegister.ID, id, input, -1);
    }

    void delete(Actor actor, long id) {
        engine.delete(actor, project, InternshipBaseRegister.ID, id, "测试删除");
    }

    RegisterRecord get(Actor actor, long id) {
        return engine.get(actor, project, InternshipBaseRegister.ID, id);
    }
}
