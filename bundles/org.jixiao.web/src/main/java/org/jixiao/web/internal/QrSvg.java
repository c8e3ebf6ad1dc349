package org.jixiao.web.internal;

import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as an inline SVG element: one module a unit of the view box, dark modules as one path of horizontal
 * runs, so a page of slips needs no image from anywhere and prints sharp at any size. Attributes only, no style
 * attribute (the CSP allows no inline styles).
 */
final class QrSvg {

    /** Quiet zone around the code, in modules; the standard asks for 4, 2 is read by every phone and saves paper. */
    static final int MARGIN = 2;

    private QrSvg() {
    }

    /** The modules of {@code text}'s QR code with the quiet zone: square, one bit a module, true for dark. */
    static BitMatrix matrix(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, MARGIN);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        try {
            // Width and height 0: one pixel a module, the smallest matrix; the SVG scales it.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR code: " + text.length() + " characters", e);
        }
    }

    /**
     * The SVG markup of {@code text}'s QR code, {@code sizeMm} millimetres wide. {@code label} (escaped here) is
     * its accessible name.
     */
    static String svg(String text, int sizeMm, String label) {
        BitMatrix m = matrix(text);
        int n = m.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && m.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start)
                        .append("v1h-").append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + n + " " + n + "\" width=\""
                + sizeMm + "mm\" height=\"" + sizeMm + "mm\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\""
                + freemarker.template.utility.StringUtil.XHTMLEnc(label) + "\"><rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                + path + "\"/></svg>";
    }
}
