package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.knowledgehub.nlp.Mention;

/**
 * mask: replaces personal data in the document's text before anything reaches the graph or the
 * index, and checks the consent record of documents that need one. Names of private persons,
 * e-mail addresses, phone numbers and ID-like numbers ({@link PersonalDataFinder}) become a box of
 * the same length, labelled with what was there when it fits: {@code "Rana Khaddour"} becomes
 * {@code "[name████████]"}, {@code "+961 3 123 456"} becomes {@code "[phone████████]"}, a short
 * span only {@code "███"}. The same length keeps every offset (blocks, sections, passages,
 * mentions) valid. Titles, headings, action points and meeting details are masked alike. The
 * unmasked text stays in the context for the document's personal graph, which only its
 * organisation reads.
 */
final class MaskStage implements IngestStage {

    static final char BOX = '█';

    @Override
    public String name() {
        return "mask";
    }

    @Override
    public void process(DocumentContext doc) {
        String text = doc.text.text();
        Set<String> staff = doc.meeting == null ? Set.of() : Stream.concat(doc.meeting.chairs().stream(),
                doc.meeting.minuteTakers().stream()).map(Meeting.Person::name).collect(Collectors.toSet());
        PersonalDataFinder.Found found = PersonalDataFinder.find(text, doc.mentions, staff,
                doc.meeting == null ? 0 : doc.meeting.headerEnd());
        doc.mentions = found.mentions();
        doc.consent = checkConsent(doc, found.spans());
        if (found.spans().isEmpty()) {
            return;
        }
        String masked = mask(text, found.spans());
        Map<String, PersonalDataKind> surfaces = new LinkedHashMap<>();
        found.spans().stream().sorted(Comparator.comparingInt((PersonalDataFinder.Span s) -> s.start() - s.end()))
                .forEach(s -> surfaces.putIfAbsent(text.substring(s.start(), s.end()), s.kind()));
        Masker masker = new Masker(text, masked, surfaces);
        doc.unmaskedText = text;
        doc.unmaskedTitle = doc.title;
        doc.text = new StructuredText(masked, doc.text.blocks());
        doc.title = masker.loose(doc.title);
        doc.sections = doc.sections.stream().map(s -> new Section(s.number(), masker.at(s.title(), s.start()), s.level(),
                s.start(), s.end(), s.parent())).toList();
        doc.mentions = doc.mentions.stream().map(m -> m.text().equals(masked.substring(m.start(), m.end())) ? m
                : new Mention(m.start(), m.end(), masked.substring(m.start(), m.end()), m.type(), m.link(), m.value(),
                m.confidence(), m.unreviewed(), m.source())).toList();
        if (doc.meeting != null) {
            doc.meeting = mask(doc.meeting, masker);
        }
    }

    /**
     * The record to keep: the one declared, or for a type that needs one and came without, a
     * record of unknown consent. Refuses a record with a problem, and personal data the record
     * does not allow in a document that needs consent.
     *
     * @throws IngestFailure INVALID, naming the consent field at fault
     */
    private static ConsentRecord checkConsent(DocumentContext doc, List<PersonalDataFinder.Span> spans) {
        boolean required = doc.type != null && doc.type.requiresConsent();
        ConsentRecord record = doc.request.consent() != null ? doc.request.consent() : required ? ConsentRecord.undeclared() : null;
        if (record == null) {
            return null;
        }
        if (required && !spans.isEmpty() && !record.allowsPersonalDataFound()) {
            String consent = record.informedConsent() == null ? "unknown" : "false (refused)";
            String type = doc.type.code().replace('-', ' ');
            throw new IngestFailure(IngestFailure.Reason.INVALID, ConsentRecord.INFORMED_CONSENT,
                    "the " + type + " contains personal data (" + kinds(spans) + ") but its consent record does not "
                            + "allow personal data: " + ConsentRecord.INFORMED_CONSENT + " is " + consent + ". A " + type
                            + " keeps personal data (masked for everyone but its organisation) only with the informed consent "
                            + "of the people concerned: send " + ConsentRecord.INFORMED_CONSENT + "=true with "
                            + ConsentRecord.PURPOSE + ", or remove the personal data");
        }
        if (record.problem().isPresent()) {
            throw new IngestFailure(IngestFailure.Reason.INVALID, record.problemField(), record.problem().get());
        }
        return record;
    }

    /** "the name of a person, 2 phone numbers and an e-mail address": what was found, never the data. */
    static String kinds(List<PersonalDataFinder.Span> spans) {
        Map<PersonalDataKind, Long> counts = new EnumMap<>(PersonalDataKind.class);
        spans.forEach(s -> counts.merge(s.kind(), 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(kind.describe(n)));
        return parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    static String mask(String text, List<PersonalDataFinder.Span> spans) {
        char[] chars = text.toCharArray();
        for (PersonalDataFinder.Span s : spans) {
            replacement(text.substring(s.start(), s.end()), s.kind()).getChars(0, s.end() - s.start(), chars, s.start());
        }
        return new String(chars);
    }

    /**
     * A box as long as the span, "[label███]" when the label fits; line breaks stay where they
     * were, so the masked text keeps its lines.
     */
    static String replacement(String span, PersonalDataKind kind) {
        int n = span.length();
        String label = "[" + kind.label();
        StringBuilder out = new StringBuilder(n);
        boolean labelled = n >= label.length() + 1;
        for (int i = 0; i < n; i++) {
            char c = span.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(c);
            } else if (labelled && i < label.length()) {
                out.append(label.charAt(i));
            } else if (labelled && i == n - 1) {
                out.append(']');
            } else {
                out.append(BOX);
            }
        }
        return out.toString();
    }

    private static Meeting mask(Meeting m, Masker masker) {
        return new Meeting(masker.loose(m.name()), m.date(), m.city(), masker.loose(m.location()), masker.loose(m.time()),
                masker.loose(m.duration()), m.chairs(), m.minuteTakers(), m.agencies(),
                m.agenda().stream().map(a -> new Meeting.AgendaEntry(a.number(), masker.at(a.text(), a.start()), a.start(), a.end(),
                        a.section())).toList(),
                masker.loose(m.attachments()),
                m.actions().stream().map(a -> new Meeting.Action(a.number(), masker.at(a.text(), a.start()), a.start(), a.end(),
                        masker.loose(a.owner()), a.section())).toList(),
                m.headerEnd());
    }

    /** Masks strings derived from the text: by their offset where they stand there, else by what was masked. */
    private record Masker(String unmasked, String masked, Map<String, PersonalDataKind> surfaces) {

        /** A string that stands in the text at {@code start} (a heading, an action point) takes the masked text there. */
        String at(String value, int start) {
            if (value != null && start >= 0 && unmasked.startsWith(value, start)) {
                return masked.substring(start, start + value.length());
            }
            return loose(value);
        }

        /** Every occurrence of a masked span's text, as a whole word, masked the same way. */
        String loose(String value) {
            if (value == null || value.isEmpty()) {
                return value;
            }
            String out = value;
            for (Map.Entry<String, PersonalDataKind> e : surfaces.entrySet()) {
                Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(e.getKey()) + "(?![\\p{L}\\p{N}])").matcher(out);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(sb, Matcher.quoteReplacement(replacement(m.group(), e.getValue())));
                }
                m.appendTail(sb);
                out = sb.toString();
            }
            return out;
        }
    }
}
