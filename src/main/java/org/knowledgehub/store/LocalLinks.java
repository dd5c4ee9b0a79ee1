package org.knowledgehub.store;

import org.springframework.stereotype.Component;

/**
 * Where a browser finds an IRI: resources under the hub's base by a local path, so pages work
 * whatever host and port the user reached the hub at; other IRIs as they are.
 */
@Component
public class LocalLinks {

    private final String base;

    LocalLinks(Uris uris) {
        this.base = uris.base();
    }

    public String href(String iri) {
        return iri != null && iri.startsWith(base) ? "/" + iri.substring(base.length()) : iri;
    }
}
