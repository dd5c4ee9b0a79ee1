package org.knowledgehub.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin reads: which web origins (scheme, host, port) may call the query and read APIs from
 * a browser page of their own (a SPARQL editor, a notebook).
 *
 * @param allowedOrigins origins such as {@code https://notebooks.example.org}; {@code *} for any
 */
@ConfigurationProperties("kh.cors")
public record CorsProperties(@DefaultValue("*") List<String> allowedOrigins) {
}
