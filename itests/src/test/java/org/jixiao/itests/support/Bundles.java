package org.jixiao.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;

/** Builds bundles at test time: fixtures, and new versions of real bundles. */
public final class Bundles {

    private Bundles() {
    }

    /** A bundle of the given classes (taken from the test's own class files) plus extra files. */
    public static byte[] build(Map<String, String> headers, Class<?>[] classes, Map<String, String> files)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            java.util.Set<Class<?>> distinct = new java.util.LinkedHashSet<>(java.util.Arrays.asList(classes));
            for (Class<?> c : distinct) {
                String name = c.getName().replace('.', '/') + ".class";
                try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                    jar.putNextEntry(new JarEntry(name));
                    jar.write(in.readAllBytes());
                }
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                jar.putNextEntry(new JarEntry(f.getKey()));
                jar.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A copy of an installed bundle with a new version and extra files, as a developer's next release of it
     * would be.
     */
    public static byte[] nextVersion(Bundle bundle, String version, Map<String, String> extraFiles)
            throws IOException {
        Manifest manifest;
        try (InputStream in = bundle.getEntry("META-INF/MANIFEST.MF").openStream()) {
            manifest = new Manifest(in);
        }
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            Enumeration<URL> entries = bundle.findEntries("/", "*", true);
            for (URL url : Collections.list(entries)) {
                String path = url.getPath().startsWith("/") ? url.getPath().substring(1) : url.getPath();
                if (path.isEmpty() || path.endsWith("/") || path.equals("META-INF/MANIFEST.MF")
                        || extraFiles.containsKey(path)) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(path));
                try (InputStream in = url.openStream()) {
                    jar.write(in.readAllBytes());
                }
            }
            for (Map.Entry<String, String> f : extraFiles.entrySet()) {
                jar.putNextEntry(new JarEntry(f.getKey()));
                jar.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
