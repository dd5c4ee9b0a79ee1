package org.knowledgehub.questions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * The meetings that minutes the caller may read record, with what the graph holds of them (the
 * minutes stage read it from the minutes' own header, agenda and action points): the facts that
 * answer who chaired a meeting, where and when it took place, who was there, what was on its
 * agenda and what was agreed.
 */
@Component
class MeetingRecords {

    /** A person of the header: a chair or a minute taker, with their organisation as written. */
    record Person(String name, String organisation) {

        String display() {
            return organisation == null ? name : name + " (" + organisation + ")";
        }
    }

    /** An agenda item or an action point, with its place in the minutes' text (-1 when unknown). */
    record Item(String number, String text, String owner, int start, int end) {
    }

    /**
     * @param placeCode  the P-code of the city, or null
     * @param presenters the sections whose heading names who presented them ("GROUP 1: DATA SHARING
     *                   (PRESENTED BY ...)"): the heading as text, the presenter as owner
     */
    record Meeting(String uri, String documentId, String graph, String name, String date, String placeCode, String placeLabel,
                   String location, String time, String duration, List<Person> chairs, List<Person> minuteTakers,
                   List<String> agencies, List<Item> agenda, List<Item> actions, List<Item> presenters) {
    }

    private static final Pattern PRESENTED_BY = Pattern.compile("(?i)\\(?\\s*presented by\\s+([^)]+)\\)?\\s*$");

    private final KnowledgeStore store;
    private final ConceptLabels labels;
    private final Uris uris;

    MeetingRecords(KnowledgeStore store, ConceptLabels labels, Uris uris) {
        this.store = store;
        this.labels = labels;
        this.uris = uris;
    }

    /** Every meeting recorded in a graph the caller may read, oldest first. */
    List<Meeting> visible(VisibleGraphs visible) {
        Node type = RDF.type.asNode();
        Node meetingClass = KH.Meeting.asNode();
        return store.readAll(d -> {
            List<Meeting> out = new ArrayList<>();
            d.find(Node.ANY, Node.ANY, type, meetingClass).forEachRemaining(q -> {
                if (visible.contains(q.getGraph())) {
                    read(d, q.getGraph(), q.getSubject()).ifPresent(out::add);
                }
            });
            out.sort(Comparator.comparing(m -> m.date() == null ? "" : m.date()));
            return out;
        });
    }

    private Optional<Meeting> read(DatasetGraph d, Node graph, Node meeting) {
        Optional<String> documentId = uris.documentIdOf(meeting.getURI());
        if (documentId.isEmpty()) {
            return Optional.empty();
        }
        Function<Node, String> literal = p -> first(d, graph, meeting, p).filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                .orElse(null);
        Node place = first(d, graph, meeting, DCTerms.spatial.asNode()).orElse(null);
        List<String> agencies = new ArrayList<>();
        objects(d, graph, meeting, KH.representedAgency.asNode()).forEach(o -> agencies.add(name(d, graph, o, false)));
        agencies.sort(String.CASE_INSENSITIVE_ORDER);
        List<Item> agenda = new ArrayList<>();
        objects(d, graph, meeting, KH.agendaItem.asNode()).forEach(a -> agenda.add(new Item(
                text(d, graph, a, SKOS.notation.asNode()), text(d, graph, a, RDFS.label.asNode()), null,
                integer(d, graph, a, KH.startOffset.asNode()), integer(d, graph, a, KH.endOffset.asNode()))));
        agenda.sort(Comparator.comparing(Item::number, MeetingRecords::compareNumbers));
        List<Item> actions = new ArrayList<>();
        objects(d, graph, meeting, KH.actionPoint.asNode()).forEach(a -> actions.add(new Item(
                Integer.toString(integer(d, graph, a, KH.order.asNode())), text(d, graph, a, KH.text.asNode()),
                text(d, graph, a, KH.ownerName.asNode()), integer(d, graph, a, KH.startOffset.asNode()),
                integer(d, graph, a, KH.endOffset.asNode()))));
        actions.sort(Comparator.comparingInt(a -> Integer.parseInt(a.number())));
        return Optional.of(new Meeting(meeting.getURI(), documentId.get(), graph.getURI(),
                literal.apply(RDFS.label.asNode()), literal.apply(DCTerms.date.asNode()),
                place == null || !place.isURI() ? null : labels.code(place.getURI()),
                place == null || !place.isURI() ? null : labels.label(labels.resource(place.getURI())),
                literal.apply(KH.location.asNode()), literal.apply(KH.startTime.asNode()), literal.apply(KH.duration.asNode()),
                people(d, graph, meeting, KH.chair.asNode()), people(d, graph, meeting, KH.minuteTaker.asNode()),
                agencies, agenda, actions, presenters(d, graph, documentId.get())));
    }

    private List<Item> presenters(DatasetGraph d, Node graph, String documentId) {
        List<Item> out = new ArrayList<>();
        Node document = NodeFactory.createURI(uris.document(documentId));
        d.find(graph, Node.ANY, KH.inDocument.asNode(), document).forEachRemaining(q -> {
            String title = text(d, graph, q.getSubject(), DCTerms.title.asNode());
            Matcher m = title == null ? null : PRESENTED_BY.matcher(title);
            if (m != null && m.find()) {
                out.add(new Item(Integer.toString(integer(d, graph, q.getSubject(), KH.order.asNode())), title, m.group(1).strip(),
                        integer(d, graph, q.getSubject(), KH.startOffset.asNode()), -1));
            }
        });
        out.sort(Comparator.comparingInt(i -> Integer.parseInt(i.number())));
        return out;
    }

    private List<Person> people(DatasetGraph d, Node graph, Node meeting, Node role) {
        List<Person> out = new ArrayList<>();
        objects(d, graph, meeting, role).forEach(p -> out.add(new Person(text(d, graph, p, FOAF.name.asNode()),
                first(d, graph, p, ORG.memberOf.asNode()).map(o -> name(d, graph, o, true)).orElse(null))));
        return out;
    }

    /**
     * An organisation's name: its label in the ontology (its short name, "UNHCR", beside a
     * person's name), else the one its document gave it.
     */
    private String name(DatasetGraph d, Node graph, Node organisation, boolean shortName) {
        if (labels.schemeOf(organisation.getURI()).isPresent()) {
            Resource r = labels.resource(organisation.getURI());
            return shortName ? labels.shortName(r) : labels.label(r);
        }
        String label = text(d, graph, organisation, RDFS.label.asNode());
        return label != null ? label : organisation.getURI();
    }

    private static List<Node> objects(DatasetGraph d, Node graph, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        d.find(graph, s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }

    private static Optional<Node> first(DatasetGraph d, Node graph, Node s, Node p) {
        var it = d.find(graph, s, p, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    }

    private static String text(DatasetGraph d, Node graph, Node s, Node p) {
        return first(d, graph, s, p).filter(Node::isLiteral).map(Node::getLiteralLexicalForm).orElse(null);
    }

    private static int integer(DatasetGraph d, Node graph, Node s, Node p) {
        return first(d, graph, s, p).filter(Node::isLiteral).map(n -> Integer.parseInt(n.getLiteralLexicalForm())).orElse(-1);
    }

    /** "1" < "1.2" < "2" < "10". */
    private static int compareNumbers(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(parse(x[i]), parse(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
