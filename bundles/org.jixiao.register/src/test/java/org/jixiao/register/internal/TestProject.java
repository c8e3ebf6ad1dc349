package org.jixiao.register.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.ResidentIdNumber;
import org.jixiao.api.ValidationException;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.register.PublicView;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.api.register.Scope;
import org.jixiao.api.register.Transition;
import org.jixiao.api.register.Workflow;
import org.jixiao.api.web.WebHandler;

/**
 * A small project on the engine: people (with an ID number, a kind and a workflow), their visits (a child register)
 * and loans that name a person, plus a need-to-know register of cases.
 */
final class TestProject implements KeyProject {

    static final String SCHEMA = """
            CREATE TABLE JX_USER (ID BIGINT NOT NULL PRIMARY KEY, USERNAME_KEY VARCHAR(40) NOT NULL, DISPLAY_NAME VARCHAR(100) NOT NULL,
                ORG_UNIT_ID BIGINT NOT NULL, ENABLED BOOLEAN NOT NULL);
            CREATE TABLE JX_USER_ROLE (USER_ID BIGINT NOT NULL, ROLE VARCHAR(20) NOT NULL);
            CREATE TABLE T_PERSON (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, STATE VARCHAR(40),
                NAME VARCHAR(50), ID_NUMBER_CIPHER VARCHAR(300), ID_NUMBER_HASH VARCHAR(100), ID_NUMBER_MASK VARCHAR(30), BORN_IN INTEGER,
                KIND VARCHAR(20), NEEDS VARCHAR(200), JOINED_ON DATE, PHONE VARCHAR(30), STUDENT BOOLEAN, CERTIFICATE BIGINT,
                VERSION INTEGER NOT NULL, CREATED_AT TIMESTAMP NOT NULL, CREATED_BY BIGINT NOT NULL,
                UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY BIGINT NOT NULL, DELETED_AT TIMESTAMP, DELETED_BY BIGINT,
                DELETE_REASON VARCHAR(500));
            CREATE INDEX T_PERSON_ID_HASH_IX ON T_PERSON (ID_NUMBER_HASH);
            CREATE INDEX T_PERSON_UNIT_IX ON T_PERSON (UNIT_ID, JOINED_ON);
            CREATE TABLE T_VISIT (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, PARENT_ID BIGINT NOT NULL,
                VISITED_ON DATE, NOTE VARCHAR(200), PHOTO BIGINT,
                VERSION INTEGER NOT NULL, CREATED_AT TIMESTAMP NOT NULL, CREATED_BY BIGINT NOT NULL,
                UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY BIGINT NOT NULL, DELETED_AT TIMESTAMP, DELETED_BY BIGINT,
                DELETE_REASON VARCHAR(500));
            CREATE TABLE T_LOAN (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, BORROWER BIGINT,
                AMOUNT DECIMAL(19, 6), GRANTED_ON DATE, SETTLED_ON DATE,
                VERSION INTEGER NOT NULL, CREATED_AT TIMESTAMP NOT NULL, CREATED_BY BIGINT NOT NULL,
                UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY BIGINT NOT NULL, DELETED_AT TIMESTAMP, DELETED_BY BIGINT,
                DELETE_REASON VARCHAR(500));
            CREATE TABLE T_CASE (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, TITLE VARCHAR(100),
                HELPER BIGINT, TOPIC BIGINT, CLOSED_ON DATE,
                VERSION INTEGER NOT NULL, CREATED_AT TIMESTAMP NOT NULL, CREATED_BY BIGINT NOT NULL,
                UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY BIGINT NOT NULL, DELETED_AT TIMESTAMP, DELETED_BY BIGINT,
                DELETE_REASON VARCHAR(500));
            CREATE TABLE T_CASE_NOTE (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL,
                PARENT_ID BIGINT NOT NULL, NOTE VARCHAR(200), SEALED BOOLEAN,
                VERSION INTEGER NOT NULL, CREATED_AT TIMESTAMP NOT NULL, CREATED_BY BIGINT NOT NULL,
                UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY BIGINT NOT NULL, DELETED_AT TIMESTAMP, DELETED_BY BIGINT,
                DELETE_REASON VARCHAR(500));
            CREATE TABLE T_TOPIC (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT NOT NULL, NAME VARCHAR(50),
                OFFICE VARCHAR(40),
                VERSION INTEGER NOT NULL, CREATED_AT TIMESTAMP NOT NULL, CREATED_BY BIGINT NOT NULL,
                UPDATED_AT TIMESTAMP NOT NULL, UPDATED_BY BIGINT NOT NULL, DELETED_AT TIMESTAMP, DELETED_BY BIGINT,
                DELETE_REASON VARCHAR(500))
            """;

    enum Kind { JOB_SEEKING, ENTREPRENEUR }

    enum Need { TRAINING, LOAN, MENTOR }

    static final IndicatorDefinition SEEKERS = indicator("people.seekers");
    static final IndicatorDefinition PEOPLE = indicator("people.all");
    static final IndicatorDefinition BORROWERS = indicator("loans.borrowers");
    static final IndicatorDefinition AMOUNT = indicator("loans.amount");
    static final IndicatorDefinition STUDENTS = indicator("people.studentShare");

    /** A loan above 50 万元 to one person needs a second look: the hook's cross-field rule. */
    static final RegisterHooks LOAN_RULES = new RegisterHooks() {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            Object amount = change.values().get("amount");
            if (amount instanceof BigDecimal b && b.compareTo(BigDecimal.valueOf(50)) > 0) {
                errors.add("amount", "loan.amount.tooMuch");
            }
        }

        /** A settled loan leaves the lists a month after. */
        @Override
        public java.time.Period archiveAfter(java.sql.Connection c) {
            return java.time.Period.ofMonths(1);
        }
    };

    /** The year of birth from the number in clear, so the record keeps the year and never the date. */
    static final RegisterHooks BORN_IN = new RegisterHooks() {
        @Override
        public Map<String, Object> derive(RecordChange change) {
            return change.values().get("idNumber") instanceof String id
                    && ResidentIdNumber.problem(id, change.today()).isEmpty()
                    ? Map.of("bornIn", ResidentIdNumber.birthDate(id).getYear()) : Map.of();
        }
    };

    private static IndicatorDefinition indicator(String id) {
        return new IndicatorDefinition(id, "indicator." + id, "unit.person", Comparison.AT_LEAST, BigDecimal.TEN,
                "test");
    }

    @Override
    public String id() {
        return "test";
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of(SEEKERS, PEOPLE, BORROWERS, AMOUNT, STUDENTS);
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
        return List.of(
                RegisterDefinition.builder("people", "T_PERSON").messages("person").sensitive()
                        .field(Field.text("name", 50).required().with(Field.Flag.TITLE, Field.Flag.SEARCHABLE,
                                Field.Flag.LISTED, Field.Flag.SORTABLE))
                        .field(Field.idNumber("idNumber").required())
                        .field(Field.integer("bornIn").with(Field.Flag.READ_ONLY))
                        .field(Field.choice("kind", Kind.class).required().with(Field.Flag.FILTER))
                        .field(Field.multiChoice("needs", Need.class))
                        .field(Field.date("joinedOn", Field.DateRule.NOT_FUTURE).required())
                        .field(Field.phone("phone"))
                        .field(Field.bool("student"))
                        .field(Field.file("certificate"))
                        .key("idNumber").keyAcrossUnits().day("joinedOn")
                        .workflow(new Workflow("NEW", List.of("NEW", "CHECKED", "CLOSED"), List.of(
                                new Transition("check", List.of("NEW"), "CHECKED", "ADMIN", OrgLevel.CITY, List.of(),
                                        false),
                                new Transition("close", List.of("NEW", "CHECKED"), "CLOSED", "STAFF", null, List.of(),
                                        true)), List.of("CLOSED")))
                        .aggregate(Aggregate.count(SEEKERS, Condition.where("kind", "JOB_SEEKING"), "joinedOn",
                                Aggregate.Period.YEAR))
                        .aggregate(Aggregate.count(PEOPLE, Condition.ALL, "joinedOn", Aggregate.Period.CUMULATIVE))
                        .aggregate(Aggregate.share(STUDENTS, Condition.where("student", "true"), Condition.ALL,
                                "joinedOn", Aggregate.Period.YEAR))
                        .publicView(new PublicView(Condition.where("state", "CHECKED"), List.of("name", "kind"),
                                Map.of("name", PublicView.Mask.NAME)))
                        .hooks(BORN_IN).build(),
                RegisterDefinition.builder("visits", "T_VISIT").messages("visit").parent("people")
                        .field(Field.date("visitedOn", Field.DateRule.NOT_FUTURE).required())
                        .field(Field.text("note", 200))
                        .field(Field.file("photo", "jpg", "jpeg", "png")).build(),
                RegisterDefinition.builder("loans", "T_LOAN").messages("loan")
                        .field(Field.reference("borrower", "people").required())
                        .field(Field.money("amount", MoneyUnit.WAN_YUAN).required())
                        .field(Field.date("grantedOn", Field.DateRule.NOT_FUTURE).required())
                        .field(Field.date("settledOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.ARCHIVE))
                        .aggregate(Aggregate.distinct(BORROWERS, "borrower", Condition.ALL, "grantedOn",
                                Aggregate.Period.YEAR))
                        .aggregate(Aggregate.sum(AMOUNT, "amount", Condition.ALL, "grantedOn", Aggregate.Period.YEAR))
                        .hooks(LOAN_RULES).build(),
                RegisterDefinition.builder("cases", "T_CASE").messages("case").scope(Scope.NEED_TO_KNOW).sensitive()
                        .field(Field.text("title", 100).required())
                        .field(Field.user("helper", "VOLUNTEER").with(Field.Flag.ASSIGNEE))
                        .field(Field.reference("topic", "topics").with(Field.Flag.OFFICE_UNIT))
                        .field(Field.date("closedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.ARCHIVE))
                        .key("title").keyAcrossUnits()
                        .offices("PREVENTION_OFFICE").writers("PREVENTION_OFFICE").breakGlass().build(),
                RegisterDefinition.builder("casenotes", "T_CASE_NOTE").messages("caseNote").parent("cases")
                        .sensitive().field(Field.text("note", 200).required()).field(Field.bool("sealed"))
                        .writers("PREVENTION_OFFICE", "VOLUNTEER").offices("PREVENTION_OFFICE").sealedBy("sealed")
                        .build(),
                RegisterDefinition.builder("topics", "T_TOPIC").messages("topic").scope(Scope.CITY)
                        .field(Field.text("name", 50).required())
                        .field(Field.text("office", 40).with(Field.Flag.OFFICE_UNIT)).build());
    }
}
