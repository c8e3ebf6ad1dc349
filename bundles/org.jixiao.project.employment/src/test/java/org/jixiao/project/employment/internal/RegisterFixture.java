package org.jixiao.project.employment.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.jixiao.api.Actor;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.RegisterService;

/**
 * One register's records for the other registers' tests, written through the register engine as the pages, the JSON
 * API and imports write them. A test states a record as an input of its own (a record class of the register's
 * fields, or the form itself) and this turns it into the engine's form.
 *
 * @param <I> a test's input of one record
 */
class RegisterFixture<I> {

    final RegisterService engine;
    final EmploymentProject project;
    private final String register;
    private final Function<I, Map<String, Object>> form;

    RegisterFixture(RegisterService engine, EmploymentProject project, String register,
            Function<I, Map<String, Object>> form) {
        this.engine = engine;
        this.project = project;
        this.register = register;
        this.form = form;
    }

    long create(Actor actor, I in) {
        return engine.create(actor, project, register, form.apply(in));
    }

    void update(Actor actor, long id, I in) {
        engine.update(actor, project, register, id, form.apply(in), -1);
    }

    void delete(Actor actor, long id) {
        engine.delete(actor, project, register, id, "测试删除");
    }

    RegisterRecord get(Actor actor, long id) {
        return engine.get(actor, project, register, id);
    }

    /** The live records the actor sees. */
    long count(Actor actor) {
        return engine.list(actor, project, register, RecordQuery.firstPage()).total();
    }

    /**
     * The form as the engine reads it from a test's input record: each component under its own name, which is the
     * field's, except the county, which is the record's unit.
     */
    static Map<String, Object> formOf(Record in) {
        Map<String, Object> m = new HashMap<>();
        for (RecordComponent c : in.getClass().getRecordComponents()) {
            try {
                m.put(c.getName().equals("county") ? "unit" : c.getName(), c.getAccessor().invoke(in));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }
}
