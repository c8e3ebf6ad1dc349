package org.jixiao.project.employment.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.jixiao.api.ValidationException;

/**
 * The live records of other registers that name a youth or a project. A youth or project they name may be neither
 * deleted nor moved to another county: the placement, loan or residence would then count for a person or project
 * that no longer exists, or for the wrong county. The user is told which registers still name it.
 */
final class Links {

    /** A register's column naming a youth or project; the message says which register it is. */
    record Link(String table, String column, String messageKey) {
    }

    // Each column is a foreign key, which Derby backs with an index: every lookup is one index probe.
    static final List<Link> YOUTH = List.of();

    static final List<Link> PROJECT = List.of(
            new Link("EMP_INCUBATOR_RESIDENT", "PROJECT_ID", "venture.linked.incubators"),
            new Link("EMP_YBC_PROJECT", "PROJECT_ID", "venture.linked.ybc"));

    private Links() {
    }

    /**
     * @throws ValidationException naming each register with a live record that names {@code id} (field: the
     *         register, such as {@code loans}), when there is one; nothing otherwise
     */
    static void requireNone(Connection c, List<Link> links, long id) throws SQLException {
        ValidationException.Collector errors = new ValidationException.Collector();
        for (Link link : links) {
            // The register's name is the field: "training", "loans"; two links of one register say it once.
            String field = link.messageKey().substring(link.messageKey().lastIndexOf('.') + 1);
            if (errors.has(field)) {
                continue;
            }
            // Table and column names come from the constants above, never from input.
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + link.table() + " WHERE "
                    + link.column() + " = ? AND DELETED_AT IS NULL")) {
                ps.setMaxRows(1);
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        errors.add(field, link.messageKey());
                    }
                }
            }
        }
        errors.throwIfAny();
    }
}
