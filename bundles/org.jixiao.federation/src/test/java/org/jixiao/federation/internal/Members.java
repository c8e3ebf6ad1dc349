package org.jixiao.federation.internal;

import java.math.BigDecimal;
import java.util.List;

import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.testing.RegistersOnly;

/** A key project with one register, on both nodes: the federation replicates it with no code of its own. */
final class Members extends RegistersOnly {

    static final String SCHEMA = """
            CREATE TABLE T_MEMBER (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, NAME VARCHAR(50),
                JOINED_ON DATE, DUES DECIMAL(19, 6), ACTIVE BOOLEAN,
                VERSION INTEGER NOT NULL, CREATED_AT TIMESTAMP NOT NULL, CREATED_BY BIGINT NOT NULL,
                UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY BIGINT NOT NULL, DELETED_AT TIMESTAMP, DELETED_BY BIGINT,
                DELETE_REASON VARCHAR(500))
            """;

    static final RegisterDefinition MEMBERS = RegisterDefinition.builder("members", "T_MEMBER").messages("member")
            .field(Field.text("name", 50).required().with(Field.Flag.TITLE))
            .field(Field.date("joinedOn", Field.DateRule.NOT_FUTURE).required())
            .field(Field.money("dues", MoneyUnit.YUAN))
            .field(Field.bool("active")).build();

    /** One indicator, so that the city can set and approve its targets. */
    static final IndicatorDefinition TRAINED = new IndicatorDefinition("trained", "indicator.trained", "unit.person",
            Comparison.AT_LEAST, BigDecimal.valueOf(100), "附件2 第1项");

    Members() {
        super("fed", MEMBERS);
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of(TRAINED);
    }
}
