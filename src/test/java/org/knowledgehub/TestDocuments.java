package org.knowledgehub;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Real PDF and DOCX files made on the fly, so format tests need no binary fixtures. */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** A section: a heading and its paragraphs. */
    public record Part(String heading, List<String> paragraphs) {
    }

    /** A PDF with a text layer: headings in bold, paragraphs wrapped at about 90 characters, page numbers. */
    public static byte[] pdf(String title, List<Part> parts) {
        return pdf(title, parts, 0);
    }

    /**
     * The same with photographs (random pixels, which do not compress) on its first pages, about
     * {@code imageMegabytes} of them: the size of a real report is mostly its pictures.
     */
    public static byte[] pdf(String title, List<Part> parts, int imageMegabytes) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(title, 16, true));
        lines.add(new Line("", 11, false));
        for (Part p : parts) {
            lines.add(new Line(p.heading(), 13, true));
            for (String paragraph : p.paragraphs()) {
                for (String l : wrap(paragraph, 90)) {
                    lines.add(new Line(l, 11, false));
                }
                lines.add(new Line("", 11, false));
            }
        }
        return pdf(lines, imageMegabytes);
    }

    /** A line of a PDF as typeset: its font size and whether it is bold; an empty line is a gap of its size. */
    public record Line(String text, float size, boolean bold) {
    }

    /** A PDF of the given lines, one after the other, with page numbers. */
    public static byte[] pdf(List<Line> lines, int imageMegabytes) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            int pageNo = 0;
            int i = 0;
            while (i < lines.size()) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                pageNo++;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    if (pageNo <= imageMegabytes) {
                        // 512 x 512 pixels of 4 random bytes each: one megabyte that no filter can shrink.
                        BufferedImage photo = new BufferedImage(512, 512, BufferedImage.TYPE_INT_ARGB);
                        Random noise = new Random(pageNo);
                        for (int x = 0; x < 512; x++) {
                            for (int y = 0; y < 512; y++) {
                                photo.setRGB(x, y, noise.nextInt());
                            }
                        }
                        cs.drawImage(LosslessFactory.createFromImage(doc, photo), 400, 700, 120, 120);
                    }
                    float y = 790;
                    while (i < lines.size() && y > 80) {
                        Line line = lines.get(i++);
                        if (!line.text().isEmpty()) {
                            cs.beginText();
                            cs.setFont(line.bold() ? bold : regular, line.size());
                            cs.newLineAtOffset(60, y);
                            cs.showText(line.text());
                            cs.endText();
                        }
                        y -= line.size() + 6;
                    }
                    cs.beginText();
                    cs.setFont(regular, 9);
                    cs.newLineAtOffset(290, 40);
                    cs.showText(Integer.toString(pageNo));
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX whose headings use Word's "heading 1" style, as real reports do. */
    public static byte[] docx(String title, List<Part> parts) {
        return docx(title, parts, true);
    }

    /**
     * The same, with or without the styles part (word/styles.xml) that names the heading styles:
     * files written by other tools than Word may refer to "Heading1" without defining it.
     */
    public static byte[] docx(String title, List<Part> parts, boolean withStyles) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (withStyles) {
                XWPFStyles styles = doc.createStyles();
                addHeadingStyle(styles, "Heading1", "heading 1", 1);
                addHeadingStyle(styles, "Heading2", "heading 2", 2);
            }
            XWPFParagraph t = doc.createParagraph();
            t.setStyle("Heading1");
            t.createRun().setText(title);
            for (Part p : parts) {
                XWPFParagraph h = doc.createParagraph();
                h.setStyle("Heading2");
                h.createRun().setText(p.heading());
                for (String paragraph : p.paragraphs()) {
                    doc.createParagraph().createRun().setText(paragraph);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addHeadingStyle(XWPFStyles styles, String id, String name, int level) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        CTString n = CTString.Factory.newInstance();
        n.setVal(name);
        ct.setName(n);
        CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
        priority.setVal(BigInteger.valueOf(9));
        ct.setUiPriority(priority);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        styles.addStyle(new XWPFStyle(ct));
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
