package org.jixiao.project.scholarship.internal.application;

import java.sql.SQLException;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;
import org.jixiao.project.scholarship.internal.chain.DecisionChain;

/** An objection is about a name on the public notice; its finding is a decision of the chain. */
final class ObjectionRules extends ChainedRules {

    ObjectionRules(DecisionChain chain) {
        super(chain);
    }

    @Override
    public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
        Rows.requireParentIn(change, ApplicationRegister.ON_NOTICE, "content", "objection.notOnNotice", errors);
    }
}
