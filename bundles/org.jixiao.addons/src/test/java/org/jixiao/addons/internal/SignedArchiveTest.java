package org.jixiao.addons.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only an archive signed in full by a certificate the node trusts passes; the JDK's tools make the keys. */
class SignedArchiveTest {

    @TempDir
    static Path dir;

    static TestArchives archives;
    static Path cityKey;
    static X509Certificate cityCertificate;
    static Path unsigned;
    static Path signed;

    @BeforeAll
    static void keysAndArchive() throws Exception {
        archives = new TestArchives(dir);
        cityKey = archives.key("city");
        cityCertificate = archives.certificate(cityKey, "city");
        unsigned = archives.kar("trial-1.0.0.kar", "trial", "1.0.0",
                Map.of("V1__trial.sql", "CREATE TABLE TRIAL_RECORD (ID BIGINT NOT NULL PRIMARY KEY, UNIT_ID BIGINT)"));
        signed = archives.sign(unsigned, cityKey, "city");
    }

    private static String refusal(Path file, Trust trust) {
        return assertThrows(Refusal.class, () -> SignedArchive.verify(file, trust)).key();
    }

    @Test
    void anArchiveSignedByATrustedKeyPassesWithItsSha256AndSigner() {
        SignedArchive.Verified v = SignedArchive.verify(signed, archives.trusting(cityCertificate));
        assertEquals(SignedArchive.sha256(signed), v.sha256());
        assertEquals(64, v.sha256().length());
        assertTrue(v.signer().contains("CN=city release"), v.signer());
    }

    @Test
    void anUnsignedArchiveIsRefused() {
        assertEquals("addons.refused.unsigned", refusal(unsigned, archives.trusting(cityCertificate)));
    }

    @Test
    void anArchiveChangedAfterSigningIsRefusedAsTampered() throws Exception {
        Path tampered = archives.tamper(signed, ".jar");
        assertEquals("addons.refused.tampered", refusal(tampered, archives.trusting(cityCertificate)));
        Path descriptor = archives.tamper(signed, "-features.xml");
        assertEquals("addons.refused.tampered", refusal(descriptor, archives.trusting(cityCertificate)));
    }

    @Test
    void aFileAddedAfterSigningIsRefusedAsUnsigned() throws Exception {
        Path extra = archives.withExtraFile(signed, "repository/evil/evil-1.0.jar");
        assertEquals("addons.refused.unsigned", refusal(extra, archives.trusting(cityCertificate)));
    }

    @Test
    void anArchiveSignedByAnotherKeyIsRefusedAsUntrusted() throws Exception {
        Path otherKey = archives.key("stranger");
        Path byStranger = archives.sign(unsigned, otherKey, "stranger");
        assertEquals("addons.refused.untrusted", refusal(byStranger, archives.trusting(cityCertificate)));
        assertEquals("addons.refused.untrusted", refusal(byStranger, new Trust(java.util.Set.of())));
    }

    @Test
    void aFileThatIsNoArchiveIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.kar"), "not a zip");
        assertEquals("addons.refused.notArchive", refusal(text, archives.trusting(cityCertificate)));
    }

    @Test
    void aCertificateInTheTrustFolderOrAFingerprintInTheSettingsIsTrusted() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path folder = Files.createDirectories(etc.resolve("addons-trust"));
        Trust fromFolder = Trust.of(config(new String[0], "addons-trust"), etc);
        assertEquals("addons.refused.untrusted", refusal(signed, fromFolder));
        Files.copy(dir.resolve("city.pem"), folder.resolve("city.pem"));
        assertTrue(fromFolder.now().trusts(cityCertificate), "a certificate dropped in the folder counts at once");
        SignedArchive.verify(signed, fromFolder);
        String colons = SignedArchive.fingerprint(cityCertificate).toUpperCase().replaceAll("(..)(?!$)", "$1:");
        Trust fromSettings = Trust.of(config(new String[] {colons}, ""), etc);
        assertTrue(fromSettings.trusts(cityCertificate));
        assertTrue(Trust.of(config(new String[0], "none-here"), etc).empty());
    }

    static AddonsConfig config(String[] fingerprints, String folder) {
        return new AddonsConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return AddonsConfig.class;
            }

            @Override
            public String[] trusted_certificates() {
                return fingerprints;
            }

            @Override
            public String trusted_folder() {
                return folder;
            }
        };
    }
}
