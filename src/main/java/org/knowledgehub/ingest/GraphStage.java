package org.knowledgehub.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.nlp.LanguagePipeline;
import org.knowledgehub.nlp.Mention;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.MentionSpans;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.store.Uris;

/**
 * graph: maps what the earlier stages found to RDF, in the document's own graph: the document
 * with its provenance and sensitivity, its sections and passages (with offsets into the extracted
 * text), and for minutes the meeting, its people, agencies, agenda and action points. All of it
 * from the masked text; where mask replaced personal data, the unmasked texts go into a second
 * model, the document's personal graph, that only its organisation reads.
 */
final class GraphStage implements IngestStage {

    private static final Pattern GROUP_NUMBER = Pattern.compile("(?i)\\bgroup\\s*(\\d{1,2})\\b");

    private final Uris uris;
    private final OrganisationLinker organisations;
    private final ConceptLabels concepts;
    private final String version;
    private final List<String> following;
    private final String gazetteerVersion;
    private final double organisationThreshold;

    /**
     * @param following        names of the stages that run after this one, for the provenance record
     * @param gazetteerVersion identifies the vocabulary the gazetteer was built from
     * @param organisationThreshold the least confidence for an organisation link to count as what its passage mentions
     */
    GraphStage(Uris uris, OrganisationLinker organisations, ConceptLabels concepts, String version, List<String> following,
               String gazetteerVersion, double organisationThreshold) {
        this.uris = uris;
        this.organisations = organisations;
        this.concepts = concepts;
        this.version = version;
        this.following = following;
        this.gazetteerVersion = gazetteerVersion;
        this.organisationThreshold = organisationThreshold;
    }

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public void process(DocumentContext doc) {
        if (doc.type == null) {
            doc.type = DocumentType.OTHER;
        }
        Model m = ModelFactory.createDefaultModel();
        Model personal = doc.unmaskedText == null ? null : ModelFactory.createDefaultModel();
        Resource document = m.createResource(uris.document(doc.id));
        Resource ingestion = describeDocument(doc, m, document);
        Map<Integer, Resource> sections = describeSections(doc, m, document);
        describePassages(doc, m, document, sections);
        if (doc.meeting != null) {
            describeMeeting(doc, m, document, sections, personal);
        }
        describeMentions(doc, m, ingestion, sections, personal);
        if (personal != null) {
            describeUnmasked(doc, document, personal);
        }
        doc.graph = m;
        doc.personalGraph = personal;
    }

    /**
     * The document's personal graph: its unmasked text and title, and the unmasked text of each
     * passage and section title that mask changed (mentions and action points are added where they
     * are made). It also names the document's publisher, whose members alone may read it.
     */
    private void describeUnmasked(DocumentContext doc, Resource document, Model personal) {
        Resource unmasked = personal.createResource(document.getURI()).addProperty(KH.unmaskedText, doc.unmaskedText);
        document.listProperties(DCTerms.publisher).forEach(st -> unmasked.addProperty(DCTerms.publisher,
                personal.createResource(st.getResource().getURI())));
        if (!doc.unmaskedTitle.equals(doc.title)) {
            unmasked.addProperty(KH.unmaskedTitle, doc.unmaskedTitle);
        }
        for (Passage p : doc.passages) {
            unmaskedAt(doc, personal, uris.passage(doc.id, p.number()), KH.unmaskedText, p.start(), p.end() - p.start());
        }
        for (Section s : doc.sections) {
            if (s.title() != null && doc.text.text().startsWith(s.title(), s.start())) {
                unmaskedAt(doc, personal, uris.section(doc.id, s.number()), KH.unmaskedTitle, s.start(), s.title().length());
            }
        }
    }

    /** States the unmasked text of a span of the text on a resource, if mask changed it. */
    private static void unmaskedAt(DocumentContext doc, Model personal, String resource, Property property, int start, int length) {
        if (personal == null || start < 0 || start + length > doc.unmaskedText.length()) {
            return;
        }
        String unmasked = doc.unmaskedText.substring(start, start + length);
        if (!unmasked.equals(doc.text.text().substring(start, start + length))) {
            personal.createResource(resource).addProperty(property, unmasked);
        }
    }

    /** Where each metadata value came from: one kh:MetadataClaim per value. */
    private static void describeClaims(DocumentContext doc, Model m, Resource document, Map<String, Resource> publishers) {
        Map<String, Integer> seen = new HashMap<>();
        for (MetadataClaim c : doc.claims) {
            int n = seen.merge(c.field(), 1, Integer::sum);
            Resource claim = m.createResource(document.getURI() + "/metadata/" + c.field() + (n > 1 ? "-" + n : ""))
                    .addProperty(RDF.type, KH.MetadataClaim)
                    .addProperty(KH.claimedProperty, CLAIMED.get(c.field()))
                    .addProperty(KH.claimMethod, c.method())
                    .addLiteral(KH.confidence, ResourceFactory.createTypedLiteral(String.format(Locale.ROOT, "%.2f", c.confidence()), XSDDatatype.XSDdecimal));
            switch (c.field()) {
                case "publisher" -> claim.addProperty(KH.claimedValue, publishers.get(c.value()));
                // The title claim holds the title as stored, masked where the text is.
                case "title" -> claim.addProperty(KH.claimedValue, doc.title);
                default -> claim.addProperty(KH.claimedValue, c.value());
            }
            document.addProperty(KH.metadataClaim, claim);
        }
    }

    private static final Map<String, Property> CLAIMED = Map.of("title", DCTerms.title, "publisher", DCTerms.publisher,
            "date", DCTerms.date, "type", RDF.type, "language", DCTerms.language);

    /** @return the ingestion that generated the document */
    private Resource describeDocument(DocumentContext doc, Model m, Resource document) {
        document.addProperty(RDF.type, KH.Document)
                .addProperty(RDF.type, doc.type.rdfClass())
                .addProperty(DCTerms.title, doc.title)
                .addProperty(DCTerms.format, doc.mediaType)
                .addProperty(KH.sourceName, doc.request.sourceName())
                .addProperty(KH.contentHash, doc.contentHash)
                .addLiteral(KH.byteSize, integer(doc.request.bytes().length))
                .addProperty(KH.sensitivity, doc.request.sensitivity().concept())
                .addProperty(KH.original, m.createResource(uris.original(doc.id)))
                .addProperty(KH.extractedText, doc.text.text())
                .addLiteral(KH.sectionCount, integer(doc.sections.size()))
                .addLiteral(KH.passageCount, integer(doc.passages.size()))
                .addProperty(KH.indexStamp, doc.stamp);
        if (doc.date != null) {
            document.addLiteral(DCTerms.date, m.createTypedLiteral(doc.date.toString(), XSDDatatype.XSDdate));
        }
        Map<String, Resource> publishers = new LinkedHashMap<>();
        for (String name : doc.publishers) {
            Resource publisher = publishers.computeIfAbsent(name, n -> organisations.link(m, n));
            document.addProperty(DCTerms.publisher, publisher).addProperty(Prov.wasAttributedTo, publisher);
        }
        if (doc.language != null) {
            document.addProperty(DCTerms.language, doc.language);
        }
        describeClaims(doc, m, document, publishers);
        doc.request.sharedWith().forEach(o -> document.addProperty(KH.sharedWith, m.createResource(o)));
        doc.request.sharedWithSectors().forEach(s -> document.addProperty(KH.sharedWithSector, m.createResource(s)));
        if (doc.consent != null) {
            doc.consent.addTo(m, document);
        }
        Resource software = m.createResource(uris.softwareAgent())
                .addProperty(RDF.type, Prov.SoftwareAgent)
                .addProperty(RDFS.label, "Knowledge Hub " + version);
        Resource sender = m.createResource(uris.base() + "id/agent/" + Uris.slug(doc.request.agent()))
                .addProperty(RDF.type, FOAF.Agent)
                .addProperty(RDFS.label, doc.request.agent());
        Resource ingestion = m.createResource(uris.ingestion(doc.id, doc.stamp))
                .addProperty(RDF.type, KH.Ingestion)
                .addLiteral(Prov.startedAtTime, dateTime(doc.startedAt))
                .addLiteral(Prov.endedAtTime, dateTime(Instant.now()))
                .addProperty(Prov.wasAssociatedWith, software)
                .addProperty(Prov.wasAssociatedWith, sender)
                .addProperty(Prov.used, m.createResource(uris.original(doc.id)))
                .addProperty(KH.stage, String.join(", ", chain(doc)));
        doc.parsers.forEach(p -> ingestion.addProperty(KH.parser, p));
        document.addProperty(Prov.wasGeneratedBy, ingestion);
        return ingestion;
    }

    /**
     * What each passage (or section, for words of a heading) mentions: the concepts it names, the
     * years it speaks of and whether it carries personal data, and all its mentions with their
     * offsets, type, confidence, program and target or value in one kh:mentionSpans literal. The
     * programs, with their versions, are stated once, on the ingestion. A mention is a resource of
     * its own only where something needs to point at it: the unmasked text of a person or of
     * personal data (in the personal graph) and an organisation name proposed for review.
     */
    private void describeMentions(DocumentContext doc, Model m, Resource ingestion, Map<Integer, Resource> sections, Model personal) {
        if (doc.mentions.isEmpty()) {
            return;
        }
        // The CoreNLP pipeline of the document's language: its own program in the provenance.
        LanguagePipeline nlp = LanguagePipeline.of(doc.language);
        Map<String, Resource> agents = Map.of(
                "corenlp", agent(m, nlp.agentName(), nlp.description()),
                "gazetteer", agent(m, "gazetteer", "Knowledge Hub " + version + " " + gazetteerVersion + " (link stage)"),
                "pattern", agent(m, "patterns", "Knowledge Hub " + version
                        + " patterns (link and mask stages: personal data, names after a title, amounts, periods)"));
        agents.values().forEach(a -> ingestion.addProperty(Prov.wasAssociatedWith, a));
        Map<Resource, List<MentionSpans.Span>> spans = new LinkedHashMap<>();
        int n = 0;
        for (Mention x : doc.mentions) {
            Resource container = container(doc, m, sections, x.start());
            if (container == null) {
                continue;
            }
            Resource agent = agents.get(x.source());
            spans.computeIfAbsent(container, k -> new ArrayList<>()).add(new MentionSpans.Span(x.start(), x.end(), x.type().code(),
                    x.confidence(), agent.getURI().substring(agent.getURI().lastIndexOf('/') + 1), x.link(), x.value()));
            if (x.link() != null) {
                if (x.type() != MentionType.ORGANISATION || x.confidence() >= organisationThreshold) {
                    container.addProperty(KH.mentions, m.createResource(x.link()));
                }
                if (x.type() == MentionType.ORGANISATION) {
                    organisations.describeAccepted(m, x.link());
                }
            }
            if (x.type() == MentionType.DATE && x.value() != null) {
                years(x.value()).forEach(year -> container.addLiteral(KH.mentionsYear,
                        ResourceFactory.createTypedLiteral(Integer.toString(year), XSDDatatype.XSDgYear)));
            }
            boolean personalData = x.type() == MentionType.PERSON || x.type() == MentionType.PERSONAL_DATA;
            if (personalData) {
                container.addLiteral(KH.containsPersonalData, true);
            }
            // A name NER calls an organisation and the directory does not know is a proposal for
            // review, not an organisation: it links nowhere and is no facet value.
            boolean proposal = x.type() == MentionType.ORGANISATION && x.link() == null && x.unreviewed();
            if (personalData || proposal) {
                Resource mention = describeMention(m, uris.mention(doc.id, ++n), x, agent, container);
                unmaskedAt(doc, personal, mention.getURI(), KH.unmaskedText, x.start(), x.end() - x.start());
                if (proposal) {
                    mention.addLiteral(KH.unreviewed, true);
                }
            }
        }
        spans.forEach((container, list) -> container.addProperty(KH.mentionSpans, MentionSpans.write(list, uris.base())));
    }

    /** A mention as a resource of its own: a kh:Mention. */
    private static Resource describeMention(Model m, String iri, Mention x, Resource agent, Resource container) {
        Resource mention = m.createResource(iri)
                .addProperty(RDF.type, KH.Mention)
                .addProperty(KH.mentionType, x.type().code())
                .addProperty(KH.exact, x.text())
                .addLiteral(KH.startOffset, integer(x.start()))
                .addLiteral(KH.endOffset, integer(x.end()))
                .addLiteral(KH.confidence, ResourceFactory.createTypedLiteral(String.format(Locale.ROOT, "%.2f", x.confidence()),
                        XSDDatatype.XSDdecimal))
                .addProperty(Prov.wasAttributedTo, agent)
                .addProperty(container.hasProperty(RDF.type, KH.Passage) ? KH.inPassage : KH.inSection, container);
        if (x.link() != null) {
            mention.addProperty(KH.refersTo, m.createResource(x.link()));
        }
        if (x.value() != null) {
            mention.addProperty(KH.value, x.value());
        }
        return mention;
    }

    /** The passage a mention lies in, or the section whose heading it is part of. */
    private Resource container(DocumentContext doc, Model m, Map<Integer, Resource> sections, int offset) {
        for (Passage p : doc.passages) {
            if (p.start() <= offset && offset < p.end()) {
                return m.getResource(uris.passage(doc.id, p.number()));
            }
        }
        Section innermost = null;
        for (Section s : doc.sections) {
            if (s.start() <= offset && offset < Math.max(s.end(), s.start() + 1)) {
                innermost = s;
            }
        }
        return innermost == null ? null : sections.get(innermost.number());
    }

    /** The years of "2020", "2020-06-15" or "2019/2021" (a period of at most 20 years). */
    static List<Integer> years(String value) {
        String[] ends = value.split("/");
        try {
            int from = Integer.parseInt(ends[0].substring(0, 4));
            int to = ends.length > 1 ? Integer.parseInt(ends[1].substring(0, 4)) : from;
            List<Integer> out = new ArrayList<>();
            for (int y = from; y <= to && y - from <= 20; y++) {
                out.add(y);
            }
            return out;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return List.of();
        }
    }

    private Resource agent(Model m, String name, String label) {
        return m.createResource(uris.agent(name)).addProperty(RDF.type, Prov.SoftwareAgent).addProperty(RDFS.label, label);
    }

    private List<String> chain(DocumentContext doc) {
        List<String> chain = new ArrayList<>(doc.stagesRun);
        chain.add(name());
        chain.addAll(following);
        return chain;
    }

    private Map<Integer, Resource> describeSections(DocumentContext doc, Model m, Resource document) {
        Map<Integer, Resource> byNumber = new HashMap<>();
        for (Section s : doc.sections) {
            Resource r = m.createResource(uris.section(doc.id, s.number()))
                    .addProperty(RDF.type, KH.Section)
                    .addLiteral(KH.order, integer(s.number()))
                    .addLiteral(KH.headingLevel, integer(s.level()))
                    .addLiteral(KH.startOffset, integer(s.start()))
                    .addLiteral(KH.endOffset, integer(s.end()))
                    .addProperty(KH.inDocument, document);
            if (s.title() != null) {
                r.addProperty(DCTerms.title, s.title());
            }
            r.addProperty(DCTerms.isPartOf, s.parent() == 0 ? document : byNumber.get(s.parent()));
            byNumber.put(s.number(), r);
        }
        return byNumber;
    }

    private void describePassages(DocumentContext doc, Model m, Resource document, Map<Integer, Resource> sections) {
        for (Passage p : doc.passages) {
            Resource passage = m.createResource(uris.passage(doc.id, p.number()));
            if (p.table()) {
                passage.addProperty(RDF.type, KH.TableContent);
            }
            String text = doc.text.text().substring(p.start(), p.end());
            String language = LanguageGuess.ofPassage(text, doc.language);
            if (!language.equals(doc.language)) {
                // A passage in another language than its document's (which it otherwise shares).
                passage.addProperty(DCTerms.language, language);
            }
            passage.addProperty(RDF.type, KH.Passage)
                    .addProperty(KH.text, text)
                    .addLiteral(KH.order, integer(p.number()))
                    .addLiteral(KH.startOffset, integer(p.start()))
                    .addLiteral(KH.endOffset, integer(p.end()))
                    .addProperty(KH.inSection, sections.get(p.section()))
                    .addProperty(KH.inDocument, document);
        }
    }

    private void describeMeeting(DocumentContext doc, Model m, Resource document, Map<Integer, Resource> sections, Model personal) {
        Meeting mt = doc.meeting;
        Resource meeting = m.createResource(uris.meeting(doc.id)).addProperty(RDF.type, KH.Meeting);
        document.addProperty(KH.records, meeting);
        if (mt.name() != null) {
            meeting.addProperty(RDFS.label, mt.name());
        }
        if (mt.date() != null) {
            meeting.addLiteral(DCTerms.date, m.createTypedLiteral(mt.date().toString(), XSDDatatype.XSDdate));
        }
        if (mt.city() != null) {
            concepts.lookup(Schemes.areas(uris.base()), mt.city()).stream().findFirst()
                    .ifPresent(area -> meeting.addProperty(DCTerms.spatial, m.createResource(area.getURI())));
        }
        addIfPresent(meeting, KH.location, mt.location());
        addIfPresent(meeting, KH.startTime, mt.time());
        addIfPresent(meeting, KH.duration, mt.duration());
        addIfPresent(meeting, KH.attachments, mt.attachments());
        for (Meeting.Person p : mt.chairs()) {
            meeting.addProperty(KH.chair, person(doc, m, p));
        }
        for (Meeting.Person p : mt.minuteTakers()) {
            meeting.addProperty(KH.minuteTaker, person(doc, m, p));
        }
        for (String agency : mt.agencies()) {
            meeting.addProperty(KH.representedAgency, organisations.link(m, agency));
        }
        for (Meeting.AgendaEntry entry : mt.agenda()) {
            Resource item = m.createResource(uris.agendaItem(doc.id, entry.number()))
                    .addProperty(RDF.type, KH.AgendaItem)
                    .addProperty(RDFS.label, entry.text())
                    .addProperty(SKOS.notation, entry.number());
            meeting.addProperty(KH.agendaItem, item);
            int dot = entry.number().indexOf('.');
            if (dot > 0) {
                item.addProperty(KH.subItemOf, m.createResource(uris.agendaItem(doc.id, entry.number().substring(0, dot))));
            }
            if (entry.section() > 0) {
                item.addProperty(KH.discussedIn, sections.get(entry.section()));
            }
            if (entry.start() >= 0) {
                item.addLiteral(KH.startOffset, integer(entry.start())).addLiteral(KH.endOffset, integer(entry.end()));
            }
        }
        for (Meeting.Action a : mt.actions()) {
            Resource action = m.createResource(uris.actionPoint(doc.id, a.number()))
                    .addProperty(RDF.type, KH.ActionPoint)
                    .addProperty(KH.text, a.text())
                    .addLiteral(KH.order, integer(a.number()))
                    .addLiteral(KH.startOffset, integer(a.start()))
                    .addLiteral(KH.endOffset, integer(a.end()))
                    .addProperty(KH.status, "open")
                    .addProperty(KH.inDocument, document);
            if (a.section() > 0) {
                action.addProperty(KH.inSection, sections.get(a.section()));
            }
            meeting.addProperty(KH.actionPoint, action);
            if (doc.text.text().startsWith(a.text(), a.start())) {
                unmaskedAt(doc, personal, action.getURI(), KH.unmaskedText, a.start(), a.text().length());
            }
            if (a.owner() != null) {
                action.addProperty(KH.ownerName, a.owner());
                owners(doc, m, a).forEach(owner -> action.addProperty(KH.owner, owner));
            }
        }
    }

    /**
     * The organisations or working groups an action point names: known organisations (one, or a
     * list such as "WFP, UNHCR and UNICEF"); "Group 2" or "the group" (the group whose section the
     * action point is in); or "WASH sector" and the like.
     */
    private List<Resource> owners(DocumentContext doc, Model m, Meeting.Action a) {
        Resource single = owner(doc, m, a.owner(), a.section());
        if (single != null) {
            return List.of(single);
        }
        List<Resource> several = new ArrayList<>();
        for (String part : a.owner().split("\\s*(?:,|\\band\\b|&)\\s*")) {
            if (!part.isBlank()) {
                organisations.known(part).ifPresent(o -> several.add(m.createResource(o.getURI())));
            }
        }
        return several;
    }

    private Resource owner(DocumentContext doc, Model m, String name, int section) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("the group") || lower.equals("the working group") || lower.equals("this group")) {
            return groupOfSection(doc, m, section);
        }
        Matcher group = GROUP_NUMBER.matcher(name);
        if (group.matches() || lower.startsWith("group ") && group.find()) {
            return workingGroup(doc, m, "Group " + group.group(1));
        }
        var known = organisations.known(name);
        if (known.isPresent()) {
            return m.createResource(known.get().getURI());
        }
        if (lower.endsWith(" sector") || lower.contains("working group") || lower.endsWith(" team")
                || lower.endsWith(" task force") || lower.endsWith(" taskforce") || lower.endsWith(" unit")) {
            return workingGroup(doc, m, name);
        }
        return null;
    }

    private Resource groupOfSection(DocumentContext doc, Model m, int sectionNumber) {
        for (int n = sectionNumber; n > 0; ) {
            Section s = doc.sections.get(n - 1);
            if (s.title() != null) {
                Matcher g = GROUP_NUMBER.matcher(s.title());
                if (g.find()) {
                    return workingGroup(doc, m, "Group " + g.group(1));
                }
            }
            n = s.parent();
        }
        return null;
    }

    private Resource workingGroup(DocumentContext doc, Model m, String label) {
        String title = label;
        Matcher g = GROUP_NUMBER.matcher(label);
        if (g.matches()) {
            // "Group 1" has a fuller name in its section title: "GROUP 1: DATA SHARING AND DATA SECURITY (...)"
            for (Section s : doc.sections) {
                if (s.title() != null) {
                    Matcher t = Pattern.compile("(?i)^group\\s*" + g.group(1) + "\\s*[:\\-–]\\s*([^(]+)").matcher(s.title());
                    if (t.find()) {
                        title = label + ": " + capitaliseFirst(t.group(1).strip().toLowerCase(Locale.ROOT));
                        break;
                    }
                }
            }
        }
        return m.createResource(uris.workingGroup(doc.id, label))
                .addProperty(RDF.type, KH.WorkingGroup)
                .addProperty(RDF.type, ORG.OrganizationalUnit)
                .addProperty(RDFS.label, title);
    }

    private Resource person(DocumentContext doc, Model m, Meeting.Person p) {
        Resource person = m.createResource(uris.person(doc.id, p.name()))
                .addProperty(RDF.type, FOAF.Person)
                .addProperty(FOAF.name, p.name());
        if (p.organisation() != null) {
            person.addProperty(ORG.memberOf, organisations.link(m, p.organisation()));
        }
        return person;
    }

    private static void addIfPresent(Resource r, org.apache.jena.rdf.model.Property p, String value) {
        if (value != null && !value.isBlank()) {
            r.addProperty(p, value);
        }
    }

    private static String capitaliseFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Literal integer(long n) {
        return ResourceFactory.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static Literal dateTime(Instant instant) {
        return ResourceFactory.createTypedLiteral(instant.toString(), XSDDatatype.XSDdateTime);
    }
}
