package org.jixiao.project.prevention.internal.work;

import java.math.BigDecimal;
import java.util.List;

import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.project.prevention.internal.Roles;
import org.jixiao.project.prevention.internal.youth.Indicators;
import org.jixiao.project.prevention.internal.youth.YouthRegister;

/**
 * The county's work that the policy's targets count (POLICY.md section 4): its help teams of professionals and
 * volunteers by category (6), the joint help activities with the member units (one a month: 12 a year) and the
 * demonstration projects it fosters (6). Records of work, not of people: unit scope, not sensitive.
 */
public final class WorkRegisters {

    public static final String TEAMS = "teams";
    public static final String ACTIVITIES = "activities";
    public static final String DEMONSTRATIONS = "demonstrations";

    public static final IndicatorDefinition TEAM_COUNT = new IndicatorDefinition("teams.count",
            "indicator.teams.count", "unit.team", Comparison.AT_LEAST, BigDecimal.valueOf(6), Indicators.CLAUSE);
    public static final IndicatorDefinition ACTIVITY_COUNT = new IndicatorDefinition("activities.count",
            "indicator.activities.count", "unit.times", Comparison.AT_LEAST, BigDecimal.valueOf(12),
            Indicators.CLAUSE);
    public static final IndicatorDefinition DEMONSTRATION_COUNT = new IndicatorDefinition("demonstrations.count",
            "indicator.demonstrations.count", "unit.project", Comparison.AT_LEAST, BigDecimal.valueOf(6),
            Indicators.CLAUSE);

    public static final List<IndicatorDefinition> INDICATORS = List.of(TEAM_COUNT, ACTIVITY_COUNT,
            DEMONSTRATION_COUNT);

    private WorkRegisters() {
    }

    public static List<RegisterDefinition> definitions() {
        return List.of(teams(), activities(), demonstrations());
    }

    static RegisterDefinition teams() {
        return RegisterDefinition.builder(TEAMS, "PRV_TEAM").messages("team")
                .field(Field.text("name", 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE))
                .field(Field.reference("category", YouthRegister.CATEGORIES).required().with(Field.Flag.LISTED,
                        Field.Flag.FILTER))
                .field(Field.integer("professionals").withRange(1, 10_000).required().with(Field.Flag.LISTED))
                .field(Field.integer("volunteers").withRange(1, 10_000).required().with(Field.Flag.LISTED))
                .field(Field.date("formedOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.LISTED,
                        Field.Flag.TODAY_IF_BLANK))
                .day("formedOn")
                .aggregate(Aggregate.count(TEAM_COUNT, Condition.ALL, "formedOn", Aggregate.Period.CUMULATIVE))
                .writers(Roles.PREVENTION_OFFICE).build();
    }

    static RegisterDefinition activities() {
        return RegisterDefinition.builder(ACTIVITIES, "PRV_ACTIVITY").messages("activity")
                .field(Field.date("heldOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.TITLE,
                        Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .field(Field.text("theme", 200).required().with(Field.Flag.LISTED, Field.Flag.SEARCHABLE))
                .field(Field.multiChoice("memberUnits", YouthRegister.MemberUnit.class).required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.integer("youthReached").withRange(0, 100_000))
                .field(Field.longText("content", 2000))
                .day("heldOn")
                .aggregate(Aggregate.count(ACTIVITY_COUNT, Condition.ALL, "heldOn", Aggregate.Period.YEAR))
                .writers(Roles.PREVENTION_OFFICE).build();
    }

    static RegisterDefinition demonstrations() {
        return RegisterDefinition.builder(DEMONSTRATIONS, "PRV_DEMONSTRATION").messages("demonstration")
                .field(Field.text("name", 200).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE))
                .field(Field.text("organiser", 200).required().with(Field.Flag.LISTED))
                .field(Field.date("startedOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.LISTED,
                        Field.Flag.TODAY_IF_BLANK))
                .field(Field.longText("description", 2000))
                .day("startedOn")
                .aggregate(Aggregate.count(DEMONSTRATION_COUNT, Condition.ALL, "startedOn",
                        Aggregate.Period.CUMULATIVE))
                .writers(Roles.PREVENTION_OFFICE).build();
    }
}
