package org.knowledgehub.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.store.LocalLinks;
import org.knowledgehub.ingest.MetadataSource;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.MentionSpans;
import org.knowledgehub.ontology.Namespaces;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.store.Descriptions;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Builds what the HTML pages of resources show, reading only through the caller's visible view:
 * a document page (metadata, provenance, sections with passages, meeting) or, for any other
 * resource, its properties and what refers to it.
 */
@Component
class ResourcePages {

    private static final List<Property> LABELS = List.of(SKOS.prefLabel, RDFS.label, DCTerms.title, FOAF.name);

    private final Uris uris;
    private final ConceptLabels concepts;
    private final LocalLinks links;
    private final PageDates dates;

    ResourcePages(Uris uris, ConceptLabels concepts, LocalLinks links, PageDates dates) {
        this.uris = uris;
        this.dates = dates;
        this.concepts = concepts;
        this.links = links;
    }

    record Link(String label, String href) {
    }

    /**
     * @param uri      where the browser finds the passage (a local path)
     * @param segments the text cut at its mentions, for highlighting
     * @param language the passage's own language where it differs from its document's, else the document's
     */
    record PassageView(String uri, int number, String text, int start, int end, List<Segment> segments, String language) {
    }

    /** A piece of a passage's text; a mention when {@code type} is set, linked when {@code href} is. */
    record Segment(String text, String type, String href, String title) {
    }

    private record MentionSpan(int start, int end, String type, String href, String title) {
    }

    record SectionView(String uri, int number, String title, int level, int start, int end, List<PassageView> passages) {
    }

    record ActionView(String uri, int number, String text, String ownerName, Link owner) {
    }

    record AgendaView(String number, String text, Link section) {
    }

    record MeetingView(String uri, String name, String date, String location, String time, String duration, Link place,
                       List<Link> chairs, List<Link> minuteTakers, List<Link> agencies, List<AgendaView> agenda,
                       List<ActionView> actions) {
    }

    record DocumentPage(String uri, String id, String title, String type, String date, List<Link> organisations,
                        String sensitivity, String sourceName, String format, String contentHash, String byteSize,
                        String original, String text, String ingestedAt, List<String> parsers, String stages,
                        List<Link> agents, List<SectionView> sections, MeetingView meeting, String graph,
                        String language, List<MetadataView> metadata) {

        /** The name of the document's language in the reader's language ("Arabic", "arabe", "العربية"), or null. */
        public String languageName(Locale reader) {
            return language == null ? null : Locale.forLanguageTag(language).getDisplayLanguage(reader);
        }
    }

    /** One metadata value and where it came from; {@code link} for a publisher. */
    record MetadataView(String field, String value, Link link, String method, String confidence) {
    }

    record PropertyView(Link property, List<Link> values) {
    }

    record ResourcePage(String uri, String label, List<Link> types, List<PropertyView> properties, List<PropertyView> inbound) {
    }

    /** The document page if {@code uri} is a visible document. */
    Optional<DocumentPage> document(DatasetGraph view, String id) {
        Node graphName = uris.documentGraph(id);
        Graph g = view.getGraph(graphName);
        Model m = ModelFactory.createModelForGraph(g);
        Resource doc = m.getResource(uris.document(id));
        if (!m.contains(doc, RDF.type, KH.Document)) {
            return Optional.empty();
        }
        List<SectionView> sections = new ArrayList<>();
        Map<String, List<PassageView>> passagesBySection = new LinkedHashMap<>();
        Map<String, List<MentionSpan>> mentionsByPassage = mentionsByPassage(m);
        String documentLanguage = string(doc, DCTerms.language);
        m.listSubjectsWithProperty(RDF.type, KH.Passage).forEach(p -> {
            int start = integer(p, KH.startOffset);
            String text = string(p, KH.text);
            passagesBySection.computeIfAbsent(uri(p.getPropertyResourceValue(KH.inSection)), k -> new ArrayList<>())
                    .add(new PassageView(href(p.getURI()), integer(p, KH.order), text, start, integer(p, KH.endOffset),
                            segments(text, start, mentionsByPassage.getOrDefault(p.getURI(), List.of())),
                            p.hasProperty(DCTerms.language) ? string(p, DCTerms.language) : documentLanguage));
        });
        m.listSubjectsWithProperty(RDF.type, KH.Section).forEach(s -> {
            List<PassageView> ps = passagesBySection.getOrDefault(s.getURI(), new ArrayList<>());
            ps.sort(Comparator.comparingInt(PassageView::number));
            sections.add(new SectionView(href(s.getURI()), integer(s, KH.order), string(s, DCTerms.title), integer(s, KH.headingLevel),
                    integer(s, KH.startOffset), integer(s, KH.endOffset), ps));
        });
        sections.sort(Comparator.comparingInt(SectionView::number));
        Resource ingestion = doc.getPropertyResourceValue(Prov.wasGeneratedBy);
        List<String> parsers = ingestion == null ? List.of()
                : ingestion.listProperties(KH.parser).mapWith(Statement::getString).toList();
        List<Link> agents = ingestion == null ? List.of()
                : ingestion.listProperties(Prov.wasAssociatedWith).mapWith(st -> link(m, st.getResource())).toList();
        Resource sensitivity = doc.getPropertyResourceValue(KH.sensitivity);
        Resource type = doc.listProperties(RDF.type).mapWith(Statement::getResource)
                .filterDrop(t -> t.equals(KH.Document)).nextOptional().orElse(KH.Document);
        return Optional.of(new DocumentPage(doc.getURI(), id, string(doc, DCTerms.title), localName(type),
                string(doc, DCTerms.date),
                doc.listProperties(DCTerms.publisher).mapWith(st -> link(m, st.getResource())).toList(),
                sensitivity == null ? "" : localName(sensitivity).toLowerCase(),
                string(doc, KH.sourceName), string(doc, DCTerms.format), string(doc, KH.contentHash),
                string(doc, KH.byteSize), "/api/documents/" + id + "/original", string(doc, KH.extractedText),
                ingestion == null ? null : dates.readable(string(ingestion, Prov.endedAtTime)), parsers,
                ingestion == null ? null : string(ingestion, KH.stage), agents, sections, meeting(m, doc), graphName.getURI(),
                documentLanguage, metadata(m, doc)));
    }

    private List<MetadataView> metadata(Model m, Resource doc) {
        return MetadataSource.of(m.getGraph(), doc.asNode(), org -> label(m, m.getResource(org.getURI()))).stream()
                .map(s -> new MetadataView(s.field(), s.value(), s.iri() == null ? null : link(m, m.getResource(s.iri())),
                        s.method(), String.format(Locale.ROOT, "%.2f", s.confidence())))
                .toList();
    }

    /** Each passage's mentions, from its kh:mentionSpans. */
    private Map<String, List<MentionSpan>> mentionsByPassage(Model m) {
        Map<String, List<MentionSpan>> out = new LinkedHashMap<>();
        m.listStatements(null, KH.mentionSpans, (RDFNode) null).filterKeep(st -> st.getSubject().hasProperty(RDF.type, KH.Passage)
                && st.getObject().isLiteral()).forEach(st -> {
            List<MentionSpan> spans = out.computeIfAbsent(st.getSubject().getURI(), k -> new ArrayList<>());
            for (MentionSpans.Span x : MentionSpans.read(st.getString(), uris.base())) {
                Resource target = x.target() == null ? null : m.getResource(x.target());
                spans.add(new MentionSpan(x.start(), x.end(), x.type(), target == null ? null : href(target.getURI()),
                        target != null ? label(m, target) : x.value()));
            }
        });
        return out;
    }

    /** The passage's text cut into plain pieces and mentions (offsets are the document's). */
    private static List<Segment> segments(String text, int passageStart, List<MentionSpan> mentions) {
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (MentionSpan x : mentions) {
            int s = x.start() - passageStart;
            int e = x.end() - passageStart;
            if (s < at || e > text.length()) {
                continue;
            }
            if (s > at) {
                out.add(new Segment(text.substring(at, s), null, null, null));
            }
            out.add(new Segment(text.substring(s, e), x.type(), x.href(), x.title()));
            at = e;
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), null, null, null));
        }
        return out;
    }

    private MeetingView meeting(Model m, Resource doc) {
        Resource meeting = doc.getPropertyResourceValue(KH.records);
        if (meeting == null) {
            return null;
        }
        List<AgendaView> agenda = new ArrayList<>(meeting.listProperties(KH.agendaItem).mapWith(Statement::getResource)
                .mapWith(a -> new AgendaView(string(a, SKOS.notation), string(a, RDFS.label),
                        a.hasProperty(KH.discussedIn) ? link(m, a.getPropertyResourceValue(KH.discussedIn)) : null))
                .toList());
        agenda.sort(Comparator.comparing(AgendaView::number, ResourcePages::compareNumbers));
        List<ActionView> actions = new ArrayList<>(meeting.listProperties(KH.actionPoint).mapWith(Statement::getResource)
                .mapWith(a -> new ActionView(href(a.getURI()), integer(a, KH.order), string(a, KH.text), string(a, KH.ownerName),
                        a.hasProperty(KH.owner) ? link(m, a.getPropertyResourceValue(KH.owner)) : null))
                .toList());
        actions.sort(Comparator.comparingInt(ActionView::number));
        Resource place = meeting.getPropertyResourceValue(DCTerms.spatial);
        return new MeetingView(meeting.getURI(), string(meeting, RDFS.label), string(meeting, DCTerms.date),
                string(meeting, KH.location), string(meeting, KH.startTime), string(meeting, KH.duration),
                place == null ? null : link(m, place),
                people(m, meeting, KH.chair), people(m, meeting, KH.minuteTaker),
                meeting.listProperties(KH.representedAgency).mapWith(st -> link(m, st.getResource())).toList(),
                agenda, actions);
    }

    private List<Link> people(Model m, Resource meeting, Property role) {
        return meeting.listProperties(role).mapWith(Statement::getResource).mapWith(p -> {
            Resource org = p.getPropertyResourceValue(ORG.memberOf);
            String name = string(p, FOAF.name);
            return new Link(org == null ? name : name + " (" + label(m, org) + ")", href(p.getURI()));
        }).toList();
    }

    /** The generic page of any resource the caller can see; empty if nothing is known about it. */
    Optional<ResourcePage> resource(DatasetGraph view, String uri) {
        Node node = NodeFactory.createURI(uri);
        Graph described = Descriptions.describe(view, node);
        Graph inbound = Descriptions.inbound(view, node, 200);
        if (described.isEmpty() && inbound.isEmpty()) {
            return Optional.empty();
        }
        Model labelsFrom = ModelFactory.createModelForGraph(view.getDefaultGraph());
        Model m = ModelFactory.createModelForGraph(described);
        Resource r = m.getResource(uri);
        PrefixMapping prefixes = Namespaces.prefixes(uris.base());
        Map<String, PropertyView> props = new LinkedHashMap<>();
        List<Link> types = new ArrayList<>();
        r.listProperties().forEach(st -> {
            if (st.getPredicate().equals(RDF.type)) {
                types.add(new Link(prefixes.shortForm(st.getResource().getURI()), href(st.getResource().getURI())));
                return;
            }
            String p = st.getPredicate().getURI();
            props.computeIfAbsent(p, k -> new PropertyView(new Link(prefixes.shortForm(p), href(p)), new ArrayList<>()))
                    .values().add(value(labelsFrom, st.getObject()));
        });
        Map<String, PropertyView> in = new LinkedHashMap<>();
        inbound.find().forEachRemaining(t -> {
            String p = t.getPredicate().getURI();
            in.computeIfAbsent(p, k -> new PropertyView(new Link(prefixes.shortForm(p), href(p)), new ArrayList<>()))
                    .values().add(value(labelsFrom, labelsFrom.asRDFNode(t.getSubject())));
        });
        return Optional.of(new ResourcePage(uri, label(labelsFrom, labelsFrom.getResource(uri)), types,
                new ArrayList<>(props.values()), new ArrayList<>(in.values())));
    }

    private Link value(Model labelsFrom, RDFNode o) {
        if (o.isLiteral()) {
            Literal l = o.asLiteral();
            if (XSDDatatype.XSDdateTime.getURI().equals(l.getDatatypeURI())) {
                return new Link(dates.readable(l.getLexicalForm()), null);
            }
            return new Link(l.getLexicalForm() + (l.getLanguage().isEmpty() ? "" : " @" + l.getLanguage()), null);
        }
        if (o.isAnon()) {
            return new Link("_:" + o.asResource().getId(), null);
        }
        return link(labelsFrom, o.asResource());
    }

    /** A link to a resource, labelled from the given model or the ontology. */
    private Link link(Model m, Resource r) {
        return new Link(label(m, r), href(r.getURI()));
    }

    private String href(String iri) {
        return links.href(iri);
    }

    private String label(Model m, Resource r) {
        if (r == null || r.getURI() == null) {
            return "";
        }
        Resource inModel = m.getResource(r.getURI());
        for (Property p : LABELS) {
            // English first, then untagged, then any language: the same label on every page and link.
            Optional<Literal> best = inModel.listProperties(p).toList().stream()
                    .filter(st -> st.getObject().isLiteral()).map(Statement::getLiteral)
                    .min(Comparator.comparingInt(l -> l.getLanguage().equalsIgnoreCase("en") ? 0 : l.getLanguage().isEmpty() ? 1 : 2));
            if (best.isPresent()) {
                return best.get().getString();
            }
        }
        String fromOntology = concepts.label(r);
        return fromOntology.equals(r.getURI()) ? Namespaces.prefixes(uris.base()).shortForm(r.getURI()) : fromOntology;
    }

    private static String uri(Resource r) {
        return r == null ? "" : r.getURI();
    }

    private static String string(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st == null ? null : st.getObject().isLiteral() ? st.getLiteral().getLexicalForm() : st.getObject().toString();
    }

    private static int integer(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st == null ? 0 : st.getLiteral().getInt();
    }

    private static String localName(Resource r) {
        String u = r.getURI();
        return u.substring(Math.max(u.lastIndexOf('#'), u.lastIndexOf('/')) + 1);
    }

    private static int compareNumbers(String a, String b) {
        String[] x = a == null ? new String[0] : a.split("\\.");
        String[] y = b == null ? new String[0] : b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
