package org.jixiao.project.prevention.internal.statistics;

import java.sql.SQLException;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.project.prevention.internal.Roles;
import org.jixiao.project.prevention.internal.youth.YouthRegister;

/**
 * Step 4 (犯罪统计, December to January, POLICY.md section 4): the courts and the police of each county report, for
 * their area and year, the offenders under 25 and the minors under 18 of each offence category. Counts only: no row
 * names a person, so the register is neither sensitive nor need to know; one row per year, source and category.
 */
public final class CrimeStatistics {

    public static final String STATISTICS = "crimestats";

    /** Who reports the figures. */
    public enum Source { COURT, POLICE }

    private CrimeStatistics() {
    }

    /** The statistics, the member units' yearly analyses and the city's report on them. */
    public static java.util.List<RegisterDefinition> definitions() {
        return java.util.List.of(definition(), AnnualReport.analyses(), AnnualReport.definition());
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(STATISTICS, "PRV_CRIME_STAT").messages("crimeStat")
                .field(Field.integer("year").withColumn("STAT_YEAR").withRange(2000, 2100).required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER, Field.Flag.SORTABLE, Field.Flag.TITLE))
                .field(Field.choice("source", Source.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.choice("offenceCategory", YouthRegister.OffenceCategory.class).required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.integer("under25").withRange(0, 1_000_000).required().with(Field.Flag.LISTED,
                        Field.Flag.HELP))
                .field(Field.integer("minors").withRange(0, 1_000_000).required().with(Field.Flag.LISTED,
                        Field.Flag.HELP))
                .key("year", "source", "offenceCategory")
                .writers(Roles.MEMBER_UNIT, Roles.PREVENTION_OFFICE).hooks(new Rules()).build();
    }

    /** The minors under 18 are among the offenders under 25. */
    static final class Rules implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            if (change.values().get("minors") instanceof Long minors
                    && change.values().get("under25") instanceof Long all && minors > all && !errors.has("minors")) {
                errors.add("minors", "crimeStat.minorsAbove");
            }
        }
    }
}
