package org.jixiao.addons.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * Checks that an uploaded archive is what the city signed: JAR signing (jarsigner) verified by the JDK, every entry
 * signed, and a signer whose certificate (or one of its issuers) the node trusts. The JDK checks each entry's digest
 * only while the entry is read, so every entry is read to the end; a changed byte then fails as a SecurityException.
 */
final class SignedArchive {

    /** What passed: the archive's SHA-256 (for the audit) and who signed it. */
    record Verified(Path file, String sha256, String signer) {
    }

    private SignedArchive() {
    }

    /**
     * @throws Refusal {@code addons.refused.notArchive}, {@code .unsigned}, {@code .tampered} or {@code .untrusted}
     */
    static Verified verify(Path file, Trust settings) {
        Trust trust = settings.now();
        String sha256 = sha256(file);
        Set<String> signers = new TreeSet<>();
        boolean trusted = false;
        int files = 0;
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                if (entry.isDirectory() || signatureFile(entry.getName())) {
                    continue;
                }
                files++;
                CodeSigner[] codeSigners = entry.getCodeSigners();
                if (codeSigners == null || codeSigners.length == 0) {
                    throw new Refusal("addons.refused.unsigned", entry.getName());
                }
                boolean entryTrusted = false;
                for (CodeSigner signer : codeSigners) {
                    for (Certificate c : signer.getSignerCertPath().getCertificates()) {
                        if (c instanceof X509Certificate x && trust.trusts(x)) {
                            entryTrusted = true;
                        }
                    }
                    signers.add(subject(signer));
                }
                if (!entryTrusted) {
                    throw new Refusal("addons.refused.untrusted", String.join("; ", signers));
                }
                trusted = true;
            }
        } catch (SecurityException e) {
            // A digest or signature that does not match: the archive was changed after it was signed.
            throw new Refusal("addons.refused.tampered", firstLine(e.getMessage()));
        } catch (ZipException e) {
            throw new Refusal("addons.refused.notArchive");
        } catch (IOException e) {
            throw new Refusal("addons.refused.notArchive");
        }
        if (files == 0 || !trusted) {
            throw new Refusal("addons.refused.unsigned", "-");
        }
        return new Verified(file, sha256, String.join("; ", signers));
    }

    /** The manifest and the signature block files, which jarsigner writes and signs no entry for. */
    private static boolean signatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("META-INF/MANIFEST.MF")) {
            return true;
        }
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }

    private static String subject(CodeSigner signer) {
        Certificate first = signer.getSignerCertPath().getCertificates().get(0);
        return first instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : first.getType();
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** SHA-256 of a certificate's DER encoding, lower-case hex: how the settings name a trusted certificate. */
    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
