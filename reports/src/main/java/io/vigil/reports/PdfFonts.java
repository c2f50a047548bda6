package io.vigil.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The embedded fonts of the PDF report and the per-character choice between them: DejaVu Sans (Latin, Greek,
 * Cyrillic, Arabic, …) first, Droid Sans Fallback (CJK ideographs, Hangul syllables, kana) for what DejaVu
 * lacks. Both are embedded as subsets with Identity-H encoding, so the PDF carries a ToUnicode map and text extracts as written.
 *
 * <p>Subset tags ({@code ABCDEF+DejaVuSans}) are normally random; here they are derived from the font file name, so
 * the same report gives the same bytes. One instance per document: the fonts are not shared between threads or
 * documents.
 */
final class PdfFonts {

    static final String DIR = "/io/vigil/reports/fonts/";
    static final String REGULAR = "DejaVuSans.ttf";
    static final String BOLD = "DejaVuSans-Bold.ttf";
    static final String FALLBACK = "DroidSansFallback.ttf";

    static final Color TEXT = Color.BLACK;
    static final Color MUTED = new Color(0x55, 0x55, 0x55);

    private static final char REPLACEMENT = '\uFFFD';

    private BaseFont regular;
    private BaseFont bold;
    private BaseFont fallback;

    PdfFonts() {
    }

    /** Text in the regular face. */
    Phrase phrase(String text, float size) {
        return phrase(text, size, false, TEXT);
    }

    /** Text in the bold face. */
    Phrase bold(String text, float size) {
        return phrase(text, size, true, TEXT);
    }

    /** Secondary text (reasons, notes) in grey. */
    Phrase muted(String text, float size) {
        return phrase(text, size, false, MUTED);
    }

    /**
     * Splits {@code text} into chunks, each in a font that has its glyphs. Control characters and bidi overrides
     * (which would let untrusted input reorder what is shown) and characters no font has become U+FFFD, visibly.
     */
    Phrase phrase(String text, float size, boolean boldFace, Color color) {
        Phrase phrase = new Phrase();
        phrase.setLeading(size * 1.25f);
        String safe = text == null ? "" : text;
        StringBuilder run = new StringBuilder();
        BaseFont runFont = null;
        for (int i = 0; i < safe.length(); ) {
            int cp = safe.codePointAt(i);
            i += Character.charCount(cp);
            if (isHidden(cp)) {
                cp = REPLACEMENT;
            }
            BaseFont font = fontFor(cp, boldFace);
            if (font == null) {
                cp = REPLACEMENT;
                font = regular();
            }
            if (font != runFont && run.length() > 0) {
                phrase.add(new Chunk(run.toString(), new Font(runFont, size, Font.NORMAL, color)));
                run.setLength(0);
            }
            runFont = font;
            run.appendCodePoint(cp);
        }
        if (run.length() > 0) {
            phrase.add(new Chunk(run.toString(), new Font(runFont, size, Font.NORMAL, color)));
        }
        return phrase;
    }

    private BaseFont fontFor(int cp, boolean boldFace) {
        if (cp == '\n' || Character.isWhitespace(cp) && cp < 0x80) {
            return boldFace ? bold() : regular();
        }
        if (boldFace && bold().charExists(cp)) {
            return bold();
        }
        if (regular().charExists(cp)) {
            return regular();
        }
        if (fallback().charExists(cp)) {
            return fallback();
        }
        return null;
    }

    private static boolean isHidden(int cp) {
        return cp != '\n' && Character.isISOControl(cp)
                || cp >= 0x202A && cp <= 0x202E   // LRE, RLE, PDF, LRO, RLO
                || cp >= 0x2066 && cp <= 0x2069;  // LRI, RLI, FSI, PDI
    }

    BaseFont regular() {
        if (regular == null) {
            regular = load(REGULAR);
        }
        return regular;
    }

    BaseFont bold() {
        if (bold == null) {
            bold = load(BOLD);
        }
        return bold;
    }

    BaseFont fallback() {
        if (fallback == null) {
            fallback = load(FALLBACK);
        }
        return fallback;
    }

    private BaseFont load(String file) {
        byte[] bytes;
        try (InputStream in = PdfFonts.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing: " + DIR + file);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + DIR + file, e);
        }
        try {
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            font.setSecureRandom(new SubsetTag(file));
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + DIR + file, e);
        }
    }

    /**
     * The "random" source OpenPDF draws the six-letter subset tag from, made a pure function of a seed: the tag is
     * the same on every run, and different for each font file.
     */
    static final class SubsetTag extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] digest;
        private int next;

        SubsetTag(String seed) {
            this.digest = sha256(seed.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public synchronized double nextDouble() {
            int b = digest[next++ % digest.length] & 0xff;
            return ((b % 26) + 0.5) / 26.0;
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
