package org.jixiao.api.register;

import java.util.List;
import java.util.Map;

/**
 * A read-only page of a register that needs no login, such as a scholarship's public notice (公示): the records
 * matching {@code where}, with only {@code fields}, each masked as declared. Served at {@code /pub/<project>/<register>}.
 */
public record PublicView(Condition where, List<String> fields, Map<String, Mask> masks) {

    public enum Mask {
        /** As stored. */
        NONE,
        /** A person's name: the first character, then one * per further character (张**). */
        NAME,
        /** The last four characters only. */
        LAST4
    }

    public PublicView {
        where = where == null ? Condition.ALL : where;
        fields = List.copyOf(fields);
        masks = masks == null ? Map.of() : Map.copyOf(masks);
    }
}
