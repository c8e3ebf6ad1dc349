package org.jixiao.project.scholarship.internal.application;

import java.math.BigDecimal;
import java.util.List;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.Transition;
import org.jixiao.api.register.Workflow;
import org.jixiao.project.scholarship.internal.Roles;
import org.jixiao.project.scholarship.internal.chain.DecisionChain;

/**
 * Phases 2 to 6 (POLICY.md section 2): one application per person and year in the whole city, with its three
 * documents, taken by the county's review, the city's re-check after a home visit, the public notice and the
 * disbursement, or rejected or sent back with a reason. Home visits and objections are its children.
 */
public final class ApplicationRegister {

    public static final String APPLICATIONS = "applications";
    public static final String IDENTITIES = "identities";
    public static final String VISITS = "visits";
    public static final String OBJECTIONS = "objections";

    /** Who the policy funds: students of rural poor families and of urban minimum-allowance (低保) families. */
    public enum FamilyType { RURAL_POOR, URBAN_DIBAO, OTHER }

    public enum Channel { PUBLIC, STAFF }

    public static final String APPLIED = "APPLIED";
    public static final String COUNTY_REVIEWED = "COUNTY_REVIEWED";
    public static final String CITY_CHECKED = "CITY_CHECKED";
    public static final String ON_NOTICE = "ON_NOTICE";
    public static final String DISBURSED = "DISBURSED";
    public static final String REJECTED = "REJECTED";

    public static final String OPEN = "OPEN";
    public static final String UPHELD = "UPHELD";
    public static final String DISMISSED = "DISMISSED";

    private ApplicationRegister() {
    }

    /** A new record of a beneficiary's archive is refused, under {@code field}, unless the grant was paid. */
    public static void requirePaid(org.jixiao.api.register.RecordChange change, String field,
            org.jixiao.api.ValidationException.Collector errors) throws java.sql.SQLException {
        Rows.requireParentIn(change, DISBURSED, field, "archive.notBeneficiary", errors);
    }

    public static List<RegisterDefinition> definitions(DecisionChain chain) {
        return List.of(applications(chain), identities(), visits(), objections(chain));
    }

    static RegisterDefinition applications(DecisionChain chain) {
        return RegisterDefinition.builder(APPLICATIONS, "SCH_APPLICATION").messages("application").sensitive()
                .field(Field.integer("year").withColumn("APPLICATION_YEAR").withRange(2000, 2100).required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER, Field.Flag.SORTABLE))
                .field(Field.text("name", 50).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE, Field.Flag.SORTABLE))
                .field(Field.choice("familyType", FamilyType.class).required().with(Field.Flag.LISTED,
                        Field.Flag.FILTER))
                .field(Field.text("university", 100).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.text("major", 100).required())
                .field(Field.bool("fullTimeUndergraduate").required().with(Field.Flag.HELP))
                .field(Field.integer("examScore").withRange(0, 1000).required())
                .field(Field.longText("household", 2000).with(Field.Flag.PRIVATE))
                .field(Field.phone("phone"))
                .field(Field.text("address", 200).with(Field.Flag.PRIVATE))
                .field(Field.date("appliedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .field(Field.file("admissionNotice").required())
                .field(Field.file("idCard").required())
                .field(Field.file("povertyCertificate").required())
                .field(Field.bool("returning").with(Field.Flag.READ_ONLY, Field.Flag.LISTED, Field.Flag.FILTER,
                        Field.Flag.HELP))
                .field(Field.date("reviewedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.READ_ONLY))
                .field(Field.date("checkedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.READ_ONLY))
                .field(Field.money("amountPaid", MoneyUnit.YUAN).withRange(new BigDecimal("0.01"), null)
                        .with(Field.Flag.READ_ONLY, Field.Flag.LISTED))
                .field(Field.date("paidOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.READ_ONLY))
                .field(Field.file("receipt").with(Field.Flag.READ_ONLY))
                .day("appliedOn")
                .workflow(new Workflow(APPLIED, List.of(APPLIED, COUNTY_REVIEWED, CITY_CHECKED, ON_NOTICE, DISBURSED,
                        REJECTED), List.of(
                                new Transition("review", List.of(APPLIED), COUNTY_REVIEWED, Roles.HOPE_OFFICE,
                                        OrgLevel.COUNTY, List.of("reviewedOn"), false),
                                new Transition("reject", List.of(APPLIED), REJECTED, Roles.HOPE_OFFICE,
                                        OrgLevel.COUNTY, List.of(), true),
                                new Transition("sendBack", List.of(COUNTY_REVIEWED), APPLIED, Roles.HOPE_OFFICE,
                                        OrgLevel.CITY, List.of(), true),
                                new Transition("recheck", List.of(COUNTY_REVIEWED), CITY_CHECKED, Roles.HOPE_OFFICE,
                                        OrgLevel.CITY, List.of("checkedOn"), false),
                                new Transition("refuse", List.of(COUNTY_REVIEWED, CITY_CHECKED, ON_NOTICE), REJECTED,
                                        Roles.HOPE_OFFICE, OrgLevel.CITY, List.of(), true),
                                new Transition("publish", List.of(CITY_CHECKED), ON_NOTICE, Roles.HOPE_OFFICE,
                                        OrgLevel.CITY, List.of(), false),
                                new Transition("disburse", List.of(ON_NOTICE), DISBURSED, Roles.HOPE_OFFICE, null,
                                        List.of("amountPaid", "paidOn", "receipt"), false)),
                        List.of(DISBURSED, REJECTED)))
                .writers(Roles.HOPE_OFFICE).offices(Roles.HOPE_OFFICE).hooks(new ApplicationRules(chain)).build();
    }

    /**
     * The applicant's resident ID number, a child of the application: one per person and year in the whole city.
     * Kept apart because the engine, at a workflow step of the record holding it, would seal the mask it read in
     * place of the stored number (the cipher and the hash of "**************1234"), and the city-wide duplicate check
     * would then compare masks.
     */
    static RegisterDefinition identities() {
        return RegisterDefinition.builder(IDENTITIES, "SCH_IDENTITY").messages("identity").parent(APPLICATIONS)
                .sensitive()
                .field(Field.integer("year").withColumn("IDENTITY_YEAR").withRange(2000, 2100).required()
                        .with(Field.Flag.LISTED))
                .field(Field.idNumber("idNumber").required().with(Field.Flag.TITLE, Field.Flag.LISTED))
                .key("idNumber", "year").keyAcrossUnits()
                .writers(Roles.HOPE_OFFICE).offices(Roles.HOPE_OFFICE).hooks(new IdentityRules()).build();
    }

    static RegisterDefinition visits() {
        return RegisterDefinition.builder(VISITS, "SCH_VISIT").messages("visit").parent(APPLICATIONS).sensitive()
                .field(Field.date("visitedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED, Field.Flag.TODAY_IF_BLANK))
                .field(Field.text("visitors", 200).required().with(Field.Flag.LISTED))
                .field(Field.longText("findings", 2000).required())
                .field(Field.bool("factsConfirmed").required().with(Field.Flag.LISTED, Field.Flag.HELP))
                .field(Field.file("photo", "jpg", "jpeg", "png"))
                .writers(Roles.HOPE_OFFICE).offices(Roles.HOPE_OFFICE).hooks(new VisitRules()).build();
    }

    static RegisterDefinition objections(DecisionChain chain) {
        return RegisterDefinition.builder(OBJECTIONS, "SCH_OBJECTION").messages("objection").parent(APPLICATIONS)
                .sensitive()
                .field(Field.date("receivedOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED, Field.Flag.TODAY_IF_BLANK))
                .field(Field.choice("channel", Channel.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.longText("content", 2000).required())
                .field(Field.longText("finding", 2000).with(Field.Flag.READ_ONLY))
                .day("receivedOn")
                .workflow(new Workflow(OPEN, List.of(OPEN, UPHELD, DISMISSED), List.of(
                        new Transition("uphold", List.of(OPEN), UPHELD, Roles.HOPE_OFFICE, null, List.of("finding"),
                                false),
                        new Transition("dismiss", List.of(OPEN), DISMISSED, Roles.HOPE_OFFICE, null,
                                List.of("finding"), false)), List.of(UPHELD, DISMISSED)))
                .writers(Roles.HOPE_OFFICE).offices(Roles.HOPE_OFFICE).hooks(new ObjectionRules(chain)).build();
    }
}
