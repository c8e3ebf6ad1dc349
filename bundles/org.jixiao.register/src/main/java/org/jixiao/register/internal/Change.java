package org.jixiao.register.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.jixiao.api.Actor;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.Transition;

/** A write as hooks see it. */
record Change(Kind kind, RegisterDefinition register, Actor actor, LocalDate today, Connection connection,
        Optional<RegisterRecord> before, Map<String, Object> values, long id, long unitId,
        Optional<Transition> transition, Long parent) implements RecordChange {

    Change {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    @Override
    public Optional<Long> parentId() {
        return Optional.ofNullable(parent);
    }
}
