package org.jixiao.api.register;

import java.util.List;
import java.util.Objects;

import org.jixiao.api.OrgLevel;

/**
 * One step of a {@link Workflow}: from any of {@code from} to {@code to}, taken by a holder of {@code role} at an org
 * unit of {@code level} (null: any level) that covers the record. Its label is {@code p.transition.<id>}.
 *
 * @param fields the fields the step asks for (its form shows them, each required), e.g. a review's date and the
 *               attachments that must be there by then; they may be {@link Field.Flag#READ_ONLY} elsewhere
 * @param reason whether the step needs a reason (a rejection, a return for correction), kept in the history
 */
public record Transition(String id, List<String> from, String to, String role, OrgLevel level, List<String> fields,
        boolean reason) {

    public Transition {
        Objects.requireNonNull(id, "id");
        from = List.copyOf(from);
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(role, "role");
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
