package org.jixiao.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreComponentTest {

    @Test
    void prefersJixiaoData() {
        assertEquals(Path.of("/srv/jx"), StoreComponent.dataDirectory("/srv/jx", "/opt/karaf/data"));
    }

    @Test
    void fallsBackToKarafData() {
        assertEquals(Path.of("/opt/karaf/data", "jixiao"), StoreComponent.dataDirectory(null, "/opt/karaf/data"));
        assertEquals(Path.of("/opt/karaf/data", "jixiao"), StoreComponent.dataDirectory(" ", "/opt/karaf/data"));
    }

    @Test
    void fallsBackToVar() {
        assertEquals(Path.of("var"), StoreComponent.dataDirectory(null, null));
    }

    @Test
    void activatesOnTheDataDirectoryAndShutsDownOnDeactivate(@TempDir Path data) {
        TestSupport.derbyLogInTarget();
        String previous = System.getProperty("jixiao.data");
        System.setProperty("jixiao.data", data.toString());
        try {
            StoreComponent component = new StoreComponent(config(2));
            assertTrue(component.healthy());
            assertEquals(List.of(), component.applied("x"));
            assertTrue(Files.isDirectory(data.resolve("db")));
            component.deactivate();
            assertFalse(component.healthy());
            assertFalse(Files.exists(data.resolve("db").resolve("db.lck")));
        } finally {
            if (previous == null) {
                System.clearProperty("jixiao.data");
            } else {
                System.setProperty("jixiao.data", previous);
            }
        }
    }

    private static StoreComponent.Config config(int poolSize) {
        return new StoreComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreComponent.Config.class;
            }

            @Override
            public int poolSize() {
                return poolSize;
            }
        };
    }
}
