package org.knowledgehub.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.ReportSeries;

/**
 * What metadata inference reads of one document: its file's own metadata, its cover page, its
 * file name, the report series that its file name names, and the known organisations its cover
 * names. Only organisations of the directory are taken from text: a phrase NER calls an
 * organisation is no evidence of a publisher.
 */
final class DocumentEvidence {

    private static final Pattern SEPARATORS = Pattern.compile("[_\\s]+");

    final DocumentContext doc;
    final FileMetadata file;
    final CoverPage cover;
    /** The file name without folders and extension, underscores as spaces. */
    final String fileName;
    /** The file name the document was published under, from the source URL its metadata gives, or null. */
    final String publishedName;
    /** The series the file name is an edition of. */
    final Optional<ReportSeries.Series> seriesOfName;
    /** A series the cover names, an edition or not. */
    final Optional<ReportSeries.Series> seriesOnCover;
    private final Gazetteer gazetteer;
    private final ReportSeries series;

    DocumentEvidence(DocumentContext doc, ReportSeries series, Gazetteer gazetteer) {
        this.doc = doc;
        this.file = doc.fileMetadata;
        this.cover = CoverPage.of(doc.text);
        this.fileName = baseName(doc.request.sourceName());
        this.publishedName = file.sourceUrl() == null ? null : nameInUrl(file.sourceUrl());
        this.seriesOfName = series.openingOf(fileName);
        this.seriesOnCover = series.namedIn(cover.text());
        this.gazetteer = gazetteer;
        this.series = series;
    }

    /** Whether a heading is a report series' name: "Vulnerability Assessment of Syrian Refugees (VASyR)". */
    boolean namesSeries(String heading) {
        return series.openingOf(heading).isPresent();
    }

    /** The file name and the name the document was published under, for evidence that either may hold. */
    String names() {
        return publishedName == null ? fileName : fileName + " " + publishedName;
    }

    /** "https://host/files/ETC%20Syria%20Sitrep%2043.pdf" gives "ETC Syria Sitrep 43"; null when the URL names no file. */
    static String nameInUrl(String url) {
        String path = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        int slash = path.lastIndexOf('/');
        if (slash < 0 || path.substring(0, slash).endsWith("/")) {
            return null;
        }
        try {
            return baseName(URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Known organisations a piece of text names, in order of first mention, with how often each is named. */
    Map<String, Integer> organisationsIn(String text) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (Gazetteer.Match m : gazetteer.find(text)) {
            if (m.type() == MentionType.ORGANISATION) {
                found.merge(m.concept(), 1, Integer::sum);
            }
        }
        return found;
    }

    List<String> organisationsNamedIn(String text) {
        return List.copyOf(organisationsIn(text).keySet());
    }

    static String baseName(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return SEPARATORS.matcher(dot > 0 ? name.substring(0, dot) : name).replaceAll(" ").strip();
    }
}
