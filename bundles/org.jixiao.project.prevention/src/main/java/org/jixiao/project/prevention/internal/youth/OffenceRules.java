package org.jixiao.project.prevention.internal.youth;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterHooks;

/**
 * Whether an offence was committed as a minor (before the youth's 18th birthday): such a record is the one the
 * Criminal Procedure Law (art. 286) seals.
 */
final class OffenceRules implements RegisterHooks {

    @Override
    public Map<String, Object> derive(RecordChange change) throws SQLException {
        if (!(change.values().get("committedOn") instanceof LocalDate committed) || change.parentId().isEmpty()) {
            return Map.of();
        }
        LocalDate born = birthDate(change, change.parentId().get());
        return born == null ? Map.of() : Map.of("minor", committed.isBefore(born.plusYears(18)));
    }

    private static LocalDate birthDate(RecordChange change, long youth) throws SQLException {
        try (PreparedStatement ps = change.connection().prepareStatement(
                "SELECT BIRTH_DATE FROM PRV_YOUTH WHERE ID = ?")) {
            ps.setLong(1, youth);
            try (ResultSet rs = ps.executeQuery()) {
                Date d = rs.next() ? rs.getDate(1) : null;
                return d == null ? null : d.toLocalDate();
            }
        }
    }
}
