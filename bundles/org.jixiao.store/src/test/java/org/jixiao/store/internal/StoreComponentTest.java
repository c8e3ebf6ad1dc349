package org.jixiao.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

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
    void activatesOnTheDataDirectoryAndShutsDownOnDeactivate(@TempDir Path data) throws Exception {
        TestSupport.derbyLogInTarget();
        String previous = System.getProperty("jixiao.data");
        System.setProperty("jixiao.data", data.toString());
        try {
            StoreComponent component = new StoreComponent(config(2, 400));
            assertTrue(component.healthy());
            // Issue 18: the configured page cache is the one Derby gives the database (its own MBean says so).
            assertEquals(400L, pageCacheEntries(data.resolve("db")));
            assertEquals(List.of(), component.applied("x"));
            assertTrue(Files.isDirectory(data.resolve("db")));
            component.deactivate();
            assertFalse(component.healthy());
            assertFalse(Files.exists(data.resolve("db").resolve("db.lck")));
        } finally {
            System.clearProperty(StoreComponent.PAGE_CACHE_PROPERTY);
            if (previous == null) {
                System.clearProperty("jixiao.data");
            } else {
                System.setProperty("jixiao.data", previous);
            }
        }
    }

    private static Number pageCacheEntries(Path db) throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.derby:type=CacheManager,name=PageCache,*"),
                null);
        for (ObjectName name : names) {
            if (name.getKeyProperty("db").contains(db.toString())) {
                return (Number) jmx.getAttribute(name, "MaxEntries");
            }
        }
        throw new AssertionError("no page cache MBean for " + db + " in " + names);
    }

    private static StoreComponent.Config config(int poolSize, int pageCacheSize) {
        return new StoreComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreComponent.Config.class;
            }

            @Override
            public int poolSize() {
                return poolSize;
            }

            @Override
            public int pageCacheSize() {
                return pageCacheSize;
            }
        };
    }
}
