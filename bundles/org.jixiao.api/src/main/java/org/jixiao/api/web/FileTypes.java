package org.jixiao.api.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an uploaded file may be: a name cleaned of paths and control characters, an accepted extension, and first
 * bytes that agree with the extension, so that a renamed executable or HTML page is refused whatever the client
 * claims. Evidence files and register attachments are checked by the same rules.
 */
public final class FileTypes {

    /** Every type the node can check: the documents, scans and photos offices file, in the order shown. */
    public static final List<String> DOCUMENTS = List.of("pdf", "ofd", "jpg", "jpeg", "png", "doc", "docx", "xls",
            "xlsx", "ppt", "pptx", "txt", "csv", "zip");

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

    private FileTypes() {
    }

    /** The file's base name without directories, control characters or quotes, or null when nothing is left. */
    public static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder(base.length());
        base.codePoints().filter(cp -> !Character.isISOControl(cp) && cp != '"').forEach(b::appendCodePoint);
        String clean = b.toString().strip();
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? null : clean;
    }

    /** The lower-case extension of {@code name} when it is one of {@code accepted}, else null. */
    public static String extension(String name, List<String> accepted) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return null;
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return accepted.contains(ext) ? ext : null;
    }

    /** The content type a download of this extension is served with. */
    public static String contentType(String extension) {
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** True when the first bytes fit the extension; text files must not look like markup. */
    public static boolean contentFits(String extension, byte[] head) {
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
        String text = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        return text.startsWith("<") || text.contains("<script") || text.contains("<html");
    }
}
