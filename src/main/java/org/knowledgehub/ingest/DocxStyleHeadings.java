package org.knowledgehub.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;

/**
 * The headings of a DOCX from its paragraphs' own markup: a heading style's identifier
 * ("Heading2", "Titre1", "Title") or an outline level. Tika maps heading styles to headings only
 * through styles.xml, which files written by other tools than Word often lack or name otherwise.
 */
final class DocxStyleHeadings {

    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)(?:heading|titre|title|berschrift|encabezado|kop)\\s*(\\d)?");
    private static final int MAX_LEVEL = 6;

    private DocxStyleHeadings() {
    }

    static HeadingHints read(byte[] docx) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            Map<String, Integer> levels = new HashMap<>();
            for (XWPFParagraph paragraph : document.getParagraphs()) {
                int level = level(paragraph);
                if (level > 0 && HeadingHints.letters(paragraph.getText()).length() >= 2) {
                    levels.putIfAbsent(HeadingHints.key(0, paragraph.getText()), level);
                }
            }
            return new HeadingHints(levels, Set.of(), false);
        } catch (IOException | RuntimeException e) {
            return HeadingHints.NONE;
        }
    }

    private static int level(XWPFParagraph paragraph) {
        String style = paragraph.getStyleID();
        if (style != null) {
            Matcher m = HEADING_STYLE.matcher(style.replace(" ", ""));
            if (m.matches()) {
                return m.group(1) == null ? 1 : Math.clamp(Integer.parseInt(m.group(1)), 1, MAX_LEVEL);
            }
        }
        CTPPr properties = paragraph.getCTP().getPPr();
        CTDecimalNumber outline = properties == null ? null : properties.getOutlineLvl();
        // Outline levels count from 0; 9 is body text.
        return outline == null || outline.getVal().intValue() >= MAX_LEVEL ? 0 : outline.getVal().intValue() + 1;
    }
}
