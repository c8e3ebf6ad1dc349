package org.jixiao.project.employment.internal;

import java.time.LocalDate;

/**
 * Who applies for funding or enters an award: in county A a founder with a project and another young entrepreneur,
 * in county B a young entrepreneur.
 */
record Applicants(long founderA, long youthA, long youthB, long projectA) {

    static Applicants create(EmploymentTestBase test) {
        long founder = test.youth("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR", TreeOrgUnits.COUNTY_A);
        long youthA = test.youth("创业丙", LocalDate.of(1990, 2, 4), 15, "ENTREPRENEUR", TreeOrgUnits.COUNTY_A);
        long youthB = test.youth("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR", TreeOrgUnits.COUNTY_B);
        long project = test.projects.create(EmploymentTestBase.CITY_ADMIN, new ProjectInput("甲农场",
                String.valueOf(founder), "AGRICULTURE", "STARTUP", null, EmploymentTestBase.A, "2012-02-01"));
        return new Applicants(founder, youthA, youthB, project);
    }
}
