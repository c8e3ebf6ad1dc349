package org.jixiao.project.employment.internal.award;

import static org.jixiao.project.employment.internal.rules.Programme.EARLIEST;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.project.employment.internal.funding.FundingRegister;
import org.jixiao.project.employment.internal.project.ProjectRegister;
import org.jixiao.project.employment.internal.rules.WriteRules;
import org.jixiao.project.employment.internal.youth.YouthRegister;

/**
 * Work item 13: awards and competitions (附件2 第13项): the selections and contests a county takes part in, and their
 * entrants (a youth, a project or both, of the award's county: a child register in the award's county) and how far
 * each went. Qualitative: no indicator; {@link AwardSummary} gives the awards, entrants and winners per county.
 */
public final class AwardRegister {

    public static final String ID = "awards";
    public static final String ENTRANTS = "award-entrants";
    public static final String TABLE = "EMP_AWARD";
    public static final String ENTRANT_TABLE = "EMP_AWARD_ENTRANT";
    public static final String SUMMARY = "summary";
    static final String PREFIX = "award";

    /**
     * Ten Outstanding Youth, Ten Young Entrepreneurs, Golden Seed entrepreneurship projects; the students'
     * career-planning contest, the young workers' skills contest, the youth entrepreneurship contest; OTHER carries
     * its own name.
     */
    public enum Kind {
        TEN_OUTSTANDING_YOUTH, TEN_YOUNG_ENTREPRENEURS, GOLDEN_SEED, CAREER_PLANNING_CONTEST,
        YOUNG_WORKERS_SKILLS_CONTEST, ENTREPRENEURSHIP_CONTEST, OTHER
    }

    /** Who holds the selection or contest. */
    public enum Level { CITY, PROVINCE, NATIONAL }

    /** How far an entrant went; a WINNER names the prize. */
    public enum Result { ENTERED, SHORTLISTED, WINNER }

    private AwardRegister() {
    }

    /** The awards, then their entrants. */
    public static List<RegisterDefinition> definitions() {
        RegisterDefinition awards = RegisterDefinition.builder(ID, TABLE).messages(PREFIX).unitColumn("COUNTY_ID")
                .field(Field.choice("kind", Kind.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.text("name", 100).with(Field.Flag.TITLE, Field.Flag.LISTED, Field.Flag.SEARCHABLE,
                        Field.Flag.HELP))
                .field(Field.integer("year").withColumn("AWARD_YEAR").required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE))
                .field(Field.choice("level", Level.class).withColumn("AWARD_LEVEL").required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER))
                .page(ID + "/" + SUMMARY, PREFIX + ".summary.link")
                .hooks(new AwardRules()).build();
        RegisterDefinition entrants = RegisterDefinition.builder(ENTRANTS, ENTRANT_TABLE)
                .messages(PREFIX + ".entrant").unitColumn("COUNTY_ID").parent(ID)
                .field(Field.reference("youth", YouthRegister.ID).withColumn("YOUTH_ID")
                        .with(Field.Flag.LISTED, Field.Flag.HELP))
                .field(Field.reference("project", ProjectRegister.ID).withColumn("PROJECT_ID")
                        .with(Field.Flag.LISTED))
                .field(Field.choice("result", Result.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.text("prize", 100).with(Field.Flag.TITLE, Field.Flag.LISTED))
                .hooks(new EntrantRules()).build();
        return List.of(awards, entrants);
    }

    /** OTHER is named by its name (a named kind may carry an edition title); a year from 2000 to this one. */
    static final class AwardRules extends WriteRules {
        @Override
        protected void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors) {
            if (Kind.OTHER.name().equals(v.get("kind")) && v.get("name") == null && !errors.has("name")) {
                errors.add("name", "award.name.required");
            }
            if (v.get("year") instanceof Long year && (year < EARLIEST.getYear() || year > change.today().getYear())) {
                errors.add("year", "award.year.invalid");
            }
        }
    }

    /**
     * An entrant is a youth, a project or both; a prize belongs to a winner, and a winner names it; a youth or a
     * project enters an award once. The engine hands a creation's hooks no parent, so the last rule runs once the
     * row (with its PARENT_ID) is written, inside the same transaction: a refusal still leaves nothing behind.
     */
    static final class EntrantRules extends WriteRules {
        @Override
        protected void check(RecordChange change, Map<String, Object> v, ValidationException.Collector errors) {
            FundingRegister.requireYouthOrProject(v, errors, "award.entrant.required");
            Object result = v.get("result");
            Object prize = v.get("prize");
            if (Result.WINNER.name().equals(result) && prize == null && !errors.has("prize")) {
                errors.add("prize", "award.prize.required");
            } else if (result != null && !Result.WINNER.name().equals(result) && prize != null) {
                // A prize belongs to a winner; anything else would count a prize nobody won.
                errors.add("prize", "award.prize.notWinner");
            }
        }

        @Override
        public void afterWrite(RecordChange change) throws SQLException {
            if (change.kind() == RecordChange.Kind.DELETE) {
                return;
            }
            ValidationException.Collector errors = new ValidationException.Collector();
            for (String field : List.of("youth", "project")) {
                if (change.values().get(field) instanceof Long named && entered(change, field, named)) {
                    errors.add(field, "award." + field + ".already");
                }
            }
            errors.throwIfAny();
        }

        /** Whether another live entrant of the same award names the same youth or project. */
        private static boolean entered(RecordChange change, String field, long named) throws SQLException {
            String column = field.equals("youth") ? "YOUTH_ID" : "PROJECT_ID";
            try (PreparedStatement ps = change.connection().prepareStatement("SELECT 1 FROM " + ENTRANT_TABLE
                    + " E WHERE E.PARENT_ID = (SELECT PARENT_ID FROM " + ENTRANT_TABLE + " WHERE ID = ?) AND E."
                    + column + " = ? AND E.DELETED_AT IS NULL AND E.ID <> ?")) {
                ps.setLong(1, change.id());
                ps.setLong(2, named);
                ps.setLong(3, change.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }
    }
}
