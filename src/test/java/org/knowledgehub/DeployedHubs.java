package org.knowledgehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hubs started in the test JVM as a deployment would start them (a data folder, settings such as a
 * remote store or index, a random loopback port), with NLP and embeddings off, no demo corpus and
 * an admin token: for the tests of remote engines, which need hubs of their own.
 */
public final class DeployedHubs {

    public static final String ADMIN_TOKEN = "deployed-hub-admin-token";

    private DeployedHubs() {
    }

    public static ConfigurableApplicationContext start(Path data, String... settings) {
        List<String> args = new ArrayList<>(List.of("--kh.data-dir=" + data,
                "--server.port=0", "--server.address=127.0.0.1", "--kh.ingest.load-corpus=false", "--kh.nlp.enabled=false",
                "--kh.search.embeddings=false", "--kh.security.admin-token=" + ADMIN_TOKEN, "--spring.main.banner-mode=off"));
        // A setting given replaces the default (Spring would join two values of one name with a comma).
        for (String setting : settings) {
            args.removeIf(a -> a.substring(0, a.indexOf('=') + 1).equals(setting.substring(0, setting.indexOf('=') + 1)));
        }
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(KnowledgeHubApplication.class).run(args.toArray(String[]::new));
    }

    public static Http http(ConfigurableApplicationContext hub) {
        return new Http("http://127.0.0.1:" + ((WebServerApplicationContext) hub).getWebServer().getPort());
    }

    /** A one-sentence field note uploaded at a sensitivity level; its document id. */
    public static String upload(Http admin, String sensitivity, String sentence) {
        String name = sensitivity + "-" + Integer.toHexString(sentence.hashCode()) + ".md";
        Http.Response uploaded = admin.upload("/api/documents", name, ("# Field visit, " + sensitivity + "\n\n" + sentence + "\n")
                .getBytes(StandardCharsets.UTF_8), Map.of("type", "field-note", "sensitivity", sensitivity, "date", "2024-05-01"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().get("id").asString();
    }
}
