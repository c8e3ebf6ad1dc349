package org.jixiao.register.internal.sheet;

import java.io.IOException;
import java.io.Writer;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The XML both sides share: a StAX factory that cannot be made to fetch or expand anything, and escaping. */
final class Xml {

    private Xml() {
    }

    /**
     * The JDK's own StAX parser with DTDs and external entities off. newDefaultFactory, not newFactory:
     * inside OSGi the latter looks through the thread context class loader and may find another parser
     * whose defaults we have not checked.
     */
    static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        return f;
    }

    /**
     * The next parse event, refusing a DOCTYPE and any entity reference outright: no OOXML part has
     * either, so one is an attack or garbage, and the parser's own handling of them need not be trusted.
     */
    static int next(XMLStreamReader r) throws XMLStreamException {
        int ev = r.next();
        if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException("DOCTYPE or entity reference in an OOXML part");
        }
        return ev;
    }

    /** Skips the element the reader is at the start of, children included. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = next(r);
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document");
            }
        }
    }

    /** Whether a code point may appear in an XML 1.0 document at all (escaped or not). */
    static boolean legal(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /**
     * Writes cell text as element content. Characters XML cannot carry are dropped; a carriage return is
     * written _x000D_ as Excel does (a literal CR would be turned into LF by any XML parser); and text that
     * itself looks like such an escape gets its underscore escaped (_x005F_), as Excel does, so it reads back
     * unchanged. Lone surrogates are dropped.
     */
    static void cellText(Writer w, String s) throws IOException {
        int n = s.length();
        int run = 0; // start of the characters not yet written that need no change: written in one call
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String replacement;
            if (c >= 0x20 && c < 0xD800 && c != '<' && c != '>' && c != '&' && c != '_'
                    || c == '\n' || c == '\t' || (c >= 0xE000 && c <= 0xFFFD)) {
                continue;
            } else if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '&') {
                replacement = "&amp;";
            } else if (c == '\r') {
                replacement = "_x000D_";
            } else if (c == '_') {
                if (!isEscape(s, i)) {
                    continue;
                }
                replacement = "_x005F_";
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            } else {
                replacement = ""; // a control character or a lone surrogate: XML cannot carry it
            }
            w.write(s, run, i - run);
            w.write(replacement);
            run = i + 1;
        }
        w.write(s, run, n - run);
    }

    /** Writes an attribute value (or other markup text) for double quotes; whitespace kept as references. */
    static void attr(Writer w, String s) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> w.write("&lt;");
                case '>' -> w.write("&gt;");
                case '&' -> w.write("&amp;");
                case '"' -> w.write("&quot;");
                case '\t' -> w.write("&#9;");
                case '\n' -> w.write("&#10;");
                case '\r' -> w.write("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c)) {
                        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            w.write(c);
                            w.write(s.charAt(++i));
                        }
                    } else if (legal(c)) {
                        w.write(c);
                    }
                }
            }
        }
    }

    /** Whether element text needs xml:space="preserve" to keep its whitespace through Excel. */
    static boolean needsPreserve(String s) {
        return !s.isEmpty() && (isSpace(s.charAt(0)) || isSpace(s.charAt(s.length() - 1))
                || s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0 || s.indexOf('\r') >= 0);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Whether s has "_xHHHH_" at i. */
    private static boolean isEscape(String s, int i) {
        if (i + 7 > s.length() || s.charAt(i) != '_' || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Undoes Excel's _xHHHH_ escapes in shared and inline strings, left to right, once. Control characters
     * Excel escaped this way are dropped: no register field wants a U+0001.
     */
    static String decode(CharSequence raw) {
        String s = raw.toString();
        if (s.indexOf("_x") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (isEscape(s, i)) {
                char c = (char) Integer.parseInt(s, i + 2, i + 6, 16);
                if (legal(c) || Character.isSurrogate(c)) { // a control character we would only drop again
                    b.append(c);
                }
                i += 6;
            } else {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
