package org.knowledgehub.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.search.IndexedPassage;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Whether a candidate passage meets each constraint of a question: it does (the passage, or its
 * document, speaks of the year, area or population group asked about; it is of the document or
 * meeting named), it does not say, or it contradicts it (another year's report, another group,
 * another area, another meeting). Minutes are judged by their meeting: its date and its city.
 */
@Component
class ConstraintCheck {

    static final String MET = "met";
    static final String NOT_STATED = "not-stated";
    static final String CONTRADICTED = "contradicted";

    private final ConceptLabels labels;
    private final Uris uris;

    ConstraintCheck(ConceptLabels labels, Uris uris) {
        this.labels = labels;
        this.uris = uris;
    }

    /** @param meeting the meeting the passage's document records, or null */
    List<Answer.Check> check(Understanding u, IndexedPassage p, MeetingRecords.Meeting meeting) {
        List<Answer.Check> out = new ArrayList<>();
        for (Understanding.Constraint c : u.constraints()) {
            out.add(new Answer.Check(c.type(), c.value(), c.label(), verdict(c, u, p, meeting)));
        }
        return out;
    }

    private String verdict(Understanding.Constraint c, Understanding u, IndexedPassage p, MeetingRecords.Meeting meeting) {
        return switch (c.type()) {
            case "year" -> year(u.values("year"), p, meeting);
            case "area" -> meeting != null && meeting.placeCode() != null ? area(c.value(), withGovernorate(meeting.placeCode()))
                    : area(c.value(), p.areas().isEmpty() ? p.documentAreas() : p.areas());
            case "population" -> population(u.values("population"), p);
            case "document-type" -> c.value().equals(p.documentType()) ? MET : CONTRADICTED;
            case "document" -> u.values("document").contains(p.documentId()) ? MET : CONTRADICTED;
            case "meeting" -> meeting == null ? CONTRADICTED : meetingDate(c.value(), meeting);
            case "sector" -> p.sectors().contains(c.value()) ? MET : NOT_STATED;
            case "indicator" -> p.indicators().contains(c.value()) ? MET : NOT_STATED;
            case "organisation" -> p.organisations().contains(c.value()) ? MET : NOT_STATED;
            default -> NOT_STATED;
        };
    }

    /**
     * A passage speaks of a year when it names it, or when it names none and its document is
     * about it (the VASyR 2022 chapters); it contradicts the question when all the years it and its
     * document speak of are others. Minutes speak of their meeting's year.
     */
    private static String year(List<String> asked, IndexedPassage p, MeetingRecords.Meeting meeting) {
        Set<String> spoken = p.years().stream().map(String::valueOf).collect(Collectors.toSet());
        p.documentYears().forEach(y -> spoken.add(y.toString()));
        // A year the text names though the linker did not take it for a date ("25 November to 8 December 2020").
        asked.stream().filter(y -> Pattern.compile("\\b" + y + "\\b").matcher(p.text()).find()).forEach(spoken::add);
        if (meeting != null && meeting.date() != null) {
            spoken.add(meeting.date().substring(0, 4));
        }
        if (spoken.isEmpty()) {
            return NOT_STATED;
        }
        return asked.stream().anyMatch(spoken::contains) ? MET : CONTRADICTED;
    }

    /**
     * A passage about the area, one of its districts or its governorate meets an area constraint
     * (districts count for their governorate in the index); one about other areas only contradicts it.
     */
    private String area(String asked, List<String> areas) {
        if (areas.isEmpty()) {
            return NOT_STATED;
        }
        if (areas.contains(asked)) {
            return MET;
        }
        String iri = uris.base() + "id/area/" + asked;
        boolean related = labels.broader(iri).stream().map(labels::code).anyMatch(areas::contains)
                || labels.narrower(iri).stream().map(labels::code).anyMatch(areas::contains);
        return related ? NOT_STATED : CONTRADICTED;
    }

    /** An area with its governorate, as the index rolls a passage's districts up. */
    private List<String> withGovernorate(String code) {
        List<String> out = new ArrayList<>(List.of(code));
        labels.broader(uris.base() + "id/area/" + code).stream().map(labels::code).filter(c -> !c.equals("LB")).forEach(out::add);
        return out;
    }

    /**
     * The population groups a passage names, or when it names none, those its document is mainly
     * about: a VASyR passage on food insecurity is about Syrian refugees, not vulnerable Lebanese.
     */
    private static String population(List<String> asked, IndexedPassage p) {
        List<String> groups = p.populations().isEmpty() ? p.documentPopulations() : p.populations();
        if (groups.isEmpty()) {
            return NOT_STATED;
        }
        return asked.stream().anyMatch(groups::contains) ? MET : CONTRADICTED;
    }

    /** A meeting of that day, or of that month when the question names only a month. */
    private static String meetingDate(String asked, MeetingRecords.Meeting meeting) {
        return meeting.date() != null && meeting.date().startsWith(asked) ? MET : CONTRADICTED;
    }

    /** How many hard constraints a candidate contradicts: candidates that contradict fewer come first. */
    static long contradictions(List<Answer.Check> checks) {
        return checks.stream().filter(c -> c.verdict().equals(CONTRADICTED) && hard(c.type())).count();
    }

    static boolean hard(String type) {
        return new Understanding.Constraint(type, "", "", false).hard();
    }

    static boolean isMinutes(IndexedPassage p) {
        return DocumentType.MINUTES.code().equals(p.documentType());
    }
}
