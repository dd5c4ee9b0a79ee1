package org.knowledgehub.observations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.knowledgehub.ontology.Dpv;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Ontology;
import org.apache.jena.vocabulary.DCTerms;
import org.springframework.stereotype.Component;

/**
 * The SHACL shapes of {@code ontology/observation-shapes.ttl}: the one definition of a valid
 * observation, applied to every submission and bulk-import row, and served to other tools.
 */
@Component
public class ObservationShapes {

    static final String RESOURCE = "/ontology/observation-shapes.ttl";

    /** The submission field each property of the shapes stands for. */
    private static final Map<Node, String> FIELDS = Map.ofEntries(
            Map.entry(KH.extractedText.asNode(), "text"),
            Map.entry(KH.observedFrom.asNode(), "observedFrom"),
            Map.entry(KH.observedTo.asNode(), "observedTo"),
            Map.entry(KH.aboutArea.asNode(), "area"),
            Map.entry(KH.locality.asNode(), "locality"),
            Map.entry(KH.aboutSector.asNode(), "sectors"),
            Map.entry(KH.aboutPopulation.asNode(), "population"),
            Map.entry(KH.method.asNode(), "method"),
            Map.entry(DCTerms.publisher.asNode(), "organisation"),
            Map.entry(KH.sensitivity.asNode(), "sensitivity"),
            Map.entry(KH.answers.asNode(), "question"),
            Map.entry(KH.consent.asNode(), "consent"),
            Map.entry(KH.collectedFromPeople.asNode(), "consent.collectedFromPeople"),
            Map.entry(Dpv.hasConsentStatus.asNode(), "consent.informedConsent"),
            Map.entry(Dpv.hasPurpose.asNode(), "consent.purpose"),
            Map.entry(KH.containsPersonalData.asNode(), "consent.personalData"));

    private final byte[] turtle;
    private final Shapes shapes;
    private final Graph ontology;

    ObservationShapes(Ontology ontology) {
        try (InputStream in = ObservationShapes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            this.turtle = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(turtle, StandardCharsets.UTF_8), Lang.TURTLE).parse(g);
        this.shapes = Shapes.parse(g);
        this.ontology = ontology.graph();
    }

    /** The shapes as Turtle, exactly as kept in {@code ontology/}. */
    public byte[] turtle() {
        return turtle.clone();
    }

    /**
     * Validates an observation's description (read together with the ontology, where areas,
     * sectors and methods are defined); no violations means it conforms.
     */
    List<Violation> validate(Graph description) {
        ValidationReport report = ShaclValidator.get().validate(shapes, new Union(description, ontology));
        List<Violation> out = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            Node property = e.resultPath() instanceof P_Link link ? link.getNode() : null;
            String field = property == null ? fieldOfFocus(e.focusNode()) : FIELDS.getOrDefault(property, property.getURI());
            out.add(new Violation(field, e.value() == null ? null : display(e.value()), e.message()));
        }
        out.sort(Comparator.comparing(Violation::field));
        return out.stream().distinct().toList();
    }

    /** A constraint on the node itself: the consent record as a whole, or the observation. */
    private static String fieldOfFocus(Node focus) {
        return focus.isURI() && focus.getURI().endsWith("/consent") ? "consent" : "observation";
    }

    /** A value as the contributor wrote it: a literal's text, or the code at the end of an IRI. */
    private static String display(Node value) {
        if (value.isLiteral()) {
            return value.getLiteralLexicalForm();
        }
        String iri = value.isURI() ? value.getURI() : value.toString();
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }
}
