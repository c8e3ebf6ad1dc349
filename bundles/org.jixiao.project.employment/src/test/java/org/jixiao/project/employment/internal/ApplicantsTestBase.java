package org.jixiao.project.employment.internal;

import java.time.LocalDate;

import org.jixiao.api.testing.FixedOrgUnits;
import org.junit.jupiter.api.BeforeEach;

/**
 * For the registers whose records name a youth, a project or both (funding applications, award entrants): in county A
 * a founder with a project and another young entrepreneur, in county B a young entrepreneur.
 */
abstract class ApplicantsTestBase extends EmploymentTestBase {

    long founderA;
    long youthA;
    long youthB;
    long projectA;

    @BeforeEach
    void applicants() {
        founderA = youth("创业甲", LocalDate.of(1990, 2, 3), 11, "ENTREPRENEUR", FixedOrgUnits.COUNTY_A);
        youthA = youth("创业丙", LocalDate.of(1990, 2, 4), 15, "ENTREPRENEUR", FixedOrgUnits.COUNTY_A);
        youthB = youth("创业乙", LocalDate.of(1991, 4, 5), 13, "ENTREPRENEUR", FixedOrgUnits.COUNTY_B);
        projectA = projects.create(CITY_ADMIN, new ProjectInput("甲农场", String.valueOf(founderA), "AGRICULTURE",
                "STARTUP", null, A, "2012-02-01"));
    }
}
