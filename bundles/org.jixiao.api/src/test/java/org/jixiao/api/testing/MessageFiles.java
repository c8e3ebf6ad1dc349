package org.jixiao.api.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The message bundles' source files, for the tests that check their keys against each other and the code. */
public final class MessageFiles {

    private MessageFiles() {
    }

    /** A bundle's {@code .properties} file read as the platform's bundles are: in UTF-8. */
    public static Properties load(Path path) {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
