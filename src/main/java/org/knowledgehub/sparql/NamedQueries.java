package org.knowledgehub.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The named SPARQL queries of {@code queries/}: each {@code .rq} file opens with a comment header
 * ({@code # title:}, {@code # description:}, {@code # param:} lines) followed by the query.
 */
@Component
public class NamedQueries {

    /** @param parameters the {@code # param:} lines: a variable and what to bind it to */
    public record NamedQuery(String name, String title, String description, List<String> parameters, String query) {
    }

    private final List<NamedQuery> queries;

    NamedQueries() throws IOException {
        List<NamedQuery> list = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:queries/*.rq")) {
            try (InputStream in = r.getInputStream()) {
                String name = r.getFilename().replaceFirst("\\.rq$", "");
                list.add(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        list.sort(Comparator.comparing(NamedQuery::name));
        this.queries = List.copyOf(list);
    }

    public List<NamedQuery> all() {
        return queries;
    }

    public Optional<NamedQuery> get(String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    static NamedQuery parse(String name, String text) {
        String title = name;
        StringBuilder description = new StringBuilder();
        List<String> parameters = new ArrayList<>();
        String current = null;
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                break;
            }
            String content = line.substring(1).strip();
            if (content.startsWith("title:")) {
                title = content.substring(6).strip();
                current = "title";
            } else if (content.startsWith("description:")) {
                description.append(content.substring(12).strip());
                current = "description";
            } else if (content.startsWith("param:")) {
                parameters.add(content.substring(6).strip());
                current = "param";
            } else if ("description".equals(current) && !content.isEmpty()) {
                description.append(' ').append(content);
            }
        }
        return new NamedQuery(name, title, description.toString(), List.copyOf(parameters), text);
    }
}
