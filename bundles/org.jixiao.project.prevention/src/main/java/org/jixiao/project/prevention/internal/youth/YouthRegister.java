package org.jixiao.project.prevention.internal.youth;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.Scope;
import org.jixiao.api.register.Transition;
import org.jixiao.api.register.Workflow;
import org.jixiao.project.prevention.internal.Roles;
import org.jixiao.project.prevention.internal.retention.Retention;

/**
 * Step 1 of the procedure (POLICY.md section 4, 摸底排查): the categories of key youth, a list the city keeps; the key
 * youth of each county, need to know (the paired professional and volunteer, the county's prevention office and the
 * member units that verify the survey), with the verification by a member unit of the same level; their offence
 * history, which no volunteer and no member unit reads; and the visits of their helpers.
 */
public final class YouthRegister {

    public static final String CATEGORIES = "categories";
    public static final String YOUTH = "youth";
    public static final String OFFENCES = "offences";
    public static final String VISITS = "visits";

    /** The member units of the leading group (成员单位) whose verification the survey records. */
    public enum MemberUnit {
        POLICE, PROCURATORATE, COURT, JUSTICE, EDUCATION, CIVIL_AFFAIRS, HUMAN_RESOURCES, LEAGUE, OTHER
    }

    public enum OffenceCategory { THEFT, ROBBERY, FRAUD, ASSAULT, AFFRAY, DRUGS, SEXUAL, OTHER }

    public enum VisitWay { HOME_VISIT, TALK, PHONE_OR_ONLINE }

    public static final String REGISTERED = "REGISTERED";
    public static final String VERIFIED = "VERIFIED";
    public static final String QUERIED = "QUERIED";

    /** The city department's second pairing (二次结对), a city professional and a city volunteer, one step each. */
    public static final String PAIR_CITY_PROFESSIONAL = "pairCityProfessional";
    public static final String PAIR_CITY_VOLUNTEER = "pairCityVolunteer";

    private YouthRegister() {
    }

    /** @param orgUnits where the city department a category names is found */
    public static List<RegisterDefinition> definitions(OrgUnitService orgUnits) {
        return List.of(categories(orgUnits), youth(), offences(), visits(), Retention.definition());
    }

    /**
     * The city's categories, each naming (by its code) the city-level member unit that pairs its youth a second time
     * (POLICY.md section 4, step 2, 对口结对): left-behind children with education, youth with a record with justice.
     */
    static RegisterDefinition categories(OrgUnitService orgUnits) {
        return RegisterDefinition.builder(CATEGORIES, "PRV_CATEGORY").messages("category").scope(Scope.CITY)
                .field(Field.text("name", 50).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SORTABLE))
                .field(Field.longText("description", 1000).with(Field.Flag.LISTED))
                .field(Field.text("cityUnit", 40).with(Field.Flag.OFFICE_UNIT, Field.Flag.LISTED, Field.Flag.HELP))
                .key("name").writers(Roles.PREVENTION_OFFICE).hooks(new CategoryRules(orgUnits)).build();
    }

    static RegisterDefinition youth() {
        // Who the youth is, who looks after them and how they live are kept encrypted (a copy of the database names
        // no one): the name is found by the whole of it, and sorted by no list. The community stays clear: lists
        // filter and search by it, and without the rest it names no one.
        return RegisterDefinition.builder(YOUTH, "PRV_YOUTH").messages("youth").scope(Scope.NEED_TO_KNOW).sensitive()
                .field(Field.text("name", 50).required().encrypted().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE))
                // The city department its category names (cityUnit) reads the youth too, as one of its offices.
                .field(Field.reference("category", CATEGORIES).required().with(Field.Flag.LISTED, Field.Flag.FILTER,
                        Field.Flag.OFFICE_UNIT))
                .field(Field.text("community", 100).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE,
                        Field.Flag.FILTER, Field.Flag.HELP))
                .field(Field.date("birthDate", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.PRIVATE))
                .field(Field.idNumber("idNumber").required())
                .field(Field.text("guardian", 50).encrypted())
                .field(Field.phone("guardianPhone").encrypted())
                .field(Field.longText("situation", 2000).required().encrypted())
                .field(Field.longText("needs", 2000).encrypted())
                .field(Field.user("professional", Roles.PROFESSIONAL).with(Field.Flag.ASSIGNEE, Field.Flag.LISTED,
                        Field.Flag.FILTER))
                .field(Field.user("volunteer", Roles.VOLUNTEER).with(Field.Flag.ASSIGNEE, Field.Flag.LISTED,
                        Field.Flag.FILTER))
                .field(Field.date("registeredOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.LISTED,
                        Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .field(Field.choice("verifiedBy", MemberUnit.class).with(Field.Flag.READ_ONLY, Field.Flag.LISTED,
                        Field.Flag.FILTER))
                .field(Field.date("verifiedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.READ_ONLY))
                .field(Field.user("cityProfessional", Roles.PROFESSIONAL).with(Field.Flag.READ_ONLY,
                        Field.Flag.ASSIGNEE))
                .field(Field.user("cityVolunteer", Roles.VOLUNTEER).with(Field.Flag.READ_ONLY, Field.Flag.ASSIGNEE))
                .field(Field.date("cityPairedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.READ_ONLY))
                .field(Field.bool("cityPaired").with(Field.Flag.READ_ONLY, Field.Flag.LISTED, Field.Flag.FILTER))
                // Retention: the day the youth leaves the programme, and the day its active life ends (that day, or
                // its 25th birthday), from which the city's period runs until the record is archived.
                .field(Field.date("leftOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.FILTER))
                .field(Field.longText("leftReason", 1000).encrypted())
                .field(Field.date("endsOn", Field.DateRule.FUTURE_ALLOWED).with(Field.Flag.READ_ONLY,
                        Field.Flag.ARCHIVE))
                .key("idNumber").keyAcrossUnits().day("registeredOn")
                .workflow(new Workflow(REGISTERED, List.of(REGISTERED, VERIFIED, QUERIED), List.of(
                        new Transition("verify", List.of(REGISTERED), VERIFIED, Roles.MEMBER_UNIT, OrgLevel.COUNTY,
                                List.of("verifiedBy", "verifiedOn"), false),
                        new Transition("query", List.of(REGISTERED), QUERIED, Roles.MEMBER_UNIT, OrgLevel.COUNTY,
                                List.of(), true),
                        new Transition("resubmit", List.of(QUERIED), REGISTERED, Roles.PREVENTION_OFFICE,
                                OrgLevel.COUNTY, List.of(), false),
                        // The second pairing of a verified youth, by the city department it is routed to.
                        new Transition(PAIR_CITY_PROFESSIONAL, List.of(VERIFIED), VERIFIED, Roles.MEMBER_UNIT,
                                OrgLevel.CITY_UNIT, List.of("cityProfessional"), false),
                        new Transition(PAIR_CITY_VOLUNTEER, List.of(VERIFIED), VERIFIED, Roles.MEMBER_UNIT,
                                OrgLevel.CITY_UNIT, List.of("cityVolunteer"), false)), List.of()))
                .aggregate(Aggregate.count(Indicators.REGISTERED, null, "registeredOn",
                        Aggregate.Period.CUMULATIVE))
                // 100 % is every youth paired by both levels (附件3: 市、县两级人员开展结对帮扶).
                .aggregate(Aggregate.share(Indicators.PAIRED,
                        Condition.ALL.present("professional").present("volunteer").and("cityPaired", "true"), null,
                        "registeredOn", Aggregate.Period.CUMULATIVE))
                .writers(Roles.PREVENTION_OFFICE).offices(Roles.PREVENTION_OFFICE, Roles.MEMBER_UNIT).breakGlass()
                .hooks(new YouthRules()).page("overdue", "overdue.link").page("coverage", "coverage.link")
                .page("survey", "survey.link").build();
    }

    /**
     * The offence history: read by the youth's professional and the county's prevention office only (a volunteer,
     * a member unit and the city's administrators are refused, and the refusal is audited), every read audited.
     * An offence committed before the youth turned 18 ({@code minor}) is sealed (Criminal Procedure Law art. 286):
     * in no list and read by no one, until an opening asked with a legal reason is approved by a second person of
     * the office.
     */
    static RegisterDefinition offences() {
        return RegisterDefinition.builder(OFFENCES, "PRV_OFFENCE").messages("offence").parent(YOUTH).sensitive()
                .field(Field.text("offence", 200).required().encrypted().with(Field.Flag.TITLE, Field.Flag.LISTED))
                .field(Field.choice("offenceCategory", OffenceCategory.class).required().with(Field.Flag.LISTED,
                        Field.Flag.FILTER))
                .field(Field.date("committedOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.LISTED))
                .field(Field.text("disposition", 200).encrypted())
                .field(Field.longText("supervision", 2000).encrypted().with(Field.Flag.HELP))
                .field(Field.bool("minor").with(Field.Flag.READ_ONLY, Field.Flag.LISTED, Field.Flag.HELP))
                .day("committedOn")
                .readers(Roles.PROFESSIONAL, Roles.PREVENTION_OFFICE).writers(Roles.PREVENTION_OFFICE,
                        Roles.PROFESSIONAL).offices(Roles.PREVENTION_OFFICE).sealedBy("minor")
                .hooks(new OffenceRules()).build();
    }

    /** Each helper's visits and contacts, at least one a month each (POLICY.md section 4, step 3). */
    static RegisterDefinition visits() {
        return RegisterDefinition.builder(VISITS, "PRV_VISIT").messages("visit").parent(YOUTH).sensitive()
                .field(Field.date("visitedOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.TITLE,
                        Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .field(Field.choice("way", VisitWay.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.longText("content", 2000).required().encrypted())
                .field(Field.user("helper", "").with(Field.Flag.READ_ONLY, Field.Flag.LISTED, Field.Flag.FILTER))
                .day("visitedOn")
                .writers(Roles.PROFESSIONAL, Roles.VOLUNTEER).hooks(new VisitRules()).build();
    }

    /** A key youth's date of birth, for the rules of its children (an offence as a minor, a child's consent). */
    public static LocalDate birthDate(Connection c, long youth) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT BIRTH_DATE FROM PRV_YOUTH WHERE ID = ?")) {
            ps.setLong(1, youth);
            try (ResultSet rs = ps.executeQuery()) {
                Date d = rs.next() ? rs.getDate(1) : null;
                return d == null ? null : d.toLocalDate();
            }
        }
    }
}
