package org.knowledgehub;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every feature shares: where data lives and the base of every IRI the hub mints.
 *
 * @param dataDir folder of the embedded store (TDB2 database, search index, original files)
 * @param baseUri base of the stable HTTP IRIs of documents, sections, passages and
 *                vocabulary resources; set it once, before the first ingest, to the URL users reach
 */
@ConfigurationProperties("kh")
public record HubProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("http://localhost:8080/") URI baseUri) {

    public HubProperties {
        String base = baseUri.toString();
        if (!base.endsWith("/")) {
            baseUri = URI.create(base + "/");
        }
        if (!baseUri.isAbsolute()) {
            throw new IllegalArgumentException("kh.base-uri must be an absolute URI, got " + baseUri);
        }
    }

    public String base() {
        return baseUri.toString();
    }
}
