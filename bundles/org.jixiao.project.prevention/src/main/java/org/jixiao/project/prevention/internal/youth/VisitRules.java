package org.jixiao.project.prevention.internal.youth;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterHooks;

/**
 * A visit is recorded by one of the youth's two helpers, as themselves: the overdue list counts each helper's own
 * visits, so the helper is the writer, never a field someone fills in for another.
 */
final class VisitRules implements RegisterHooks {

    @Override
    public void validate(RecordChange change, ValidationException.Collector errors) throws SQLException {
        if (change.kind() == RecordChange.Kind.CREATE && change.parentId().isPresent()
                && !pairedWith(change, change.parentId().get())) {
            errors.add("helper", "visit.notHelper");
        }
        if (change.kind() == RecordChange.Kind.UPDATE && change.before().isPresent()
                && !Long.valueOf(change.actor().userId()).equals(change.before().get().value("helper"))) {
            errors.add("helper", "visit.notOwn");
        }
    }

    @Override
    public Map<String, Object> derive(RecordChange change) {
        return change.kind() == RecordChange.Kind.CREATE ? Map.of("helper", change.actor().userId()) : Map.of();
    }

    private static boolean pairedWith(RecordChange change, long youth) throws SQLException {
        try (PreparedStatement ps = change.connection().prepareStatement(
                "SELECT 1 FROM PRV_YOUTH WHERE ID = ? AND (PROFESSIONAL = ? OR VOLUNTEER = ?)")) {
            ps.setLong(1, youth);
            ps.setLong(2, change.actor().userId());
            ps.setLong(3, change.actor().userId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
