package org.knowledgehub.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowledgehub.ontology.ReportSeries;

/**
 * A document's title, from the best evidence it has: the file's own title property (PDF, Office,
 * front matter, text header), the edition of a report series its file name names ("VASyR 2022 -
 * Shelter"), the name of the file its source URL gives, a heading on its cover, a descriptive file
 * name, the first title-like line of its cover, and last the bare file name.
 */
final class TitleInference {

    private static final int MAX_TITLE = 200;
    /** Headings that open many documents and name none of them. */
    private static final Set<String> GENERIC = Set.of("introduction", "contents", "table of contents", "summary",
            "executive summary", "foreword", "preface", "abstract", "acknowledgements", "acknowledgments", "key findings",
            "background", "overview", "methodology", "methodology sampling", "demographics", "results", "objectives",
            "instructions", "context", "situation update", "highlights", "key messages", "protection");
    /** Title properties that word processors fill in by themselves. */
    private static final Pattern MACHINE_TITLE = Pattern.compile(
            "(?i)^(microsoft (word|powerpoint|excel) - .*|untitled.*|document\\d*|presentation\\d*|slide \\d+|.*\\.(docx?|pdf|pptx?|xlsx?))$");
    /** A protective marking before the title: "RESTRICTED - Protection monitoring flash note ...". */
    private static final Pattern MARKING = Pattern.compile("(?i)^(restricted|confidential|internal|sensitive|public|draft)\\s*[-–—:|]\\s*");
    /** A field of the cover ("Organisation: ...", "Date: ..."), not a title. */
    private static final Pattern FIELD_LINE = Pattern.compile("^\\**\\s*[\\p{L}][\\p{L} ]{1,25}\\s*:\\s*\\**\\s*\\S");
    /** A page number, running header separator or footnote mark left at the end of a line. */
    private static final Pattern TRAILING_FURNITURE = Pattern.compile("\\s*[-–|]+\\s*\\|?\\s*\\d{0,3}\\s*$");
    /** A number of four digits or more that is not a year: an identifier, not words. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<!\\d)(?!(19|20)\\d\\d(?!\\d))\\d{4,}");
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

    private TitleInference() {
    }

    static MetadataClaim infer(DocumentEvidence e) {
        if (e.doc.request.title() != null) {
            return new MetadataClaim("title", e.doc.request.title(), MetadataClaim.DECLARED, 1.0);
        }
        String fileTitle = e.file.title();
        if (fileTitle != null && plausible(fileTitle) && !MACHINE_TITLE.matcher(fileTitle.strip()).matches()) {
            return new MetadataClaim("title", fileTitle.strip(), e.file.source(), 0.9);
        }
        if (e.seriesOfName.isPresent()) {
            // The edition's own heading, when it names its series, says more than its file name.
            Optional<String> heading = coverHeading(e.cover, e).filter(h -> e.seriesOfName.get().names().stream()
                    .anyMatch(n -> h.toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT))));
            return heading.map(h -> new MetadataClaim("title", h, "cover-heading", 0.8)).orElseGet(() ->
                    new MetadataClaim("title", editionName(e.fileName, e.seriesOfName.get()), "file-name+series", 0.75));
        }
        if (e.publishedName != null && descriptive(e.publishedName)) {
            return new MetadataClaim("title", tidyFileName(e.publishedName), "source-url", 0.6);
        }
        Optional<String> heading = coverHeading(e.cover, e);
        if (heading.isPresent()) {
            return new MetadataClaim("title", heading.get(), "cover-heading", 0.6);
        }
        Optional<String> opening = openingLine(e);
        if (opening.isPresent()) {
            return new MetadataClaim("title", opening.get(), "cover-line", 0.5);
        }
        if (descriptive(e.fileName)) {
            return new MetadataClaim("title", tidyFileName(e.fileName), "file-name", 0.5);
        }
        Optional<String> line = e.cover.lines().stream().map(CoverPage.Line::text).map(TitleInference::withoutFurniture)
                .filter(TitleInference::titleLike).findFirst();
        return line.map(l -> new MetadataClaim("title", l, "cover-line", 0.4))
                .orElseGet(() -> new MetadataClaim("title", tidyFileName(e.fileName), "file-name", 0.2));
    }

    /**
     * The first heading among the cover's first lines that could be a title; a heading that only
     * names a report series ("Vulnerability Assessment of Syrian Refugees (VASyR)") takes the line
     * after it as its subtitle.
     */
    private static Optional<String> coverHeading(CoverPage cover, DocumentEvidence e) {
        var lines = cover.lines();
        for (int i = 0; i < Math.min(lines.size(), 6); i++) {
            CoverPage.Line l = lines.get(i);
            String text = withoutFurniture(l.text());
            if (!l.heading() || !titleLike(text)) {
                continue;
            }
            if (i + 1 < lines.size() && e.namesSeries(text) && titleLike(lines.get(i + 1).text())) {
                return Optional.of(text + ": " + lines.get(i + 1).text().strip());
            }
            if (i + 1 < lines.size() && letterhead(text, e) && titleLike(withoutFurniture(lines.get(i + 1).text()))) {
                return Optional.of(withoutFurniture(lines.get(i + 1).text()));
            }
            return Optional.of(text);
        }
        return Optional.empty();
    }

    /**
     * The line a document opens with, when it reads like a title; a letterhead above it ("DRC
     * LEBANON - LIVELIHOODS AND PROTECTION", "WASH SECTOR BEKAA") gives way to the line below.
     */
    private static Optional<String> openingLine(DocumentEvidence e) {
        List<CoverPage.Line> lines = e.cover.lines();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String first = withoutFurniture(lines.getFirst().text());
        if (lines.size() > 1 && letterhead(first, e)) {
            String second = withoutFurniture(lines.get(1).text());
            if (titleLike(second)) {
                return Optional.of(second);
            }
        }
        return Optional.of(first).filter(TitleInference::titleLike);
    }

    private static final Pattern UNIT = Pattern.compile("(?i)\\b(sector|office|programme|program|unit|working group|base)\\b");

    private static boolean letterhead(String line, DocumentEvidence e) {
        return line.equals(line.toUpperCase(Locale.ROOT)) && line.length() <= 80
                && (UNIT.matcher(line).find() || !e.organisationsNamedIn(line).isEmpty());
    }

    static boolean plausible(String title) {
        String t = title.strip();
        return t.length() >= 4 && t.length() <= MAX_TITLE && WORD.matcher(t).find()
                && !GENERIC.contains(t.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L} ]", "").strip());
    }

    /** A line that reads like a title: starts with a letter, several words, not a sentence or a label. */
    private static boolean titleLike(String line) {
        String t = line.strip();
        if (!plausible(t) || !Character.isLetter(t.codePointAt(0)) || t.endsWith(":") || isField(t)) {
            return false;
        }
        int words = t.split("\\s+").length;
        return words >= 2 && words <= 25 && !(t.endsWith(".") && words > 8);
    }

    /**
     * "Organisation: Medair Lebanon" is a field; "Rapid assessment: effects of the 2021 fuel crisis"
     * is a title with a subtitle: a field's name is one or two words that are not the title's own.
     */
    private static boolean isField(String line) {
        Matcher m = FIELD_LINE.matcher(line);
        if (!m.find()) {
            return false;
        }
        String name = line.substring(0, line.indexOf(':')).replace("*", "").strip().toLowerCase(Locale.ROOT);
        return CoverPage.FIELD_NAMES.contains(name);
    }


    /** Page furniture and protective markings are not part of a title. */
    private static String withoutFurniture(String line) {
        String t = TRAILING_FURNITURE.matcher(line.strip()).replaceAll("").strip();
        return MARKING.matcher(t).replaceFirst("");
    }

    /** A file name of words, not an identifier: "Quality Assurance Guidance", not "humset lead 35865". */
    static boolean descriptive(String fileName) {
        return !IDENTIFIER.matcher(fileName).find() && WORD.matcher(fileName).results().count() >= 2;
    }

    /** "vasyr-2024-executive-summary" under the series VASyR gives "VASyR 2024 Executive Summary". */
    private static String editionName(String fileName, ReportSeries.Series series) {
        String tidy = tidyFileName(fileName);
        for (String name : series.names()) {
            tidy = Pattern.compile("(?i)(?<![\\p{L}])" + Pattern.quote(name) + "(?![\\p{L}])").matcher(tidy)
                    .replaceAll(Matcher.quoteReplacement(name));
        }
        return tidy;
    }

    /** Hyphens between words become spaces and an all-lower-case name gets capitals. */
    static String tidyFileName(String fileName) {
        String spaced = fileName.replaceAll("(?<=\\p{L})-(?=\\p{L})|(?<=\\d)-(?=\\p{L})|(?<=\\p{L})-(?=\\d)", " ").strip();
        if (!spaced.equals(spaced.toLowerCase(Locale.ROOT))) {
            return spaced;
        }
        StringBuilder out = new StringBuilder();
        for (String w : spaced.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return out.toString();
    }
}
