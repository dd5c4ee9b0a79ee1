package org.knowledgehub.ontology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.knowledgehub.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The ontology, SKOS schemes and shapes of {@code ontology/}, read once at start-up. Relative
 * IRIs in the files resolve against the hub's base, so vocabulary resources dereference like
 * every other resource.
 */
@Component
public class Ontology {

    private static final Logger log = LoggerFactory.getLogger(Ontology.class);

    private final Model model;
    private final String fingerprint;

    public Ontology(HubProperties hub, @Value("${kh.ontology-dir:}") String ontologyDir) throws IOException {
        List<Source> sources = ontologyDir.isBlank() ? classpathSources() : folderSources(Path.of(ontologyDir));
        Model m = ModelFactory.createDefaultModel();
        MessageDigest digest = sha256();
        for (Source source : sources) {
            digest.update(source.name().getBytes(StandardCharsets.UTF_8));
            digest.update(source.bytes());
            try {
                RDFParser.fromString(new String(source.bytes(), StandardCharsets.UTF_8), Lang.TURTLE)
                        .base(hub.base())
                        .parse(m);
            } catch (RiotException e) {
                throw new IllegalStateException("ontology file " + source.name() + " is not valid Turtle: " + e.getMessage(), e);
            }
        }
        m.setNsPrefixes(Namespaces.prefixes(hub.base()));
        this.model = m;
        this.fingerprint = HexFormat.of().formatHex(digest.digest());
        log.info("Ontology loaded: {} files, {} triples ({})", sources.size(), m.size(),
                ontologyDir.isBlank() ? "built in" : ontologyDir);
    }

    /** The whole ontology; callers must not modify it. */
    public Model model() {
        return model;
    }

    public Graph graph() {
        return model.getGraph();
    }

    /** Changes whenever any ontology file changes. */
    public String fingerprint() {
        return fingerprint;
    }

    private record Source(String name, byte[] bytes) {
    }

    private static List<Source> classpathSources() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:ontology/*.ttl");
        List<Source> sources = new ArrayList<>();
        for (Resource r : found) {
            try (InputStream in = r.getInputStream()) {
                sources.add(new Source(r.getFilename(), in.readAllBytes()));
            }
        }
        sources.sort(Comparator.comparing(Source::name));
        if (sources.isEmpty()) {
            throw new IllegalStateException("no ontology/*.ttl on the classpath");
        }
        return sources;
    }

    private static List<Source> folderSources(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Source> sources = new ArrayList<>();
            for (Path p : files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                sources.add(new Source(p.getFileName().toString(), Files.readAllBytes(p)));
            }
            return sources;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
