package org.jixiao.core.internal.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.osgi.framework.Bundle;

/**
 * The SHA-256 of an assessment module's code: every file of its bundle (or, outside OSGi, of the jar or folder its
 * class came from), by path in sorted order, each as its path, a NUL and its bytes. Two builds that claim the same
 * id and version but score differently differ here, so a run records exactly what scored it.
 */
final class ModuleDigest {

    private ModuleDigest() {
    }

    static String of(Bundle bundle) {
        TreeMap<String, URL> files = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries("/", "*", true);
        for (URL u : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
            if (!u.getPath().endsWith("/")) {
                files.put(u.getPath(), u);
            }
        }
        MessageDigest sha = sha256();
        for (var e : files.entrySet()) {
            try (InputStream in = e.getValue().openStream()) {
                add(sha, e.getKey(), in);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Outside OSGi (tests): the jar or class folder the module's class was loaded from. */
    static String of(Class<?> type) {
        try {
            Path where = Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest sha = sha256();
            if (Files.isDirectory(where)) {
                List<Path> all = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(where)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(all::add);
                }
                for (Path p : all) {
                    try (InputStream in = Files.newInputStream(p)) {
                        add(sha, "/" + where.relativize(p).toString().replace('\\', '/'), in);
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(where.toFile())) {
                    List<? extends ZipEntry> entries = jar.stream().filter(z -> !z.isDirectory())
                            .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
                    for (ZipEntry z : entries) {
                        try (InputStream in = jar.getInputStream(z)) {
                            add(sha, "/" + z.getName(), in);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // A module whose code cannot be read (a class made on the fly) is recorded without a digest.
            return null;
        }
    }

    private static void add(MessageDigest sha, String path, InputStream in) throws IOException {
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
