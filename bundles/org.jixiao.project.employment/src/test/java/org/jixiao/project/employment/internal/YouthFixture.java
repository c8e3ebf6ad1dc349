package org.jixiao.project.employment.internal;

import java.util.HashMap;
import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.RegisterService;
import org.jixiao.project.employment.internal.youth.YouthRegister;

/**
 * Youth records for the other registers' tests, written through the register engine as the pages, the JSON API and
 * imports write them; and the youth statistics, which stay the project's own.
 */
final class YouthFixture {

    private final RegisterService engine;
    private final EmploymentProject project;

    YouthFixture(RegisterService engine, EmploymentProject project) {
        this.engine = engine;
        this.project = project;
    }

    long create(Actor actor, YouthInput in) {
        return engine.create(actor, project, YouthRegister.ID, input(in));
    }

    void update(Actor actor, long id, YouthInput in) {
        engine.update(actor, project, YouthRegister.ID, id, input(in), -1);
    }

    void delete(Actor actor, long id) {
        engine.delete(actor, project, YouthRegister.ID, id, "测试删除");
    }

    RegisterRecord get(Actor actor, long id) {
        return engine.get(actor, project, YouthRegister.ID, id);
    }

    YouthStats stats(Actor actor, Long countyId) {
        return project.youth().stats(actor, countyId);
    }

    YouthCountyStats countyStats(Actor actor, Long countyId) {
        return project.youth().countyStats(actor, countyId);
    }

    /** The form as the engine reads it: the county is the record's unit. */
    static Map<String, Object> input(YouthInput in) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", in.name());
        m.put("gender", in.gender());
        m.put("birthDate", in.birthDate());
        m.put("idNumber", in.idNumber());
        m.put("unit", in.county());
        m.put("education", in.education());
        m.put("type", in.type());
        m.put("needs", in.needs());
        m.put("needCategories", in.needCategories());
        m.put("registeredOn", in.registeredOn());
        m.put("phone", in.phone());
        return m;
    }
}
