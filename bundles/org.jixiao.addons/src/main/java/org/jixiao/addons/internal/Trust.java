package org.jixiao.addons.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The certificates the node trusts to sign plugins: fingerprints listed in the settings and certificate files in a
 * folder under {@code etc/}, read again for every archive so that a certificate dropped there counts at once. Nothing
 * is trusted by default: a node without settings refuses every archive.
 */
final class Trust {

    private static final System.Logger LOG = System.getLogger(Trust.class.getName());

    private final Set<String> fingerprints;
    private final Path folder;

    Trust(Set<String> fingerprints) {
        this(fingerprints, null);
    }

    private Trust(Set<String> fingerprints, Path folder) {
        this.folder = folder;
        Set<String> normalised = new HashSet<>();
        for (String f : fingerprints) {
            String hex = f.replace(":", "").replace(" ", "").trim().toLowerCase(Locale.ROOT);
            if (!hex.isEmpty()) {
                normalised.add(hex);
            }
        }
        this.fingerprints = Set.copyOf(normalised);
    }

    static Trust of(AddonsConfig config, Path etc) {
        String folder = config.trusted_folder();
        boolean none = folder == null || folder.isBlank() || etc == null;
        return new Trust(Set.of(config.trusted_certificates()), none ? null : etc.resolve(folder));
    }

    /** The certificates trusted now: the settings' and those in the folder at this moment. */
    Trust now() {
        if (folder == null) {
            return this;
        }
        Set<String> all = new HashSet<>(fingerprints);
        all.addAll(folder(folder));
        return new Trust(all, null);
    }

    /** The fingerprints of the certificate files in {@code folder}; none when it does not exist. */
    static Set<String> folder(Path folder) {
        Set<String> out = new HashSet<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!name.endsWith(".pem") && !name.endsWith(".crt") && !name.endsWith(".cer")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        out.add(SignedArchive.fingerprint((X509Certificate) c));
                    }
                } catch (CertificateException | IOException e) {
                    // One unreadable file must not stop the others: the admin sees its name in the log.
                    LOG.log(System.Logger.Level.WARNING, "Trusted certificate " + file + " cannot be read", e);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Trusted certificates folder " + folder + " cannot be read", e);
        }
        return out;
    }

    boolean trusts(X509Certificate certificate) {
        return fingerprints.contains(SignedArchive.fingerprint(certificate));
    }

    boolean empty() {
        return now().fingerprints.isEmpty();
    }
}
