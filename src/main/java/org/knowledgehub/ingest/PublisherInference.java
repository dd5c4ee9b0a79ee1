package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowledgehub.ontology.ReportSeries;

/**
 * The organisations that publish a document, from the best evidence it has: declared, its front
 * matter, a "prepared by" or "Organisation:" line on its cover, the byline under its title
 * ("UNHCR, UNICEF and WFP - Beirut, 20 December 2019"), the report series its file name
 * names, the chair of the meeting its minutes record, organisations named in its title, the
 * Office "Company" or front-matter author when they are known organisations, organisations in
 * its file name or source URL, the publishers of a report series its cover names, and last the
 * organisation its text names most (at least twice, and more than any other). Organisations
 * come from the directory only, except a declared or front-matter name, which the uploader or
 * author wrote as a publisher.
 */
final class PublisherInference {

    /** "This report is prepared by OCHA", "The contents of this report, jointly issued by UNHCR, UNICEF and WFP". */
    private static final Pattern PUBLISHED_BY = Pattern.compile(
            "(?i)\\b(?:this|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:report|document|note|assessment|update|dashboard|publication|summary|bulletin)s?\\b"
                    + "[^.]{0,80}?\\b(?:prepared|issued|published|produced|compiled)\\s+(?:jointly\\s+)?by\\s+(.{3,300}?)(?:[.;]|$)");
    /** Who in a byline is the publisher: "LCRP Livelihoods sector, coordinated by UNDP", "NRC on behalf of ...". */
    private static final Pattern LED_BY = Pattern.compile("(?i)\\b(?:coordinated|led|chaired)\\s+by\\s+(.+)$");
    private static final Pattern PARTNERS_FOLLOW = Pattern.compile(
            "(?i)\\s(?:on behalf of|with|in partnership with|in collaboration with|supported by|for)\\s|\\s[-–—]\\s");
    private static final int MAX_BYLINE = 250;
    private static final int BYLINE_LINES = 4;
    private static final Pattern ORGANISATION_LINE = Pattern.compile(
            "(?i)^\\**\\s*(organi[sz]ation|publisher|agency|prepared by|author)\\s*\\**\\s*:\\s*\\**\\s*(.+)$");

    private PublisherInference() {
    }

    /** The publishers' names or IRIs and the claim for each; empty when nothing names one. */
    static List<MetadataClaim> infer(DocumentEvidence e, String title) {
        if (e.doc.request.organisation() != null) {
            return List.of(claim(e.doc.request.organisation(), MetadataClaim.DECLARED, 1.0));
        }
        if (e.file.written() && e.file.publisher() != null) {
            return List.of(claim(e.file.publisher(), e.file.source(), 0.9));
        }
        List<String> found = coverStatement(e);
        if (!found.isEmpty()) {
            return claims(found, "prepared-by", 0.85);
        }
        found = byline(e);
        if (!found.isEmpty()) {
            return claims(found, "byline", 0.8);
        }
        Optional<ReportSeries.Series> series = e.seriesOfName;
        if (series.isPresent()) {
            return claims(series.get().publishers(), "series", 0.8);
        }
        if (e.doc.meeting != null) {
            Optional<String> chair = e.doc.meeting.chairs().stream().map(Meeting.Person::organisation)
                    .filter(o -> o != null && !o.isBlank()).findFirst();
            if (chair.isPresent()) {
                return List.of(claim(chair.get(), "minutes-chair", 0.8));
            }
        }
        found = e.organisationsNamedIn(title);
        if (!found.isEmpty()) {
            return claims(found, "title", 0.7);
        }
        for (String property : new String[] {e.file.publisher(), e.file.author()}) {
            found = property == null ? List.of() : e.organisationsNamedIn(property);
            if (!found.isEmpty()) {
                return claims(found, e.file.source(), 0.6);
            }
        }
        found = e.organisationsNamedIn(e.fileName);
        if (!found.isEmpty()) {
            return claims(found, "file-name", 0.5);
        }
        if (e.file.sourceUrl() != null) {
            found = e.organisationsNamedIn(e.file.sourceUrl().replaceAll("[./_-]+", " "));
            if (!found.isEmpty()) {
                return claims(found, "source-url", 0.5);
            }
        }
        if (e.seriesOnCover.isPresent()) {
            return claims(e.seriesOnCover.get().publishers(), "series-on-cover", 0.4);
        }
        return mostNamed(e.organisationsIn(e.doc.text.text())).map(o -> List.of(claim(o, "most-named", 0.3)))
                .orElse(List.of());
    }

    /** Organisations a "prepared by ..." sentence or an "Organisation:" line of the cover names. */
    private static List<String> coverStatement(DocumentEvidence e) {
        for (CoverPage.Line line : e.cover.lines()) {
            Matcher labelled = ORGANISATION_LINE.matcher(line.text().strip());
            if (labelled.matches()) {
                List<String> named = e.organisationsNamedIn(labelled.group(2));
                if (!named.isEmpty()) {
                    return named;
                }
            }
            Matcher by = PUBLISHED_BY.matcher(line.text());
            while (by.find()) {
                List<String> named = e.organisationsNamedIn(by.group(1));
                if (!named.isEmpty()) {
                    return named;
                }
            }
        }
        return List.of();
    }

    /**
     * The organisations a byline under the title names as its authors: the first short line of the
     * cover that names a known organisation, up to where partners or a place and date follow.
     */
    private static List<String> byline(DocumentEvidence e) {
        List<CoverPage.Line> lines = e.cover.lines();
        for (CoverPage.Line line : lines.subList(0, Math.min(lines.size(), BYLINE_LINES))) {
            String text = line.text().strip();
            if (line.heading() || text.length() > MAX_BYLINE) {
                continue;
            }
            Matcher led = LED_BY.matcher(text);
            String authors = led.find() ? led.group(1) : text;
            Matcher partners = PARTNERS_FOLLOW.matcher(authors);
            List<String> named = e.organisationsNamedIn(partners.find() ? authors.substring(0, partners.start()) : authors);
            if (!named.isEmpty()) {
                return named;
            }
        }
        return List.of();
    }

    private static Optional<String> mostNamed(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> ranked = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
        if (ranked.isEmpty() || ranked.getFirst().getValue() < 2
                || ranked.size() > 1 && ranked.get(1).getValue().equals(ranked.getFirst().getValue())) {
            return Optional.empty();
        }
        return Optional.of(ranked.getFirst().getKey());
    }

    private static List<MetadataClaim> claims(List<String> organisations, String method, double confidence) {
        List<MetadataClaim> out = new ArrayList<>();
        organisations.forEach(o -> out.add(claim(o, method, confidence)));
        return out;
    }

    private static MetadataClaim claim(String organisation, String method, double confidence) {
        return new MetadataClaim("publisher", organisation, method, confidence);
    }
}
