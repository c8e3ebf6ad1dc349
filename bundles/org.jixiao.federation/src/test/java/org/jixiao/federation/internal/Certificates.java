package org.jixiao.federation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A throwaway certificate authority and the nodes' keys, made once per test run by the JDK's {@code keytool} with
 * the commands the README gives an operator: the city's certificate names 127.0.0.1, each county has its own, and a rogue
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

    /**
     * The JDK's keytool, in this JVM: a keytool process takes seconds to start on a busy machine, twelve of them half a
     * minute. Its entry point ends the JVM on failure, so its {@code run} is called instead (the surefire fork opens
     * the package: see the pom); file names are relative to {@code dir}.
     */
    private static void keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            boolean file = i > 0 && List.of("-keystore", "-file", "-infile", "-outfile").contains(args[i - 1]);
            command.add(file ? dir.resolve(args[i]).toString() : args[i]);
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            Class<?> main = Class.forName("sun.security.tools.keytool.Main");
            var ctor = main.getDeclaredConstructor();
            ctor.setAccessible(true);
            var run = main.getDeclaredMethod("run", String[].class, java.io.PrintStream.class);
            run.setAccessible(true);
            Object exit = run.invoke(ctor.newInstance(), command.toArray(String[]::new),
                    new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            if (exit instanceof Integer code && code != 0) {
                throw new IllegalStateException(String.join(" ", args) + ": " + out);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(String.join(" ", args) + ": " + out, e);
        }
    }
}
