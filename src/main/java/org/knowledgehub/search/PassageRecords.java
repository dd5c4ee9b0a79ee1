package org.knowledgehub.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.ontology.Sensitivity;

/**
 * Derives a document's index records from its graph. The graph is the source of truth: ingest and
 * start-up repair both index exactly what this reads, so the index can always be rebuilt from it.
 */
public final class PassageRecords {

    private PassageRecords() {
    }

    public static List<IndexedPassage> fromGraph(Model graph, String documentId, String documentUri, String graphUri,
                                                 ConceptLabels labels) {
        Resource doc = graph.getResource(documentUri);
        String base = documentUri.substring(0, documentUri.indexOf("id/document/"));
        String title = string(doc, DCTerms.title).orElse(documentId);
        String type = doc.listProperties(RDF.type).toList().stream()
                .map(st -> DocumentType.fromClass(st.getObject().asResource().getURI()))
                .flatMap(Optional::stream).findFirst().orElse(DocumentType.OTHER).code();
        LocalDate date = string(doc, DCTerms.date).map(LocalDate::parse).orElse(null);
        String sensitivity = Optional.ofNullable(doc.getPropertyResourceValue(KH.sensitivity))
                .flatMap(r -> Sensitivity.fromConcept(r.getURI())).orElse(Sensitivity.CONFIDENTIAL).code();
        String stamp = string(doc, KH.indexStamp).orElse("");
        List<String> publishers = new ArrayList<>();
        doc.listProperties(DCTerms.publisher).forEach(st -> addOnce(publishers, organisationName(st.getResource(), labels)));
        List<Integer> documentYears = documentYears(title, string(doc, KH.sourceName).orElse(""), date);
        List<Resource> passages = graph.listSubjectsWithProperty(RDF.type, KH.Passage).toList();
        // What each passage and each section mentions, read once: a section is shared by its passages.
        Map<Resource, Entities> mentioned = new HashMap<>();
        for (Resource p : passages) {
            mentioned.put(p, mentionedBy(p, labels, base));
        }
        List<String> documentPopulations = mainly(passages, mentioned, e -> e.populations);
        List<String> documentAreas = mainly(passages, mentioned, e -> e.areas);
        Map<Resource, Entities> sections = new HashMap<>();
        String documentLanguage = string(doc, DCTerms.language).orElse("en");
        List<IndexedPassage> out = new ArrayList<>();
        passages.forEach(p -> {
            Resource section = p.getPropertyResourceValue(KH.inSection);
            Entities e = mentioned.get(p);
            for (Resource s = section; s != null && s.hasProperty(RDF.type, KH.Section); s = s.getPropertyResourceValue(DCTerms.isPartOf)) {
                e.add(sections.computeIfAbsent(s, r -> mentionedBy(r, labels, base)));
            }
            List<String> organisations = new ArrayList<>(publishers);
            e.organisations.forEach(o -> addOnce(organisations, o));
            List<Integer> years = e.years.isEmpty() ? documentYears : new ArrayList<>(e.years);
            out.add(new IndexedPassage(p.getURI(), documentId, documentUri, graphUri, stamp,
                    integer(p, KH.order), string(p, KH.text).orElse(""), integer(p, KH.startOffset), integer(p, KH.endOffset),
                    section == null ? null : section.getURI(),
                    section == null ? null : string(section, DCTerms.title).orElse(null),
                    title, type, date, organisations, sensitivity, new ArrayList<>(e.areas), new ArrayList<>(e.sectors),
                    new ArrayList<>(e.populations), new ArrayList<>(e.indicators), years, e.personalData,
                    p.hasProperty(RDF.type, KH.TableContent), documentYears, documentPopulations, documentAreas,
                    string(p, DCTerms.language).orElse(documentLanguage), null));
        });
        out.sort(Comparator.comparingInt(IndexedPassage::number));
        return out;
    }

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19[5-9]\\d|20\\d\\d)(?!\\d)");

    /**
     * The years a document is about: those its title or file name names (a report's edition, the
     * year of a meeting's minutes), else its date's year, else none.
     */
    static List<Integer> documentYears(String title, String sourceName, LocalDate date) {
        Set<Integer> years = new TreeSet<>();
        for (String s : List.of(title, sourceName)) {
            Matcher m = YEAR.matcher(s);
            while (m.find()) {
                years.add(Integer.parseInt(m.group(1)));
            }
        }
        if (years.isEmpty() && date != null) {
            years.add(date.getYear());
        }
        return List.copyOf(years);
    }

    /**
     * The population groups (or areas) a document is mainly about: of the passages that name one, at
     * least half name it (a VASyR report names Syrian refugees throughout, Lebanese host communities
     * now and then; a field note on Akkar names Akkar).
     */
    private static List<String> mainly(List<Resource> passages, Map<Resource, Entities> mentioned,
                                       java.util.function.Function<Entities, Set<String>> kind) {
        Map<String, Integer> counts = new TreeMap<>();
        int naming = 0;
        for (Resource p : passages) {
            Entities e = mentioned.get(p);
            if (!kind.apply(e).isEmpty()) {
                naming++;
                kind.apply(e).forEach(g -> counts.merge(g, 1, Integer::sum));
            }
        }
        int enough = naming;
        return counts.entrySet().stream().filter(c -> c.getValue() * 2 >= enough).map(Map.Entry::getKey).toList();
    }

    /** What a passage and the headings above it mention. */
    private static final class Entities {
        final Set<String> areas = new LinkedHashSet<>();
        final Set<String> sectors = new LinkedHashSet<>();
        final Set<String> populations = new LinkedHashSet<>();
        final Set<String> indicators = new LinkedHashSet<>();
        final Set<String> organisations = new LinkedHashSet<>();
        final Set<Integer> years = new TreeSet<>();
        boolean personalData;

        void add(Entities other) {
            areas.addAll(other.areas);
            sectors.addAll(other.sectors);
            populations.addAll(other.populations);
            indicators.addAll(other.indicators);
            organisations.addAll(other.organisations);
            years.addAll(other.years);
            personalData |= other.personalData;
        }
    }

    private static Entities mentionedBy(Resource r, ConceptLabels labels, String base) {
        Entities e = new Entities();
        for (Statement st : r.listProperties(KH.mentions).toList()) {
            Resource target = st.getResource();
            Optional<String> scheme = labels.schemeOf(target.getURI());
            if (scheme.isEmpty()) {
                // An organisation the graph itself names: an uploader's unknown publisher, or one accepted from the proposals.
                if (target.hasProperty(RDF.type, ORG.Organization)) {
                    e.organisations.add(organisationName(target, labels));
                }
                continue;
            }
            String code = labels.code(target.getURI());
            String s = scheme.get();
            if (s.equals(Schemes.areas(base))) {
                e.areas.add(code);
                // A locality counts for its district and governorate; the country is not a roll-up target.
                addAncestors(target.getURI(), e.areas, labels);
            } else if (s.equals(Schemes.sectors(base))) {
                e.sectors.add(code);
            } else if (s.equals(Schemes.populations(base))) {
                e.populations.add(code);
            } else if (s.equals(Schemes.indicators(base))) {
                e.indicators.add(code);
            } else if (s.equals(Schemes.organisations(base))) {
                e.organisations.add(labels.shortName(target));
            }
        }
        r.listProperties(KH.mentionsYear).forEach(st -> {
            try {
                e.years.add(Integer.parseInt(st.getLiteral().getLexicalForm().substring(0, 4)));
            } catch (RuntimeException ignored) {
                // not a year the hub wrote
            }
        });
        if (r.hasLiteral(KH.containsPersonalData, true)) {
            e.personalData = true;
        }
        return e;
    }

    private static void addAncestors(String area, Set<String> areas, ConceptLabels labels) {
        for (String parent : labels.broader(area)) {
            String parentCode = labels.code(parent);
            if (!parentCode.equals("LB") && areas.add(parentCode)) {
                addAncestors(parent, areas, labels);
            }
        }
    }

    private static String organisationName(Resource org, ConceptLabels labels) {
        return string(org, RDFS.label).orElseGet(() -> labels.shortName(org));
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static Optional<String> string(Resource r, Property p) {
        Statement st = r.getProperty(p);
        if (st == null) {
            return Optional.empty();
        }
        RDFNode o = st.getObject();
        return Optional.of(o.isLiteral() ? o.asLiteral().getLexicalForm() : o.toString());
    }

    private static int integer(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st == null ? 0 : st.getLiteral().getInt();
    }
}
