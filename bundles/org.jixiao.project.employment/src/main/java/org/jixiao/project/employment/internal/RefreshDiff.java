package org.jixiao.project.employment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed in one county between its last confirmation before a refresh ({@code base}) and that refresh: the
 * county's confirmation in the window, or its live records while it has not confirmed ({@code target} null).
 * Counts are exact; the lists hold at most {@link #LIST_LIMIT} entries each, smallest youth number first.
 *
 * @param base null when the county never confirmed before this window: then every record counts as added
 * @param target null when the lists compare with the live records
 */
record RefreshDiff(long countyId, RefreshWindow window, RefreshConfirmation base, RefreshConfirmation target,
        int added, int removed, int changed, int unchanged, List<Entry> addedList, List<Entry> removedList,
        List<Change> changedList) {

    static final int LIST_LIMIT = 200;

    /** The fields a change names; message keys {@code refresh.field.<name>}. */
    static final List<String> FIELDS = List.of("type", "education", "ageBand", "needs");

    /** Why a record of the base is no longer in the county; message keys {@code refresh.removed.<NAME>}. */
    enum Gone {
        /** Soft-deleted from the youth database. */
        DELETED,
        /** Still registered, but now in another county (which is not named: it may be out of scope). */
        MOVED
    }

    /** @param gone only for removed records */
    record Entry(RefreshItem item, String name, Gone gone) {
    }

    record Change(RefreshItem before, RefreshItem after, String name, List<String> fields) {
    }

    boolean truncated() {
        return added > addedList.size() || removed > removedList.size() || changed > changedList.size();
    }

    /** The names of the fields that differ, in {@link #FIELDS} order. */
    static List<String> changedFields(RefreshItem before, RefreshItem after) {
        List<String> out = new ArrayList<>();
        if (before.type() != after.type()) {
            out.add("type");
        }
        if (before.education() != after.education()) {
            out.add("education");
        }
        if (!Objects.equals(before.ageBand(), after.ageBand())) {
            out.add("ageBand");
        }
        if (!before.needs().equals(after.needs())) {
            out.add("needs");
        }
        return out;
    }

    /** The raw comparison, before names are looked up: by youth number, every entry. */
    record Raw(List<RefreshItem> added, List<RefreshItem> removed, List<RefreshItem[]> changed, int unchanged) {

        static Raw of(Map<Long, RefreshItem> base, Map<Long, RefreshItem> target) {
            List<RefreshItem> added = new ArrayList<>();
            List<RefreshItem> removed = new ArrayList<>();
            List<RefreshItem[]> changed = new ArrayList<>();
            int unchanged = 0;
            for (RefreshItem t : target.values()) {
                RefreshItem b = base.get(t.youthId());
                if (b == null) {
                    added.add(t);
                } else if (changedFields(b, t).isEmpty()) {
                    unchanged++;
                } else {
                    changed.add(new RefreshItem[] {b, t});
                }
            }
            for (RefreshItem b : base.values()) {
                if (!target.containsKey(b.youthId())) {
                    removed.add(b);
                }
            }
            Comparator<RefreshItem> byId = Comparator.comparingLong(RefreshItem::youthId);
            added.sort(byId);
            removed.sort(byId);
            changed.sort(Comparator.comparingLong(pair -> pair[0].youthId()));
            return new Raw(added, removed, changed, unchanged);
        }
    }
}
