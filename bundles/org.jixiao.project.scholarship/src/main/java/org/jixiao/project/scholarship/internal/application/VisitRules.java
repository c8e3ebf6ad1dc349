package org.jixiao.project.scholarship.internal.application;

import java.sql.SQLException;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterHooks;

/** The city visits the home of an applicant the county has confirmed, before its re-check (by 10 August). */
final class VisitRules implements RegisterHooks {

    @Override
    public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
        Rows.requireParentIn(change, ApplicationRegister.COUNTY_REVIEWED, "visitedOn", "visit.notUnderReview", errors);
    }
}
