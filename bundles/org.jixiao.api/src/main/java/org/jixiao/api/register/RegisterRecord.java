package org.jixiao.api.register;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One live record as its reader may see it. {@code values} holds every field by name with the Java type its
 * {@link FieldType} gives; a resident-ID field holds its mask, never the clear number (see
 * {@link RegisterService#reveal}); a blank field is absent.
 *
 * @param id       a {@link RecordId global id}
 * @param unitId   the evaluated unit the record belongs to
 * @param parentId the parent record of a child register, or null
 * @param state    the workflow state, or null without a workflow
 * @param version  raised by every write, for optimistic locking of edits
 */
public record RegisterRecord(long id, String register, long unitId, Long parentId, String state,
        Map<String, Object> values, int version, Instant createdAt, long createdBy, Instant updatedAt,
        long updatedBy) {

    public RegisterRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object value(String field) {
        return values.get(field);
    }
}
