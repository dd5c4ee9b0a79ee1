package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The opening of a document, where reports put their title, publisher and date: the lines of
 * the blocks of the first few thousand characters, without a plain-text file's "#" header and
 * without page numbers or other bare figures.
 */
final class CoverPage {

    private static final int MAX_CHARS = 5000;
    /** Names of the fields a cover lists ("Organisation: ...", "Date: ..."), lower case. */
    static final Set<String> FIELD_NAMES = Set.of("organisation", "organization", "date", "dates", "location",
            "locations", "prepared by", "report date", "author", "authors", "sector", "sectors", "area", "areas", "district",
            "period", "period covered", "participants", "contact", "agency", "partner", "partners", "lead", "classification",
            "assessment dates", "date of note", "date of report", "date of interviews", "number of kiis", "consent", "type",
            "version", "publisher", "published");
    /**
     * Where a field starts inside a line: Markdown joins "**Organisation:** ..." and "**Date:** ..."
     * written on consecutive lines into one paragraph.
     */
    private static final Pattern FIELD_START = Pattern.compile("(?<=\\S)\\s+(?=(?:" + String.join("|", FIELD_NAMES.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(n -> Character.toUpperCase(n.charAt(0)) + Pattern.quote(n.substring(1))).toList()) + ")\\s*:)");
    private static final Pattern BARE_FIGURE = Pattern.compile("[\\d\\s.,%/–-]+");

    private static final Pattern FIELD = Pattern.compile("^[\\p{L}][\\p{L} ]{1,25}:\\s");

    /** A block of the cover; {@code heading} when the parser saw a heading. */
    record Line(String text, boolean heading, int level) {

        /** A "Label: value" line ("Visit dates: 9-11 November 2021"). */
        boolean field() {
            return FIELD.matcher(text).find();
        }
    }

    private final List<Line> lines;
    private final String text;

    private CoverPage(List<Line> lines) {
        this.lines = List.copyOf(lines);
        this.text = String.join("\n", lines.stream().map(Line::text).toList());
    }

    static CoverPage of(StructuredText text) {
        List<Line> lines = new ArrayList<>();
        for (TextBlock b : text.blocks()) {
            if (b.start() > MAX_CHARS) {
                break;
            }
            String block = text.textOf(b).strip();
            if (block.startsWith("#") && b.start() == 0) {
                continue; // a text file's "# key: value" header, read as the file's metadata
            }
            // Field lines ("Organisation: ...", "Date: ...") often share one paragraph.
            for (String line : block.split("\\R")) {
                // Only a line with a colon holds a field to split at (and most lines have none).
                for (String t : line.indexOf(':') < 0 ? new String[]{line} : FIELD_START.split(line)) {
                    t = t.strip();
                    if (t.length() >= 2 && !BARE_FIGURE.matcher(t).matches()) {
                        lines.add(new Line(t, b.kind() == BlockKind.HEADING, b.level()));
                    }
                }
            }
        }
        return new CoverPage(lines);
    }

    List<Line> lines() {
        return lines;
    }

    String text() {
        return text;
    }
}
