package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.EmploymentTestBase.form;
import java.util.Map;
import java.util.function.Function;

import org.jixiao.api.register.RegisterService;
import org.jixiao.project.employment.internal.internshipbase.InternshipBaseRegister;

/** Internship bases for the other registers' tests, written through the register engine as its pages write them. */
final class InternshipBaseFixture extends RegisterFixture<Map<String, Object>> {

    InternshipBaseFixture(RegisterService engine, EmploymentProject project) {
        super(engine, project, InternshipBaseRegister.ID, Function.identity());
    }

    /** A valid base of a manufacturer offering 20 places a year; null dates stay blank. */
    static Map<String, Object> base(String name, String county, String established, String entered, String closed) {
        return form("name", name, "sector", "MANUFACTURING", "address", "工业园区1号", "contact", "王经理 13800138000",
                "capacity", "20", "unit", county, "establishedOn", established, "enteredOn", entered,
                "closedOn", closed);
    }
}
