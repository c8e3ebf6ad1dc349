package org.jixiao.addons.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.jixiao.api.project.KeyProject;
import org.jixiao.api.store.Migration;

/**
 * What a bundle of a plugin will bring, read from its jar without installing or starting it: its name and version,
 * the key project it is (the {@code Jixiao-Project} header), its migrations ({@code db/**}{@code /V<n>__<what>.sql}
 * and a baseline {@code B<n>__<what>.sql}), the tables they create and the roles its messages name ({@code role.<ID>}
 * keys, the names the users page shows).
 * The roles and registers a project declares in code cannot be known before its code runs; its messages and
 * migrations say the same without running anything.
 */
public record BundleJar(String location, String symbolicName, String version, String projectId,
        Map<String, List<Migration>> migrations, List<String> tables, Map<String, String> roles) {

    private static final Pattern MIGRATION = Pattern.compile("db/(?:.*/)?([VB]\\d+__[A-Za-z0-9_\\-]+\\.sql)");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bCREATE\\s+TABLE\\s+\"?([A-Za-z0-9_]+)\"?");

    /** The migrations' owner in the store's ledger: a key project's own are filed under its id. */
    static String owner(String projectId, String path) {
        String folder = path.substring(0, path.lastIndexOf('/'));
        if (projectId != null && ("/" + folder).equals(KeyProject.MIGRATIONS_PATH)) {
            return projectId;
        }
        return folder.substring(folder.lastIndexOf('/') + 1);
    }

    static BundleJar read(String location, byte[] jar, String language) throws IOException {
        String symbolicName = null;
        String version = null;
        String projectId = null;
        Map<String, List<Migration>> migrations = new TreeMap<>();
        Map<String, Properties> messages = new TreeMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), false)) {
            Manifest manifest = in.getManifest();
            if (manifest != null) {
                Attributes main = manifest.getMainAttributes();
                symbolicName = main.getValue("Bundle-SymbolicName");
                if (symbolicName != null && symbolicName.indexOf(';') > 0) {
                    symbolicName = symbolicName.substring(0, symbolicName.indexOf(';'));
                }
                version = main.getValue("Bundle-Version");
                projectId = main.getValue(KeyProject.BUNDLE_HEADER);
                projectId = projectId == null ? null : projectId.trim();
            }
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                String name = e.getName();
                Matcher m = MIGRATION.matcher(name);
                if (m.matches()) {
                    Migration migration = Migration.fromFile(m.group(1), text(in));
                    if (migration != null) {
                        migrations.computeIfAbsent(owner(projectId, name), k -> new ArrayList<>()).add(migration);
                    }
                } else if (name.startsWith("i18n/messages") && name.endsWith(".properties")) {
                    Properties p = new Properties();
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    messages.put(name, p);
                }
            }
        }
        migrations.values().forEach(list -> list.sort(Comparator.comparingInt(Migration::version)));
        Set<String> tables = new LinkedHashSet<>();
        migrations.values().forEach(list -> list.forEach(mig -> tables.addAll(tables(mig.sql()))));
        return new BundleJar(location, symbolicName, version, projectId, migrations, List.copyOf(tables),
                roles(messages, language));
    }

    /** The tables a migration creates, upper-case as Derby stores unquoted names. */
    static List<String> tables(String sql) {
        List<String> out = new ArrayList<>();
        Matcher m = CREATE_TABLE.matcher(sql.replaceAll("(?m)--.*$", ""));
        while (m.find()) {
            out.add(m.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /** Role id to its name in the admin's language, else the default (Chinese) one. */
    private static Map<String, String> roles(Map<String, Properties> messages, String language) {
        Properties base = messages.getOrDefault("i18n/messages.properties", new Properties());
        Properties own = messages.getOrDefault("i18n/messages_" + language + ".properties", base);
        Map<String, String> roles = new TreeMap<>();
        for (String key : base.stringPropertyNames()) {
            if (key.startsWith("role.")) {
                roles.put(key.substring(5), own.getProperty(key, base.getProperty(key)));
            }
        }
        return roles;
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
