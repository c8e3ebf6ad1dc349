package org.jixiao.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class FileTypesTest {

    @Test
    void fileNamesLoseTheirPathsAndControlCharacters() {
        assertEquals("a.pdf", FileTypes.cleanName("../../etc/a.pdf"));
        assertEquals("b.pdf", FileTypes.cleanName("C:\\x\\b.pdf"));
        assertEquals("cd.pdf", FileTypes.cleanName("c\u0000\r\nd.pdf"));
        assertEquals("证明.pdf", FileTypes.cleanName("\"证明\".pdf"));
        assertNull(FileTypes.cleanName(".."));
        assertNull(FileTypes.cleanName("  "));
        assertNull(FileTypes.cleanName(null));
    }

    @Test
    void onlyTheAcceptedExtensionsOfAFieldPass() {
        assertEquals("pdf", FileTypes.extension("X.PDF", FileTypes.DOCUMENTS));
        assertNull(FileTypes.extension("x.html", FileTypes.DOCUMENTS));
        assertNull(FileTypes.extension("pdf", FileTypes.DOCUMENTS));
        assertNull(FileTypes.extension("x.", FileTypes.DOCUMENTS));
        assertNull(FileTypes.extension("scan.pdf", List.of("jpg", "png")), "a photo field takes no PDF");
        assertEquals("jpg", FileTypes.extension("家访.JPG", List.of("jpg", "png")));
    }

    @Test
    void theFirstBytesMustAgreeWithTheExtension() {
        byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
        byte[] html = "  <html><script>".getBytes(StandardCharsets.US_ASCII);
        assertTrue(FileTypes.contentFits("pdf", pdf));
        assertFalse(FileTypes.contentFits("png", pdf));
        assertFalse(FileTypes.contentFits("pdf", html));
        assertFalse(FileTypes.contentFits("txt", html), "markup renamed to text");
        assertTrue(FileTypes.contentFits("csv", "姓名,身份证号".getBytes(StandardCharsets.UTF_8)));
        assertTrue(FileTypes.contentFits("jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertFalse(FileTypes.contentFits("exe", pdf));
        assertEquals("image/jpeg", FileTypes.contentType("jpeg"));
    }
}
