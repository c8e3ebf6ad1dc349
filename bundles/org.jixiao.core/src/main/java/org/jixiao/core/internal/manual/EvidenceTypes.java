package org.jixiao.core.internal.manual;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.performance.ManualIndicatorService;

/**
 * What an evidence file may be: its name cleaned of paths and control characters, an accepted extension, and
 * a first few bytes that agree with the extension, so a renamed executable or HTML page is refused.
 */
final class EvidenceTypes {

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("ofd", "application/ofd"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("zip", "application/zip"));

    private static final byte[] PDF = "%PDF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private EvidenceTypes() {
    }

    /** The file's base name without directories or control characters, or null when nothing is left. */
    static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder(base.length());
        base.codePoints().filter(cp -> !Character.isISOControl(cp) && cp != '"').forEach(b::appendCodePoint);
        String clean = b.toString().strip();
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? null : clean;
    }

    /** The lower-case extension when accepted, else null. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return null;
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ManualIndicatorService.FILE_TYPES.contains(ext) ? ext : null;
    }

    static String contentType(String extension) {
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** True when the first bytes fit the extension; text files must not look like markup. */
    static boolean contentFits(String extension, byte[] head) {
        return switch (extension) {
            case "pdf" -> startsWith(head, PDF);
            case "png" -> startsWith(head, PNG);
            case "jpg", "jpeg" -> startsWith(head, JPEG);
            case "docx", "xlsx", "pptx", "zip", "ofd" -> startsWith(head, ZIP);
            case "doc", "xls", "ppt" -> startsWith(head, OLE);
            case "txt", "csv" -> !looksLikeMarkup(head);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean looksLikeMarkup(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        return text.startsWith("<") || text.contains("<script") || text.contains("<html");
    }
}
