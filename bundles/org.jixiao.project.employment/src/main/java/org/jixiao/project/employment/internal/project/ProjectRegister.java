package org.jixiao.project.employment.internal.project;

import static org.jixiao.project.employment.internal.rules.Programme.EARLIEST;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;

import org.jixiao.api.ValidationException;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.register.Aggregate;
import org.jixiao.api.register.Condition;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.project.employment.internal.youth.YouthRegister;

/**
 * Work item 2: the entrepreneurship project database (附件2 第2项). A project belongs to one county and its founder is
 * a live youth of that county (the engine checks a reference's unit); funding applications, incubation residences,
 * YBC demonstration projects and award entries name a project.
 */
public final class ProjectRegister {

    public static final String ID = "projects";
    public static final String TABLE = "EMP_PROJECT";
    public static final String INDICATOR_PROJECTS = "entrepreneurship.projects";
    public static final String CLAUSE = "附件2 第2项";
    static final String REGISTERED_TOO_EARLY = "venture.registeredOn.tooEarly";

    /** The internship bases' sectors (ProjectSector) share these codes and their labels. */
    public enum Sector { AGRICULTURE, MANUFACTURING, COMMERCE, SERVICES, TECHNOLOGY, CULTURE_TOURISM, OTHER }

    public enum Stage { IDEA, STARTUP, OPERATING, EXPANDED }

    public static final IndicatorDefinition PROJECTS = new IndicatorDefinition(INDICATOR_PROJECTS,
            "indicator.entrepreneurship.projects", "unit.project", Comparison.AT_LEAST, BigDecimal.valueOf(50), CLAUSE);

    private ProjectRegister() {
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(ID, TABLE).messages("venture").unitColumn("COUNTY_ID")
                .field(Field.text("name", 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE, Field.Flag.SORTABLE))
                .field(Field.reference("founder", YouthRegister.ID).withColumn("FOUNDER_ID").required()
                        .with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.choice("sector", Sector.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.choice("stage", Stage.class).required().with(Field.Flag.LISTED, Field.Flag.FILTER))
                .field(Field.longText("support", 1000))
                .field(Field.date("registeredOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.TODAY_IF_BLANK))
                .day("registeredOn")
                // Every live project registered by the day counts, whatever its year: the database is a stock.
                .aggregate(Aggregate.count(PROJECTS, Condition.ALL, "registeredOn", Aggregate.Period.CUMULATIVE))
                .hooks(new Rules()).build();
    }

    static final class Rules implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            if (change.values().get("registeredOn") instanceof LocalDate on && on.isBefore(EARLIEST)) {
                errors.add("registeredOn", REGISTERED_TOO_EARLY);
            }
        }
    }
}
