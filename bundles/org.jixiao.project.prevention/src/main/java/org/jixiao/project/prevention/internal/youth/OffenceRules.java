package org.jixiao.project.prevention.internal.youth;

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
        LocalDate born = YouthRegister.birthDate(change.connection(), change.parentId().get());
        return born == null ? Map.of() : Map.of("minor", committed.isBefore(born.plusYears(18)));
    }
}
