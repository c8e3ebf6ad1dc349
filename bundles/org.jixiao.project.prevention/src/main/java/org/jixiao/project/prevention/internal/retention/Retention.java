package org.jixiao.project.prevention.internal.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.api.register.Scope;
import org.jixiao.project.prevention.internal.Roles;

/**
 * Retention (issue 14): a key youth who turns 25 or leaves the programme is archived a period after, a period the city
 * sets here (one record, the city's office; 12 months until it does). Archiving is evaluated on every read against
 * the day the youth's active life ended ({@code endsOn}), so it needs no job, repeats nothing and follows a change of
 * the period at once: archived youth leave the lists, exports and the project's figures, and stay readable by id
 * (and listed with {@code archived=true}) for the county's office, audited as every read.
 */
public final class Retention {

    public static final String RETENTION = "retention";

    /** The period until the city sets one. */
    public static final int DEFAULT_MONTHS = 12;

    private Retention() {
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(RETENTION, "PRV_RETENTION").messages("retention").scope(Scope.CITY)
                .field(Field.integer("months").withRange(1, 120).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.HELP))
                .writers(Roles.PREVENTION_OFFICE).hooks(new Once()).build();
    }

    /** The months the city keeps an ended youth's record in the lists: its setting, or the default. */
    public static int months(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MONTHS FROM PRV_RETENTION WHERE DELETED_AT IS NULL "
                + "ORDER BY UPDATED_AT DESC FETCH FIRST 1 ROWS ONLY"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : DEFAULT_MONTHS;
        }
    }

    /** One setting: the city edits it rather than adding a second that would contradict it. */
    private static final class Once implements RegisterHooks {
        @Override
        public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
            if (change.kind() != RecordChange.Kind.CREATE) {
                return;
            }
            try (PreparedStatement ps = change.connection().prepareStatement(
                    "SELECT 1 FROM PRV_RETENTION WHERE DELETED_AT IS NULL"); ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    errors.add("months", "retention.once");
                }
            }
        }
    }
}
