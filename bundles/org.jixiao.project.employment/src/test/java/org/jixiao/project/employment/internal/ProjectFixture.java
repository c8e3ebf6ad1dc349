package org.jixiao.project.employment.internal;

import java.util.HashMap;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.RegisterService;
import org.jixiao.project.employment.internal.project.ProjectRegister;

/**
 * Entrepreneurship projects for the other registers' tests, written through the register engine as the pages, the
 * JSON API and imports write them.
 */
final class ProjectFixture {

    private final RegisterService engine;
    private final EmploymentProject project;

    ProjectFixture(RegisterService engine, EmploymentProject project) {
        this.engine = engine;
        this.project = project;
    }

    long create(Actor actor, ProjectInput in) {
        return engine.create(actor, project, ProjectRegister.ID, input(in));
    }

    void update(Actor actor, long id, ProjectInput in) {
        engine.update(actor, project, ProjectRegister.ID, id, input(in), -1);
    }

    void delete(Actor actor, long id) {
        engine.delete(actor, project, ProjectRegister.ID, id, "测试删除");
    }

    RegisterRecord get(Actor actor, long id) {
        return engine.get(actor, project, ProjectRegister.ID, id);
    }

    /** The live projects the actor sees. */
    long count(Actor actor) {
        return engine.list(actor, project, ProjectRegister.ID, RecordQuery.firstPage()).total();
    }

    /** The form as the engine reads it: the county is the record's unit. */
    static Map<String, Object> input(ProjectInput in) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", in.name());
        m.put("founder", in.founder());
        m.put("sector", in.sector());
        m.put("stage", in.stage());
        m.put("support", in.support());
        m.put("unit", in.county());
        m.put("registeredOn", in.registeredOn());
        return m;
    }
}
