package org.jixiao.core.internal.audit;

import java.time.Clock;
import java.util.Objects;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.schema.CoreSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link AuditLog} for plugins and for core code that has no transaction of its own to join (such as a
 * decryption). A failed write surfaces as an exception, so a caller can refuse to proceed unaudited.
 */
@Component(service = AuditLog.class)
public final class AuditLogService implements AuditLog {

    private final Store store;
    private final Clock clock;

    @Activate
    public AuditLogService(@Reference Store store, @Reference CoreSchema schema) {
        this(store, Clock.systemUTC());
    }

    AuditLogService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(Actor actor, String action, String target, String detail) {
        store.inTransaction(c -> {
            AuditRecords.insert(c, clock.instant(), actor, action, target, detail, null);
            return null;
        });
    }

    @Override
    public void record(java.sql.Connection connection, Actor actor, String action, String target, String detail)
            throws java.sql.SQLException {
        AuditRecords.insert(Objects.requireNonNull(connection, "connection"), clock.instant(), actor, action, target,
                detail, null);
    }
}
