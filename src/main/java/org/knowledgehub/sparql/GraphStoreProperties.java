package org.knowledgehub.sparql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Graph Store Protocol settings.
 *
 * @param maxBody largest graph a PUT or POST may send (413 beyond)
 */
@ConfigurationProperties("kh.graph-store")
public record GraphStoreProperties(@DefaultValue("32MB") DataSize maxBody) {
}
