package org.knowledgehub.ontology;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/** The prefixes used in every serialisation the hub writes and offered to SPARQL users. */
public final class Namespaces {

    private Namespaces() {
    }

    public static PrefixMapping prefixes(String base) {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("kh", KH.NS);
        pm.setNsPrefix("rdf", RDF.getURI());
        pm.setNsPrefix("rdfs", RDFS.getURI());
        pm.setNsPrefix("owl", OWL.getURI());
        pm.setNsPrefix("xsd", XSD.getURI());
        pm.setNsPrefix("skos", SKOS.getURI());
        pm.setNsPrefix("dcterms", DCTerms.getURI());
        pm.setNsPrefix("prov", Prov.NS);
        pm.setNsPrefix("org", ORG.getURI());
        pm.setNsPrefix("foaf", FOAF.getURI());
        pm.setNsPrefix("oa", OA.getURI());
        pm.setNsPrefix("dpv", Dpv.NS);
        pm.setNsPrefix("qb", "http://purl.org/linked-data/cube#");
        pm.setNsPrefix("doc", base + "id/document/");
        pm.setNsPrefix("area", base + "id/area/");
        pm.setNsPrefix("sector", base + "id/sector/");
        pm.setNsPrefix("population", base + "id/population/");
        pm.setNsPrefix("organisation", base + "id/organisation/");
        pm.setNsPrefix("graph", base + "graph/");
        pm.lock();
        return pm;
    }
}
