package org.jixiao.project.scholarship.internal.application;

import java.sql.SQLException;

import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.project.scholarship.internal.chain.DecisionChain;

/**
 * The rules of a register whose transitions are decisions (an application's steps, an objection's finding): each
 * one is appended to the decision chain in the transaction that takes it, so the chain and the records never part.
 */
abstract class ChainedRules implements RegisterHooks {

    private final DecisionChain chain;

    ChainedRules(DecisionChain chain) {
        this.chain = chain;
    }

    @Override
    public final void afterWrite(RecordChange change) throws SQLException {
        if (change.kind() == RecordChange.Kind.TRANSITION) {
            chain.append(change);
        }
    }
}
