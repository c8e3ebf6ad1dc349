package org.jixiao.project.employment.internal;

import org.jixiao.api.Actor;
import org.jixiao.api.register.RegisterService;
import org.jixiao.project.employment.internal.youth.YouthRegister;

/**
 * Youth records for the other registers' tests, written through the register engine; and the youth statistics,
 * which stay the project's own.
 */
final class YouthFixture extends RegisterFixture<YouthInput> {

    YouthFixture(RegisterService engine, EmploymentProject project) {
        super(engine, project, YouthRegister.ID, RegisterFixture::formOf);
    }

    YouthStats stats(Actor actor, Long countyId) {
        return project.youth().stats(actor, countyId);
    }

    YouthCountyStats countyStats(Actor actor, Long countyId) {
        return project.youth().countyStats(actor, countyId);
    }
}
