package org.jixiao.assessment.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * The manifest bnd wrote in process-classes, before the tests run. The module must be found through its DS
 * component and nothing else: it exports no package, so no other bundle can come to depend on its internals.
 */
class ManifestTest {

    @Test
    void registersAComponentAndExportsNothing() throws IOException {
        Attributes main = manifest().getMainAttributes();
        assertEquals("org.jixiao.assessment.standard", main.getValue("Bundle-SymbolicName"));
        String components = main.getValue("Service-Component");
        assertTrue(components != null && components.contains(StandardAssessment.class.getName()), components);
        assertNull(main.getValue("Export-Package"));
        String imports = main.getValue("Import-Package");
        // A consumer of the SPI: any 1.x from the one it was built against, never 2.0.
        assertTrue(java.util.regex.Pattern.compile("org\\.jixiao\\.api\\.assessment;version=\"\\[1\\.\\d+,2\\)\"")
                .matcher(imports).find(), imports);
    }

    private static Manifest manifest() throws IOException {
        Path file = Path.of("target", "classes", "META-INF", "MANIFEST.MF");
        try (InputStream in = Files.newInputStream(file)) {
            return new Manifest(in);
        }
    }
}
