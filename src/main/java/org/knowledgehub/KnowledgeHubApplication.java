package org.knowledgehub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Knowledge Hub: starts the service, or with {@code ingest PATH...} ingests files into the data
 * folder from the command line and exits.
 */
// No generated default user: accounts are the hub's own (security.AccountStore), the first admin comes from configuration.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class KnowledgeHubApplication {

    /** The version from the jar's manifest, or "dev" when running from classes. */
    public static String version() {
        String v = KnowledgeHubApplication.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("ingest")) {
            var context = new SpringApplicationBuilder(KnowledgeHubApplication.class)
                    .web(WebApplicationType.NONE)
                    // The command prints its own progress; the log keeps only what needs attention.
                    .properties("kh.ingest.load-corpus=false", "spring.main.banner-mode=off",
                            "logging.level.root=warn", "logging.level.org.knowledgehub=warn")
                    .run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(KnowledgeHubApplication.class, args);
    }
}
