package org.jixiao.benchmarks;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.web.WebHandler;

/**
 * A synthetic key project on the register engine, shaped like the employment project: a youth database (a stock of
 * people by type), micro-loans (money summed, borrowers counted once a year), training attendances (a share),
 * internship bases (a stock) and job placements (a share): 5 registers, 15 indicators. Only what the running totals
 * depend on is declared; the tables carry the engine's bookkeeping columns so that the fixture can fill them as the
 * engine would.
 */
public final class RegisterProject implements KeyProject {

    public static final String ID = "regbench";

    static final String BOOKKEEPING = """
            VERSION INTEGER NOT NULL, CREATED_AT TIMESTAMP NOT NULL, CREATED_BY BIGINT NOT NULL,
                UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY BIGINT NOT NULL, DELETED_AT TIMESTAMP, DELETED_BY BIGINT,
                DELETE_REASON VARCHAR(500))""";

    // Each table has the (unit, day) index a project declares for its list pages, so that loading pays for it.
    static final String SCHEMA = """
            CREATE TABLE RB_YOUTH (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, NAME VARCHAR(50),
                GENDER VARCHAR(20), EDUCATION VARCHAR(30), YOUTH_TYPE VARCHAR(20), REGISTERED_ON DATE,
                %1$s;
            CREATE INDEX RB_YOUTH_UNIT_IX ON RB_YOUTH (UNIT_ID, REGISTERED_ON);
            CREATE TABLE RB_LOAN (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, BORROWER BIGINT,
                KIND VARCHAR(20), AMOUNT DECIMAL(19, 6), GRANTED_ON DATE,
                %1$s;
            CREATE INDEX RB_LOAN_UNIT_IX ON RB_LOAN (UNIT_ID, GRANTED_ON);
            CREATE TABLE RB_TRAINING (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, NAME VARCHAR(50),
                COURSE VARCHAR(20), TRAINED_ON DATE, EMPLOYED_AFTER BOOLEAN,
                %1$s;
            CREATE INDEX RB_TRAINING_UNIT_IX ON RB_TRAINING (UNIT_ID, TRAINED_ON);
            CREATE TABLE RB_BASE (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, NAME VARCHAR(100),
                BASE_LEVEL VARCHAR(20), POSITIONS BIGINT, OPENED_ON DATE,
                %1$s;
            CREATE INDEX RB_BASE_UNIT_IX ON RB_BASE (UNIT_ID, OPENED_ON);
            CREATE TABLE RB_PLACEMENT (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, NAME VARCHAR(50),
                SECTOR VARCHAR(20), PLACED_ON DATE, STABLE BOOLEAN,
                %1$s;
            CREATE INDEX RB_PLACEMENT_UNIT_IX ON RB_PLACEMENT (UNIT_ID, PLACED_ON)
            """.formatted(BOOKKEEPING);

    enum Gender { M, F }

    enum Education { JUNIOR_HIGH_OR_BELOW, SENIOR_HIGH, VOCATIONAL, JUNIOR_COLLEGE, BACHELOR, MASTER_OR_ABOVE }

    enum YouthType { JOB_SEEKING, ENTREPRENEUR }

    enum LoanKind { STARTUP, GUARANTEED }

    enum Course { SKILLS, ENTREPRENEURSHIP, DIGITAL }

    enum BaseLevel { NATIONAL, PROVINCIAL, CITY, COUNTY }

    enum Sector { MANUFACTURING, SERVICES, AGRICULTURE, PUBLIC }

    static final IndicatorDefinition JOBSEEKERS = indicator("youth.jobseekers");
    static final IndicatorDefinition ENTREPRENEURS = indicator("youth.entrepreneurs");
    static final IndicatorDefinition REGISTERED = indicator("youth.registered");
    static final IndicatorDefinition LOANS = indicator("loans.count");
    static final IndicatorDefinition LOAN_AMOUNT = indicator("loans.amount");
    static final IndicatorDefinition GUARANTEED_AMOUNT = indicator("loans.guaranteedAmount");
    static final IndicatorDefinition BORROWERS = indicator("loans.borrowers");
    static final IndicatorDefinition TRAINED = indicator("training.attendees");
    static final IndicatorDefinition TRAINED_FOUNDERS = indicator("training.entrepreneurship");
    static final IndicatorDefinition EMPLOYED_SHARE = indicator("training.employedShare");
    static final IndicatorDefinition BASES = indicator("bases.open");
    static final IndicatorDefinition UPPER_BASES = indicator("bases.provincial");
    static final IndicatorDefinition POSITIONS = indicator("bases.positions");
    static final IndicatorDefinition PLACEMENTS = indicator("placements.count");
    static final IndicatorDefinition STABLE_SHARE = indicator("placements.stableShare");

    private static IndicatorDefinition indicator(String id) {
        return new IndicatorDefinition(id, "indicator." + id, "unit.person", Comparison.AT_LEAST, BigDecimal.TEN,
                "bench");
    }

    private final List<RegisterDefinition> registers = List.of(
            RegisterDefinition.builder("youth", "RB_YOUTH")
                    .field(Field.text("name", 50).required().with(Field.Flag.TITLE))
                    .field(Field.choice("gender", Gender.class).required())
                    .field(Field.choice("education", Education.class).required())
                    .field(Field.choice("type", YouthType.class).withColumn("YOUTH_TYPE").required())
                    .field(Field.date("registeredOn", Field.DateRule.NOT_FUTURE).required())
                    .day("registeredOn")
                    .aggregate(Aggregate.count(JOBSEEKERS, Condition.where("type", "JOB_SEEKING"), "registeredOn",
                            Aggregate.Period.CUMULATIVE))
                    .aggregate(Aggregate.count(ENTREPRENEURS, Condition.where("type", "ENTREPRENEUR"), "registeredOn",
                            Aggregate.Period.CUMULATIVE))
                    .aggregate(Aggregate.count(REGISTERED, Condition.ALL, "registeredOn", Aggregate.Period.YEAR))
                    .build(),
            RegisterDefinition.builder("loans", "RB_LOAN")
                    .field(Field.reference("borrower", "youth").required())
                    .field(Field.choice("kind", LoanKind.class).required())
                    .field(Field.money("amount", MoneyUnit.WAN_YUAN).required())
                    .field(Field.date("grantedOn", Field.DateRule.NOT_FUTURE).required())
                    .day("grantedOn")
                    .aggregate(Aggregate.count(LOANS, Condition.ALL, "grantedOn", Aggregate.Period.YEAR))
                    .aggregate(Aggregate.sum(LOAN_AMOUNT, "amount", Condition.ALL, "grantedOn", Aggregate.Period.YEAR))
                    .aggregate(Aggregate.sum(GUARANTEED_AMOUNT, "amount", Condition.where("kind", "GUARANTEED"),
                            "grantedOn", Aggregate.Period.YEAR))
                    .aggregate(Aggregate.distinct(BORROWERS, "borrower", Condition.ALL, "grantedOn",
                            Aggregate.Period.YEAR))
                    .build(),
            RegisterDefinition.builder("training", "RB_TRAINING")
                    .field(Field.text("name", 50).required().with(Field.Flag.TITLE))
                    .field(Field.choice("course", Course.class).required())
                    .field(Field.date("trainedOn", Field.DateRule.NOT_FUTURE).required())
                    .field(Field.bool("employedAfter"))
                    .day("trainedOn")
                    .aggregate(Aggregate.count(TRAINED, Condition.ALL, "trainedOn", Aggregate.Period.YEAR))
                    .aggregate(Aggregate.count(TRAINED_FOUNDERS, Condition.where("course", "ENTREPRENEURSHIP"),
                            "trainedOn", Aggregate.Period.YEAR))
                    .aggregate(Aggregate.share(EMPLOYED_SHARE, Condition.where("employedAfter", "true"), Condition.ALL,
                            "trainedOn", Aggregate.Period.YEAR))
                    .build(),
            RegisterDefinition.builder("bases", "RB_BASE")
                    .field(Field.text("name", 100).required().with(Field.Flag.TITLE))
                    .field(Field.choice("level", BaseLevel.class).withColumn("BASE_LEVEL").required())
                    .field(Field.integer("positions"))
                    .field(Field.date("openedOn", Field.DateRule.NOT_FUTURE).required())
                    .day("openedOn")
                    .aggregate(Aggregate.count(BASES, Condition.ALL, "openedOn", Aggregate.Period.CUMULATIVE))
                    .aggregate(Aggregate.count(UPPER_BASES, Condition.where("level", "NATIONAL", "PROVINCIAL"),
                            "openedOn", Aggregate.Period.CUMULATIVE))
                    .aggregate(Aggregate.sum(POSITIONS, "positions", Condition.ALL, "openedOn",
                            Aggregate.Period.CUMULATIVE))
                    .build(),
            RegisterDefinition.builder("placements", "RB_PLACEMENT")
                    .field(Field.text("name", 50).required().with(Field.Flag.TITLE))
                    .field(Field.choice("sector", Sector.class).required())
                    .field(Field.date("placedOn", Field.DateRule.NOT_FUTURE).required())
                    .field(Field.bool("stable"))
                    .day("placedOn")
                    .aggregate(Aggregate.count(PLACEMENTS, Condition.ALL, "placedOn", Aggregate.Period.YEAR))
                    .aggregate(Aggregate.share(STABLE_SHARE, Condition.where("stable", "true"), Condition.ALL,
                            "placedOn", Aggregate.Period.YEAR))
                    .build());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return registers.stream().flatMap(r -> r.aggregates().stream()).map(Aggregate::indicator).toList();
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        return Map.of();
    }

    @Override
    public WebHandler web() {
        return r -> null;
    }

    @Override
    public List<RegisterDefinition> registers() {
        return registers;
    }
}
