package org.jixiao.api.store;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema change of one owner (a bundle). Shipped as {@code V<version>__<description>.sql};
 * statements are separated by a line holding only {@code ;} or by {@code ;} at the end of a line.
 */
public record Migration(int version, String description, String sql) {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_\\-]+)\\.sql");

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1: " + version);
        }
        Objects.requireNonNull(description);
        Objects.requireNonNull(sql);
    }

    /** Parses a file name such as {@code V2__add_needs.sql}; null when the name is not a migration's. */
    public static Migration fromFile(String fileName, String sql) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), sql);
    }
}
