package org.jixiao.project.scholarship.internal.archive;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.MoneyUnit;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.project.scholarship.internal.Roles;
import org.jixiao.project.scholarship.internal.application.ApplicationRegister;

/**
 * The beneficiary archive (受助生档案, POLICY.md section 2, tracking): what a county does for each student it funded,
 * across the years of study, as children of the paid application; and its seminars and the cohort's group channel,
 * which belong to the county. The channel is recorded with its member count, never its content.
 */
public final class ArchiveRegister {

    public static final String FOLLOWUPS = "followups";
    public static final String WORKSTUDY = "workstudy";
    public static final String PAIRINGS = "pairings";
    public static final String VOLUNTEERING = "volunteering";
    public static final String PRACTICE = "practice";
    public static final String CAREERS = "careers";
    public static final String SEMINARS = "seminars";
    public static final String CHANNELS = "channels";

    public enum FollowUpKind { PHONE, SURVEY, VISIT }

    public enum ServiceKind { ASSOCIATION_JOINED, COMMUNITY_SERVICE, CHILD_PAIRING, OTHER }

    public enum Outcome { EMPLOYED, SELF_EMPLOYED, FURTHER_STUDY, NOT_YET }

    private ArchiveRegister() {
    }

    public static List<RegisterDefinition> definitions() {
        return List.of(child(FOLLOWUPS, "SCH_FOLLOWUP", "followup", "followedOn")
                .field(Field.text("followedBy", 100).required().with(Field.Flag.LISTED))
                .field(Field.choice("kind", FollowUpKind.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.text("study", 500))
                .field(Field.text("living", 500))
                .field(Field.text("mental", 500))
                .field(Field.bool("concern").required().with(Field.Flag.LISTED, Field.Flag.FILTER, Field.Flag.HELP))
                .build(),
                child(WORKSTUDY, "SCH_WORKSTUDY", "workstudy", "startedOn")
                        .field(Field.text("employer", 200).required().with(Field.Flag.LISTED))
                        .field(Field.text("post", 200).required().with(Field.Flag.LISTED))
                        .field(Field.date("endedOn", Field.DateRule.FUTURE_ALLOWED))
                        .field(Field.integer("hours").withRange(0, 5000)).build(),
                child(PAIRINGS, "SCH_PAIRING", "pairing", "pairedFrom")
                        .field(Field.text("donor", 200).required().with(Field.Flag.LISTED))
                        .field(Field.money("amount", MoneyUnit.YUAN).with(Field.Flag.LISTED))
                        .field(Field.date("pairedTo", Field.DateRule.FUTURE_ALLOWED)).build(),
                child(VOLUNTEERING, "SCH_VOLUNTEER", "volunteer", "servedOn")
                        .field(Field.choice("kind", ServiceKind.class).required().with(Field.Flag.LISTED,
                                Field.Flag.FILTER))
                        .field(Field.decimal("hours", 1).withRange(BigDecimal.ZERO, 1000).required()
                                .with(Field.Flag.LISTED))
                        .field(Field.text("note", 200)).build(),
                child(PRACTICE, "SCH_PRACTICE", "practice", "heldOn")
                        .field(Field.text("topic", 200).required().with(Field.Flag.LISTED))
                        .field(Field.integer("days").withRange(1, 120).required().with(Field.Flag.LISTED)).build(),
                child(CAREERS, "SCH_CAREER", "career", "recordedOn")
                        .field(Field.integer("graduationYear").withRange(2000, 2100).required()
                                .with(Field.Flag.LISTED, Field.Flag.FILTER))
                        .field(Field.bool("trained").required())
                        .field(Field.bool("internship").required())
                        .field(Field.bool("recommended").required())
                        .field(Field.choice("outcome", Outcome.class).required().with(Field.Flag.LISTED,
                                Field.Flag.FILTER))
                        .field(Field.bool("returnedHome").required().with(Field.Flag.LISTED, Field.Flag.FILTER,
                                Field.Flag.HELP)).build(),
                RegisterDefinition.builder(SEMINARS, "SCH_SEMINAR").messages("seminar")
                        .field(Field.date("heldOn", Field.DateRule.NOT_FUTURE).required()
                                .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                        .field(Field.text("topic", 200).required().with(Field.Flag.TITLE, Field.Flag.LISTED))
                        .field(Field.integer("attendees").withRange(1, 100000).required().with(Field.Flag.LISTED))
                        .day("heldOn").writers(Roles.HOPE_OFFICE).build(),
                RegisterDefinition.builder(CHANNELS, "SCH_CHANNEL").messages("channel")
                        .field(Field.integer("cohortYear").withRange(2000, 2100).required()
                                .with(Field.Flag.LISTED, Field.Flag.FILTER))
                        .field(Field.text("name", 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED))
                        .field(Field.text("platform", 50).required().with(Field.Flag.LISTED))
                        .field(Field.integer("members").withRange(0, 100000).required().with(Field.Flag.LISTED))
                        .field(Field.date("recordedOn", Field.DateRule.NOT_FUTURE).required()
                                .with(Field.Flag.TODAY_IF_BLANK))
                        .day("recordedOn").writers(Roles.HOPE_OFFICE).build());
    }

    /** A register of a beneficiary's: a child of a paid application, placed in time by {@code day}. */
    private static RegisterDefinition.Builder child(String id, String table, String prefix, String day) {
        return RegisterDefinition.builder(id, table).messages(prefix).parent(ApplicationRegister.APPLICATIONS)
                .field(Field.date(day, Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .day(day).writers(Roles.HOPE_OFFICE).hooks(new BeneficiaryOnly(day));
    }

    /** The archive is of beneficiaries: students whose grant was paid. */
    private record BeneficiaryOnly(String day) implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            ApplicationRegister.requirePaid(change, day, errors);
        }
    }
}
