package org.jixiao.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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
            Set<Class<?>> distinct = new LinkedHashSet<>();
            for (Class<?> c : classes) {
                withMembers(c, distinct);
            }
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

    /** The class and its member classes (nested records, enums), each of which is a class file of its own. */
    private static void withMembers(Class<?> c, Set<Class<?>> out) {
        if (out.add(c)) {
            for (Class<?> member : c.getDeclaredClasses()) {
                withMembers(member, out);
            }
        }
    }

    /**
     * The SCR descriptor of one immediate component: {@code type} provides {@code service} with {@code properties},
     * and gets each of {@code references} (field name to service interface; static, mandatory) injected into its
     * field before {@code activate} (a method name, or null for none) is called.
     */
    public static String component(String name, Class<?> type, String service, Map<String, String> properties,
            Map<String, String> references, String activate) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"").append(name)
                .append("\" immediate=\"true\"")
                .append(activate == null ? "" : " activate=\"" + activate + "\"").append(">\n")
                .append("  <implementation class=\"").append(type.getName()).append("\"/>\n")
                .append("  <service><provide interface=\"").append(service).append("\"/></service>\n");
        properties.forEach((key, value) -> xml.append("  <property name=\"").append(key).append("\" value=\"")
                .append(value).append("\"/>\n"));
        references.forEach((field, wanted) -> xml.append("  <reference name=\"").append(field)
                .append("\" interface=\"").append(wanted).append("\" field=\"").append(field).append("\"/>\n"));
        return xml.append("</scr:component>\n").toString();
    }

    /**
     * A key-project bundle as the core looks for it: the {@code Jixiao-Project} header and one component declared in
     * {@code OSGI-INF/project.xml}, plus the given classes and files.
     */
    public static byte[] keyProject(String symbolicName, String projectId, String importPackage, String componentXml,
            Class<?>[] classes, Map<String, String> files) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put("OSGI-INF/project.xml", componentXml);
        return build(Map.of(
                "Bundle-SymbolicName", symbolicName,
                "Bundle-Version", "1.0.0",
                "Jixiao-Project", projectId,
                "Service-Component", "OSGI-INF/project.xml",
                "Import-Package", importPackage), classes, all);
    }

    /**
     * Files of the test's own resources below {@code root} (e.g. {@code fixture/sample/}), keyed by their path below
     * it, as a fixture bundle carries them: migrations, messages, templates. Read as UTF-8.
     */
    public static Map<String, String> resources(String root, String... paths) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : paths) {
            try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(root + path)) {
                if (in == null) {
                    throw new IOException("no test resource " + root + path);
                }
                files.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
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
