package org.jixiao.store.internal;

import java.nio.file.Path;

final class TestSupport {

    private TestSupport() {
    }

    /** The temporary database directories come and go; Derby's log file is JVM-wide, so keep it in target/. */
    static void derbyLogInTarget() {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", Path.of("target", "derby.log").toAbsolutePath().toString());
        }
    }
}
