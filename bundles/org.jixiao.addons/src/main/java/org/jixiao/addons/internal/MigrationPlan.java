package org.jixiao.addons.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jixiao.api.store.AppliedMigration;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.Store;

/**
 * What installing an archive does to the database, owner by owner (a key project's migrations are filed under its
 * id): the migrations that will run, those already applied, and those the store has applied but the archive lacks.
 * The store refuses to start a bundle in the last case, and once a migration changed the tables no older code can be
 * trusted with them, so such an archive (a downgrade, or another plugin's migrations) is refused before anything is
 * installed. The same goes for an applied migration whose text the archive changed.
 * <p>
 * As the store does, a baseline among an owner's migrations runs only for an owner the store has no migration of; the
 * applied versions up to it count as applied whether or not the archive still ships them, and a ledger whose newest
 * version is below the baseline's is refused: the archive lacks the steps between (see {@code Store#migrate}).
 */
public record MigrationPlan(List<Owner> owners) {

    /** {@code lacking}: the versions between the ledger's newest and the archive's baseline, no longer shipped. */
    public record Owner(String owner, List<Migration> toRun, List<Integer> applied, List<Integer> unknown,
            List<Integer> changed, List<Integer> lacking) {

        boolean refused() {
            return !unknown.isEmpty() || !changed.isEmpty() || !lacking.isEmpty();
        }
    }

    static MigrationPlan of(KarArchive kar, Store store) {
        Map<String, List<Migration>> byOwner = new TreeMap<>();
        for (BundleJar b : kar.bundles()) {
            b.migrations().forEach((owner, list) ->
                    byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).addAll(list));
        }
        List<Owner> owners = new ArrayList<>();
        for (Map.Entry<String, List<Migration>> e : byOwner.entrySet()) {
            List<AppliedMigration> applied = store.applied(e.getKey());
            owners.add(compare(e.getKey(), e.getValue(), applied));
        }
        return new MigrationPlan(List.copyOf(owners));
    }

    static Owner compare(String owner, List<Migration> archive, List<AppliedMigration> applied) {
        Map<Integer, Migration> shipped = archive.stream()
                .collect(Collectors.toMap(Migration::version, m -> m, (a, b) -> a, TreeMap::new));
        Set<Integer> done = applied.stream().map(AppliedMigration::version).collect(Collectors.toSet());
        int covered = archive.stream().filter(Migration::baseline).mapToInt(Migration::version).max().orElse(0);
        List<Migration> toRun = shipped.values().stream().filter(m -> m.baseline() ? applied.isEmpty()
                : m.version() > covered && !done.contains(m.version())).toList();
        int newest = applied.stream().mapToInt(AppliedMigration::version).max().orElse(0);
        List<Integer> lacking = newest == 0 || newest >= covered ? List.of()
                : IntStream.rangeClosed(newest + 1, covered).boxed().toList();
        List<Integer> unknown = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (AppliedMigration a : applied) {
            Migration m = shipped.get(a.version());
            if (a.version() <= covered) {
                kept.add(a.version());
            } else if (m == null) {
                unknown.add(a.version());
            } else if (!checksum(m.sql()).equals(a.checksum())) {
                changed.add(a.version());
            } else {
                kept.add(a.version());
            }
        }
        return new Owner(owner, toRun, List.copyOf(kept), List.copyOf(unknown), List.copyOf(changed), lacking);
    }

    /** The first refusal, or null: the archive may be installed. */
    Refusal refusal() {
        for (Owner o : owners) {
            if (!o.unknown().isEmpty()) {
                return new Refusal("addons.refused.downgrade", o.owner(), versions(o.unknown()));
            }
            if (!o.changed().isEmpty()) {
                return new Refusal("addons.refused.changedMigration", o.owner(), versions(o.changed()));
            }
            if (!o.lacking().isEmpty()) {
                int first = o.lacking().get(0);
                int last = o.lacking().get(o.lacking().size() - 1);
                return new Refusal("addons.refused.belowBaseline", o.owner(),
                        first == last ? "V" + first : "V" + first + "–V" + last);
            }
        }
        return null;
    }

    static String versions(List<Integer> versions) {
        return versions.stream().map(v -> "V" + v).collect(Collectors.joining(", "));
    }

    /** As the store computes it: SHA-256 of the script with line endings normalised. */
    static String checksum(String sql) {
        try {
            String text = sql.replace("\r\n", "\n").replace('\r', '\n');
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
