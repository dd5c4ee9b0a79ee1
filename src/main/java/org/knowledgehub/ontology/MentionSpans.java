package org.knowledgehub.ontology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The format of {@code kh:mentionSpans}: every mention of a passage (or of a section's title) in
 * one literal instead of a resource of nine triples each. One line per mention, by start offset,
 * lines separated by a line feed:
 *
 * <pre>START-END TYPE CONFIDENCE AGENT [&lt;TARGET&gt;] [=VALUE]</pre>
 *
 * START and END are offsets into the document's extracted text (end exclusive), TYPE a mention type
 * code (place, organisation, sector, population, indicator, date, quantity, person, personal-data),
 * CONFIDENCE a decimal from 0 to 1, AGENT the key of the program that found it (the last segment of
 * {@code <base>id/agent/KEY}: corenlp, corenlp-fr, corenlp-ar, gazetteer or patterns), TARGET the
 * IRI it refers to, written relative to the hub's base IRI when under it, and VALUE, to the end of
 * the line, the normalised
 * value of a date, period or quantity. For example
 * {@code 112-117 place 0.95 gazetteer <id/area/LB25>} or {@code 140-147 date 0.90 corenlp =2020-06}.
 */
public final class MentionSpans {

    private static final Pattern LINE = Pattern.compile(
            "(\\d{1,9})-(\\d{1,9}) ([a-z-]+) ([01]\\.\\d+) ([a-z0-9-]+)(?: <([^>\\s]+)>)?(?: =(.*))?");

    private MentionSpans() {
    }

    /**
     * One mention.
     *
     * @param target the absolute IRI it refers to, or null
     * @param value  its normalised value, or null
     */
    public record Span(int start, int end, String type, double confidence, String agent, String target, String value) {
    }

    /** The literal for these mentions; {@code base} is the hub's base IRI. */
    public static String write(List<Span> spans, String base) {
        StringBuilder out = new StringBuilder();
        spans.stream().sorted(Comparator.comparingInt(Span::start).thenComparingInt(Span::end)).forEach(s -> {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(s.start()).append('-').append(s.end()).append(' ').append(s.type()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", s.confidence())).append(' ').append(s.agent());
            if (s.target() != null) {
                out.append(" <").append(s.target().startsWith(base) ? s.target().substring(base.length()) : s.target()).append('>');
            }
            if (s.value() != null) {
                // A value is one line (amounts are matched within a line; this keeps it so).
                out.append(" =").append(s.value().replaceAll("\\s+", " "));
            }
        });
        return out.toString();
    }

    /** The mentions of a literal; a line that does not follow the format (written by hand) is skipped. */
    public static List<Span> read(String literal, String base) {
        List<Span> out = new ArrayList<>();
        for (String line : literal.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String target = m.group(6);
            out.add(new Span(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), Double.parseDouble(m.group(4)),
                    m.group(5), target == null ? null : target.contains(":") ? target : base + target, m.group(7)));
        }
        return out;
    }
}
