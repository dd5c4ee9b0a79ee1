package org.knowledgehub.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowledgehub.HubProperties;

/** The vocabularies in {@code ontology/} are complete and resolve the names real documents use. */
class OntologyTest {

    static final String BASE = "http://localhost:8080/";
    static Ontology ontology;
    static ConceptLabels labels;
    static OrganisationDirectory organisations;

    @BeforeAll
    static void load() throws Exception {
        HubProperties hub = new HubProperties(Path.of("target/unused"), URI.create(BASE));
        ontology = new Ontology(hub, "");
        labels = new ConceptLabels(ontology);
        organisations = new OrganisationDirectory(labels, hub);
    }

    @Test
    void everyAreaOfLebanonWithItsPcodeAndParent() {
        var m = ontology.model();
        assertThat(m.listSubjectsWithProperty(RDF.type, KH_Governorate()).toList()).hasSize(8);
        List<Resource> districts = m.listSubjectsWithProperty(RDF.type, m.createResource(KH.NS + "District")).toList();
        assertThat(districts).hasSize(26);
        for (Resource d : districts) {
            String pcode = d.getProperty(KH.pcode).getString();
            Resource parent = d.getPropertyResourceValue(SKOS.broader);
            assertThat(pcode).matches("LB\\d{2}");
            assertThat(parent.getProperty(KH.pcode).getString()).as(pcode).isEqualTo(expectedGovernorate(pcode));
        }
    }

    @Test
    void spellingVariantsResolveToTheirPcode() {
        Map<String, String> variants = Map.ofEntries(
                Map.entry("Zahleh", "LB25"), Map.entry("Zahlé", "LB25"), Map.entry("Sidon", "LB61"), Map.entry("Saida", "LB61"),
                Map.entry("Tyre", "LB63"), Map.entry("Sour", "LB63"), Map.entry("Baalbek-Hermel", "LB8"),
                Map.entry("Baalbek-El Hermel", "LB8"), Map.entry("Nabatiyeh", "LB4"), Map.entry("Minieh-Danniyeh", "LB55"),
                Map.entry("El Minieh-Dennie", "LB55"), Map.entry("Kesrouan", "LB35"), Map.entry("Kesrwane", "LB35"),
                Map.entry("El Meten", "LB36"), Map.entry("Bekaa", "LB2"), Map.entry("North", "LB5"), Map.entry("South", "LB6"),
                Map.entry("زحلة", "LB25"));
        variants.forEach((name, pcode) -> {
            List<Resource> found = labels.lookup(Schemes.areas(BASE), name);
            assertThat(found.stream().map(r -> r.getURI().substring(r.getURI().lastIndexOf('/') + 1)))
                    .as(name).contains(pcode);
        });
        assertThat(labels.lookup(Schemes.areas(BASE), "Damascus")).isEmpty();
        assertThat(labels.lookup(Schemes.areas(BASE), "Amman")).isEmpty();
    }

    @Test
    void theAgenciesOfTheRealImwgMinutesAllResolve() {
        List<String> names = List.of("CAS", "ABAAD", "B.O.T", "CAMEALEON", "Care International Lebanon", "CARITAS Lebanon",
                "Dorcas", "DRC", "Habitat for Humanity HFH", "HI", "ICMP", "IFRC", "LPC", "MEDAIR", "NRC", "OCHA", "PU-AMI",
                "Relief International", "Solidarites International", "TDH-L", "UNDP", "UNHabitat", "UNHCR", "UNICEF",
                "WAR Child", "WFP");
        assertThat(names).hasSize(26);
        for (String name : names) {
            assertThat(organisations.resolve(name)).as(name).isPresent();
        }
        assertThat(organisations.resolve("World Food Programme")).isEqualTo(organisations.resolve("WFP"))
                .isEqualTo(organisations.resolve("PAM"));
        assertThat(organisations.resolve("Norwegian Refugee Council")).isEqualTo(organisations.resolve("NRC"));
        assertThat(organisations.resolve("WFP VAM")).as("a unit after the acronym").isEqualTo(organisations.resolve("WFP"));
        assertThat(organisations.resolve("Nabaa Zahle Youth Network")).isEmpty();
        assertThat(organisations.resolve("Ministry of Agriculture (MoA)")).isEqualTo(organisations.resolve("MoA")).isPresent();
        assertThat(organisations.resolve("WFP, UNHCR and UNICEF")).as("a list is not one organisation").isEmpty();
        assertThat(organisations.shortName(organisations.resolve("UNHCR").orElseThrow())).isEqualTo("UNHCR");
    }

    @Test
    void theTenSectorsAndFivePopulationGroups() {
        var m = ontology.model();
        assertThat(m.listSubjectsWithProperty(SKOS.inScheme, m.createResource(Schemes.sectors(BASE))).toList()).hasSize(10);
        assertThat(m.listSubjectsWithProperty(SKOS.inScheme, m.createResource(Schemes.populations(BASE))).toList()).hasSize(5);
        assertThat(labels.lookup(Schemes.sectors(BASE), "water, sanitation and hygiene")).hasSize(1);
    }

    /** OCHA's district codes start with their governorate's digit, except the two governorates created in 2014. */
    private static String expectedGovernorate(String district) {
        return switch (district) {
            case "LB21", "LB22" -> "LB8";
            case "LB51" -> "LB7";
            default -> "LB" + district.charAt(2);
        };
    }

    private static Resource KH_Governorate() {
        return ontology.model().createResource(KH.NS + "Governorate");
    }

    @Test
    void everyLocalityIsUnderADistrictWithItsCodeAndNamesInThreeLanguages() {
        var m = ontology.model();
        List<Resource> localities = m.listSubjectsWithProperty(RDF.type, m.createResource(KH.NS + "Locality")).toList();
        assertThat(localities).hasSizeGreaterThanOrEqualTo(80);
        for (Resource l : localities) {
            String code = l.getProperty(SKOS.notation).getString();
            assertThat(l.getURI()).isEqualTo(BASE + "id/area/" + code);
            assertThat(l.getPropertyResourceValue(SKOS.inScheme).getURI()).isEqualTo(Schemes.areas(BASE));
            // Up the skos:broader chain: the district whose P-code starts the locality's code.
            Resource district = l;
            while (!district.hasProperty(RDF.type, m.createResource(KH.NS + "District"))) {
                district = district.getPropertyResourceValue(SKOS.broader);
                assertThat(district).as(code).isNotNull();
            }
            assertThat(code).startsWith(district.getProperty(KH.pcode).getString() + "-");
            int level = l.getProperty(KH.adminLevel).getInt();
            assertThat(level).as(code).isIn(3, 4);
            for (String lang : List.of("en", "fr", "ar")) {
                assertThat(l.listProperties(SKOS.prefLabel).toList()).as(code + " @" + lang)
                        .filteredOn(st -> st.getLanguage().equals(lang)).hasSize(1);
            }
            if (l.hasProperty(Geo.lat)) {
                assertThat(l.getProperty(Geo.lat).getDouble()).as(code).isBetween(33.0, 34.7);
                assertThat(l.getProperty(Geo.lon).getDouble()).as(code).isBetween(35.0, 36.7);
            }
        }
        // A town named like its district: the bare name is the district's, the qualified one the town's.
        assertThat(labels.lookup(Schemes.areas(BASE), "Zahle")).filteredOn(r -> r.hasLiteral(KH.preferredForSharedName, true))
                .extracting(Resource::getURI).containsExactly(BASE + "id/area/LB25");
        assertThat(labels.lookup(Schemes.areas(BASE), "town of Zahle")).extracting(Resource::getURI)
                .containsExactly(BASE + "id/area/LB25-zahle");
    }
}
