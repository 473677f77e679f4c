package com.capitalledger.api.documents;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A document as PDF, written with PDFBox: a title, sections of label-value lines, and the journal's provenance, page
 * after page as they fill. Text is in the standard fonts, so it is extractable as written: amounts as 1,234,567.89.
 */
final class DocumentPdf {

    private static final float MARGIN = 50;
    private static final float LINE = 13;
    private static final float VALUE_X = 260;
    /** Characters of a token a line holds: 90 in Courier 8 pt is 432 pt, within the page's margins. */
    private static final int TOKEN_LINE = 90;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private final PDDocument document = new PDDocument();
    private PDPageContentStream content;
    private float y;

    DocumentPdf(String title) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setProducer("Capital-commitment ledger");
        newPage();
        write(BOLD, 15, MARGIN, title);
        y -= 8;
    }

    /** An amount as every document prints it: grouped thousands, two decimals, exact. */
    static String money(BigDecimal amount) {
        if (amount == null) {
            return "n/a";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(amount);
    }

    /** A multiple or a rate as served (4 dp), or n/a when there is none. */
    static String plain(BigDecimal value) {
        return value == null ? "n/a" : value.toPlainString();
    }

    DocumentPdf heading(String text) {
        y -= 6;
        write(BOLD, 11, MARGIN, text);
        return this;
    }

    DocumentPdf line(String label, String value) {
        room();
        show(REGULAR, 10, MARGIN, label);
        show(REGULAR, 10, VALUE_X, value);
        y -= LINE;
        return this;
    }

    DocumentPdf text(String text) {
        write(REGULAR, 9, MARGIN, text);
        return this;
    }

    /** A hash, signature or other token that must read back whole: fixed width, on a line of its own. */
    DocumentPdf token(String label, String value) {
        if (!label.isEmpty()) {
            write(REGULAR, 10, MARGIN, label);
        }
        for (int from = 0; from < value.length(); from += TOKEN_LINE) {
            write(MONO, 8, MARGIN + 10, value.substring(from, Math.min(value.length(), from + TOKEN_LINE)));
        }
        return this;
    }

    byte[] bytes() {
        try (document) {
            content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDType1Font font, float size, float x, String text) {
        room();
        show(font, size, x, text);
        y -= LINE;
    }

    private void room() {
        if (y < MARGIN + LINE) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            newPage();
        }
    }

    private void show(PDType1Font font, float size, float x, String text) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(printable(text));
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    /** The standard fonts encode Latin-1 only: anything else in free text (a call's purpose) prints as '?'. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F || c >= 0xA0 && c <= 0xFF ? (char) c : '?'));
        return out.toString();
    }
}
