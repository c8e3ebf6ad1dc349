package org.jixiao.project.prevention.internal.transfer;

import java.util.List;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.Transition;
import org.jixiao.api.register.Workflow;
import org.jixiao.project.prevention.internal.Roles;
import org.jixiao.project.prevention.internal.youth.YouthRegister;

/**
 * Step 3's task transfers (工作任务转承接, POLICY.md section 4): a need beyond a helper's scope goes to another unit
 * with a deadline; that unit accepts, acts and reports back, each step recorded with its day. A child of the youth,
 * so only who may read the youth reads its transfers; member units of the county take the steps.
 */
public final class TransferRegister {

    public static final String TRANSFERS = "transfers";

    public static final String REQUESTED = "REQUESTED";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String ACTED = "ACTED";
    public static final String REPORTED = "REPORTED";
    public static final String DECLINED = "DECLINED";

    /** The other key projects a transfer may link the youth to (POLICY.md sections 2 and 3). */
    public enum LinkedProject { SCHOLARSHIP, EMPLOYMENT }

    /** Who consented to the link: the youth, or the guardian (for a child under 14 the guardian only). */
    public enum ConsentBy { YOUTH, GUARDIAN }

    public enum ConsentWay { WRITTEN, ORAL_WITNESSED, ONLINE }

    private TransferRegister() {
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(TRANSFERS, "PRV_TRANSFER").messages("transfer").parent(YouthRegister.YOUTH)
                .sensitive()
                .field(Field.choice("toUnit", YouthRegister.MemberUnit.class).required().with(Field.Flag.LISTED,
                        Field.Flag.FILTER))
                .field(Field.longText("task", 2000).required().encrypted().with(Field.Flag.TITLE))
                .field(Field.date("requestedOn", Field.DateRule.NOT_FUTURE).required().with(Field.Flag.LISTED,
                        Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .field(Field.date("deadline", Field.DateRule.FUTURE_ALLOWED).required().with(Field.Flag.LISTED,
                        Field.Flag.SORTABLE))
                // A transfer that links the youth to another project carries the consent to it (TransferRules).
                .field(Field.choice("linkedProject", LinkedProject.class).with(Field.Flag.LISTED, Field.Flag.FILTER,
                        Field.Flag.HELP))
                .field(Field.choice("consentBy", ConsentBy.class))
                .field(Field.date("consentOn", Field.DateRule.NOT_FUTURE))
                .field(Field.choice("consentWay", ConsentWay.class))
                .field(Field.date("acceptedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.READ_ONLY))
                .field(Field.date("actedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.READ_ONLY))
                .field(Field.longText("measures", 2000).encrypted().with(Field.Flag.READ_ONLY))
                .field(Field.date("reportedOn", Field.DateRule.NOT_FUTURE).with(Field.Flag.READ_ONLY,
                        Field.Flag.LISTED))
                .field(Field.longText("report", 2000).encrypted().with(Field.Flag.READ_ONLY))
                .day("requestedOn")
                .workflow(new Workflow(REQUESTED, List.of(REQUESTED, ACCEPTED, ACTED, REPORTED, DECLINED), List.of(
                        new Transition("accept", List.of(REQUESTED), ACCEPTED, Roles.MEMBER_UNIT, OrgLevel.COUNTY,
                                List.of("acceptedOn"), false),
                        new Transition("decline", List.of(REQUESTED), DECLINED, Roles.MEMBER_UNIT, OrgLevel.COUNTY,
                                List.of(), true),
                        new Transition("act", List.of(ACCEPTED), ACTED, Roles.MEMBER_UNIT, OrgLevel.COUNTY,
                                List.of("actedOn", "measures"), false),
                        new Transition("report", List.of(ACTED), REPORTED, Roles.MEMBER_UNIT, OrgLevel.COUNTY,
                                List.of("reportedOn", "report"), false)), List.of(REPORTED, DECLINED)))
                .writers(Roles.PREVENTION_OFFICE, Roles.PROFESSIONAL, Roles.VOLUNTEER)
                .hooks(new TransferRules()).page("transfers-due", "transfersDue.link").build();
    }
}
