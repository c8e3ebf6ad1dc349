package org.jixiao.addons.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Karaf archives made at test time, signed with throwaway keys that the JDK's own {@code keytool} makes and its
 * {@code jarsigner} uses, as the city's release build would.
 */
final class TestArchives {

    static final String FEATURE = "jixiao-project-trial";
    static final String PASSWORD = "test-only-pass";

    private final Path dir;

    TestArchives(Path dir) {
        this.dir = dir;
    }

    /** A new key pair in its own keystore; returns the keystore. */
    Path key(String alias) throws IOException, InterruptedException {
        Path keystore = dir.resolve(alias + ".p12");
        run(tool("keytool"), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + alias + " release, O=Jixiao test", "-validity", "30", "-keystore",
                keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        return keystore;
    }

    /** The certificate of the key in {@code keystore}, as a PEM file would carry it. */
    X509Certificate certificate(Path keystore, String alias) throws Exception {
        Path pem = dir.resolve(alias + ".pem");
        run(tool("keytool"), "-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-file", pem.toString());
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    Trust trusting(X509Certificate certificate) {
        return new Trust(Set.of(SignedArchive.fingerprint(certificate)));
    }

    /** An unsigned kar holding a features descriptor and one key-project bundle with these migrations. */
    Path kar(String name, String projectId, String version, Map<String, String> migrations) throws IOException {
        String bundle = "mvn:org.jixiao.test/trial/" + version;
        String features = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<features name=\"trial-" + version + "\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
                + "  <feature name=\"" + FEATURE + "\" version=\"" + version + "\">\n"
                + "    <feature>jixiao</feature>\n"
                + "    <bundle>" + bundle + "</bundle>\n"
                + "  </feature>\n</features>\n";
        Map<String, String> files = new LinkedHashMap<>();
        migrations.forEach((file, sql) -> files.put("db/migration/" + file, sql));
        files.put("i18n/messages.properties", "project.name=试点\nrole.TRIAL_OFFICE=试点办公室\n");
        files.put("i18n/messages_en.properties", "project.name=Trial\nrole.TRIAL_OFFICE=Trial office\n");
        Path kar = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(kar))) {
            put(zip, "repository/org/jixiao/test/trial-features/" + version + "/trial-features-" + version
                    + "-features.xml", features.getBytes(StandardCharsets.UTF_8));
            put(zip, "repository/" + KarArchive.repositoryPath(bundle), bundleJar(projectId, version, files));
        }
        return kar;
    }

    static byte[] bundleJar(String projectId, String version, Map<String, String> files) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.jixiao.test.trial");
        main.putValue("Bundle-Version", version);
        main.putValue("Jixiao-Project", projectId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                jar.putNextEntry(new JarEntry(f.getKey()));
                jar.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    /** The kar signed with the key in {@code keystore}, by the JDK's jarsigner. */
    Path sign(Path kar, Path keystore, String alias) throws IOException, InterruptedException {
        Path signed = dir.resolve("signed-" + alias + "-" + kar.getFileName());
        run(tool("jarsigner"), "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-signedjar", signed.toString(), kar.toString(), alias);
        return signed;
    }

    /** A copy of a signed archive in which one byte of one entry's content changed; its signature files kept. */
    Path tamper(Path signed, String entrySuffix) throws IOException {
        return rewrite(signed, "tampered-", entrySuffix, null);
    }

    /** A copy of a signed archive with one file added after signing. */
    Path withExtraFile(Path signed, String name) throws IOException {
        return rewrite(signed, "extra-", null, name);
    }

    private Path rewrite(Path signed, String prefix, String tamperSuffix, String extra) throws IOException {
        Path out = dir.resolve(prefix + signed.getFileName());
        try (ZipFile in = new ZipFile(signed.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] content;
                try (InputStream s = in.getInputStream(e)) {
                    content = s.readAllBytes();
                }
                if (tamperSuffix != null && e.getName().endsWith(tamperSuffix)) {
                    content[content.length / 2] ^= 1;
                }
                put(zip, e.getName(), content);
            }
            if (extra != null) {
                put(zip, extra, "added later".getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + output);
        }
    }
}
