package org.jixiao.federation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A throwaway certificate authority and the nodes' keys, made once per test run by the JDK's {@code keytool}, the
 * way the README tells an operator to: the city's certificate names 127.0.0.1, each county has its own, and a rogue
 * county's certificate is self-signed.
 */
final class Certificates {

    static final String PASSWORD = "test-only";
    private static Certificates made;

    final Path dir;

    private Certificates(Path dir) {
        this.dir = dir;
    }

    static synchronized Certificates get() {
        if (made == null) {
            try {
                made = make(Files.createTempDirectory("jixiao-tls"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return made;
    }

    /** A node's TLS settings: its own key store, the authority as trust store. */
    Tls tls(String node) {
        return new Tls(dir.resolve(node + ".p12"), PASSWORD, dir.resolve("trust.p12"), PASSWORD);
    }

    private static Certificates make(Path dir) {
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=jixiao test CA", "-ext", "bc:c",
                "-validity", "2", "-keystore", "ca.p12");
        keytool(dir, "-exportcert", "-alias", "ca", "-rfc", "-file", "ca.pem", "-keystore", "ca.p12");
        List<CompletableFuture<Void>> all = new ArrayList<>();
        all.add(CompletableFuture.runAsync(() -> keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-file",
                "ca.pem", "-keystore", "trust.p12")));
        all.add(CompletableFuture.runAsync(() -> leaf(dir, "city", "san=ip:127.0.0.1,dns:localhost")));
        all.add(CompletableFuture.runAsync(() -> leaf(dir, "a", null)));
        all.add(CompletableFuture.runAsync(() -> leaf(dir, "b", null)));
        all.add(CompletableFuture.runAsync(() -> keytool(dir, "-genkeypair", "-alias", "rogue", "-keyalg", "EC",
                "-dname", "CN=a", "-validity", "2", "-keystore", "rogue.p12")));
        all.forEach(CompletableFuture::join);
        return new Certificates(dir);
    }

    private static void leaf(Path dir, String name, String san) {
        keytool(dir, "-genkeypair", "-alias", name, "-keyalg", "EC", "-dname", "CN=" + name, "-validity", "2",
                "-keystore", name + ".p12");
        keytool(dir, "-certreq", "-alias", name, "-file", name + ".csr", "-keystore", name + ".p12");
        List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-infile", name + ".csr", "-outfile",
                name + ".crt", "-rfc", "-validity", "2", "-keystore", "ca.p12"));
        if (san != null) {
            sign.addAll(List.of("-ext", san));
        }
        keytool(dir, sign.toArray(String[]::new));
        try {
            Files.writeString(dir.resolve(name + ".chain"), Files.readString(dir.resolve(name + ".crt"))
                    + Files.readString(dir.resolve("ca.pem")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        keytool(dir, "-importcert", "-noprompt", "-alias", name, "-file", name + ".chain", "-keystore",
                name + ".p12");
    }

    private static void keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", args) + ": " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
