package org.jixiao.core.internal.schema;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.UnaryOperator;

/** Where a node keeps its files, so that the database, keys, passwords and evidence all live together. */
public final class NodeFiles {

    private NodeFiles() {
    }

    /**
     * The same lookup as the store's: system property {@code jixiao.data}, else {@code ${karaf.data}/jixiao},
     * else {@code ./var}.
     *
     * @param properties System::getProperty in production
     */
    public static Path dataDirectory(UnaryOperator<String> properties) {
        String data = nonBlank(properties.apply("jixiao.data"));
        if (data != null) {
            return Paths.get(data);
        }
        String karafData = nonBlank(properties.apply("karaf.data"));
        return karafData != null ? Paths.get(karafData, "jixiao") : Paths.get("./var");
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
