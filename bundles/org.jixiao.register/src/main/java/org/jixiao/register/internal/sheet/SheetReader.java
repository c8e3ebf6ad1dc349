package org.jixiao.register.internal.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jixiao.register.internal.sheet.SheetException.Reason;

/**
 * Reads an uploaded list, .xlsx or CSV, into rows of text. The whole upload is read into memory first
 * (bounded by {@link Limits#maxUncompressedBytes()}); nothing touches the disk.
 *
 * <p>Which reader: the content decides, never the file name. A zip ("PK\3\4") is read as .xlsx; an OLE2
 * compound file (D0 CF 11 E0) is refused as {@link Reason#ENCRYPTED} when it holds an "EncryptedPackage"
 * (a password-protected .xlsx) or as {@link Reason#OLD_XLS} when it holds an Excel 97-2003 workbook;
 * anything else is read as CSV (see {@link CsvReader} for encodings and delimiters), unless it is binary or
 * an HTML/XML page.
 *
 * <p>.xlsx: the first worksheet in the workbook's tab order that is not hidden (the first one at all when
 * every worksheet is hidden); chart sheets are passed over. Each cell as the text a user would see:
 * <ul>
 * <li>shared and inline strings as written, rich-text runs joined, phonetic guides left out;</li>
 * <li>a formula's cached result ({@code <v>}); formulas are never evaluated, so one Excel never
 * calculated (written by some tool without a cached value) reads empty;</li>
 * <li>booleans as "true" / "false"; error values as their text ("#N/A");</li>
 * <li>numbers in plain notation, an integer exactly as stored and a fraction rounded to the 15
 * significant digits Excel shows ("0.3", never "0.30000000000000004" or "3E-1"). Note that Excel itself
 * keeps only 15 digits, so an 18-digit ID typed into a General cell is already "110101199003074000";
 * only text cells keep such numbers;</li>
 * <li>a number whose format is a date or time (a built-in date format or a custom one with y, m, d
 * outside quotes) as "yyyy-MM-dd", "yyyy-MM-dd HH:mm" (":ss" added when the format shows seconds), or
 * "HH:mm" for a time of day, in the 1900 or the 1904 date system as the workbook says; an elapsed time
 * ([h]:mm) as hours:minutes. Other formats (percent, currency, thousands) are not applied: 12.5% reads
 * "0.125";</li>
 * <li>merged cells hold their value in the top-left cell only; hidden rows and columns are read.</li>
 * </ul>
 * Element names are matched by local name, so x:-prefixed and strict-OOXML namespaces read the same.
 */
public final class SheetReader {

    private static final byte[] CFB = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private SheetReader() {
    }

    /**
     * Reads the upload. Does not close {@code in}.
     *
     * @param fileName the name as uploaded, only for some messages; the content decides the format
     * @throws SheetException when the file is refused; its reason is for the user
     * @throws IOException    when {@code in} fails
     */
    public static Sheet read(InputStream in, String fileName, Limits limits) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxUncompressedBytes() + 1));
        if (bytes.length > limits.maxUncompressedBytes()) {
            throw new SheetException(Reason.TOO_LARGE, 0, fileName + ": larger than " + limits.maxUncompressedBytes() + " bytes");
        }
        if (bytes.length == 0) {
            throw new SheetException(Reason.EMPTY, 0, fileName + ": an empty file");
        }
        if (startsWith(bytes, CFB)) {
            throw compoundFile(bytes);
        }
        if (startsWith(bytes, new byte[] {'P', 'K', 3, 4})) {
            return XlsxReader.read(bytes, limits);
        }
        if (startsWith(bytes, new byte[] {'P', 'K', 5, 6})) {
            throw new SheetException(Reason.NOT_A_SPREADSHEET, 0, fileName + ": an empty zip file");
        }
        return CsvReader.read(bytes, limits);
    }

    private static boolean startsWith(byte[] b, byte[] magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells what an OLE2 compound file holds by looking for its streams' names, which its directory stores
     * in UTF-16LE. A real parse of the FAT would be exact; a byte search is enough to choose a message.
     */
    private static SheetException compoundFile(byte[] b) {
        if (contains(b, "EncryptedPackage")) {
            return new SheetException(Reason.ENCRYPTED, 0, "a password-protected workbook: remove the password and save as .xlsx");
        }
        if (contains(b, "Workbook") || contains(b, "Book")) {
            return new SheetException(Reason.OLD_XLS, 0, "an Excel 97-2003 workbook (.xls): save it as .xlsx");
        }
        return new SheetException(Reason.NOT_A_SPREADSHEET, 0, "an OLE2 file that is no workbook (a .doc?)");
    }

    private static boolean contains(byte[] b, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_16LE);
        outer:
        for (int i = 0; i + n.length <= b.length; i++) {
            for (int k = 0; k < n.length; k++) {
                if (b[i + k] != n[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
