package org.jixiao.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Karaf archives (.kar) of one feature and one bundle, signed at test time by a throwaway key that the JDK's keytool
 * makes and its jarsigner uses, as the city's release build signs a plugin.
 */
public final class SignedKars {

    private static final String PASS = "itest-only-pass";

    private final Path dir;

    public SignedKars(Path dir) {
        this.dir = dir;
    }

    /** A new key in its own keystore; its certificate is written beside it as {@code <alias>.pem}. */
    public Path key(String alias) throws IOException, InterruptedException {
        Path store = dir.resolve(alias + ".p12");
        jdk("keytool", "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + alias + " itest", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASS, "-keypass", PASS);
        jdk("keytool", "-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASS, "-file", dir.resolve(alias + ".pem").toString());
        return store;
    }

    /** An unsigned kar: a descriptor of {@code feature} with one bundle, {@code mvn:group/artifact/version}. */
    public Path kar(String feature, String group, String artifact, String version, byte[] bundle) throws IOException {
        String location = "mvn:" + group + "/" + artifact + "/" + version;
        String folder = "repository/" + group.replace('.', '/') + "/" + artifact + "/" + version + "/";
        String descriptor = "<features name=\"" + feature + "-" + version
                + "\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n  <feature name=\"" + feature
                + "\" version=\"" + version + "\">\n    <feature>jixiao</feature>\n    <bundle>" + location
                + "</bundle>\n  </feature>\n</features>\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(folder + artifact + "-" + version + "-features.xml"));
            zip.write(descriptor.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(folder + artifact + "-" + version + ".jar"));
            zip.write(bundle);
        }
        return Files.write(dir.resolve(artifact + "-" + version + ".kar"), bytes.toByteArray());
    }

    public Path sign(Path kar, Path keystore, String alias) throws IOException, InterruptedException {
        Path signed = dir.resolve("signed-" + kar.getFileName());
        jdk("jarsigner", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASS, "-signedjar",
                signed.toString(), kar.toString(), alias);
        return signed;
    }

    private static void jdk(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", tool).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(tool + " failed: " + out);
        }
    }
}
