package org.knowledgehub.search;

import java.io.IOException;

import org.knowledgehub.HubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The passage index: the embedded Lucene index, or the SolrCloud collection at {@code kh.search.url}. */
@Configuration(proxyBeanMethods = false)
class PassageIndexConfiguration {

    @Bean
    PassageIndex passageIndex(HubProperties hub, SearchProperties search) throws IOException {
        return search.url().isBlank() ? new LucenePassageIndex(hub, search) : SolrPassageIndex.connect(search.url(), search.timeout());
    }
}
