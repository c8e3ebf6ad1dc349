package org.jixiao.api.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema change of one owner (a bundle). Shipped as {@code V<version>__<description>.sql};
 * statements are separated by a line holding only {@code ;} or by {@code ;} at the end of a line.
 * <p>
 * A <em>baseline</em>, shipped as {@code B<version>__<description>.sql}, creates at once the schema (and the seed
 * rows) that the owner's migrations up to {@code version} built one after another; their files then leave the
 * bundle. The store runs it only for an owner with no migration in its ledger yet, and records it there as version
 * {@code version}. An owner whose ledger already has migrations keeps them: the versions up to the baseline's count
 * as known (their files may be gone, their text is no longer compared) and only the later migrations run. A ledger
 * whose newest version is below the baseline's cannot be brought forward by this version, since the steps between
 * are no longer shipped: the store refuses it and names the versions to go through first (see
 * {@link Store#migrate}). An owner ships at most one baseline; a migration of it below the baseline's version is
 * refused as well, since it would never run.
 */
public record Migration(int version, String description, String sql, boolean baseline) {

    private static final Pattern FILE_NAME = Pattern.compile("([VB])(\\d+)__([A-Za-z0-9_\\-]+)\\.sql");

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1: " + version);
        }
        Objects.requireNonNull(description);
        Objects.requireNonNull(sql);
    }

    /** A migration that is not a baseline. */
    public Migration(int version, String description, String sql) {
        this(version, description, sql, false);
    }

    /**
     * Parses a file name such as {@code V2__add_needs.sql} (a migration) or {@code B26__baseline.sql} (a
     * baseline); null when the name is neither.
     */
    public static Migration fromFile(String fileName, String sql) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        return new Migration(Integer.parseInt(m.group(2)), m.group(3).replace('_', ' '), sql, "B".equals(m.group(1)));
    }

    /**
     * The migrations named {@code files}, read from {@code folder} (ending in {@code /}) beside {@code anchor}, in the
     * order given: a bundle's class loader can read a resource but cannot list a folder, so an owner lists its files.
     *
     * @throws IllegalStateException when one is missing, cannot be read or is not named as a migration
     */
    public static List<Migration> resources(Class<?> anchor, String folder, String... files) {
        List<Migration> out = new ArrayList<>(files.length);
        for (String file : files) {
            try (InputStream in = anchor.getResourceAsStream(folder + file)) {
                if (in == null) {
                    throw new IllegalStateException("migration " + folder + file + " is missing beside "
                            + anchor.getName());
                }
                Migration m = fromFile(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                out.add(Objects.requireNonNull(m, () -> "not a migration file name: " + file));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration " + folder + file, e);
            }
        }
        return out;
    }
}
