package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.search.IndexedPassage;
import org.knowledgehub.search.PassageEmbeddings;
import org.knowledgehub.search.PassageRecords;
import org.knowledgehub.search.PassageVectors;
import org.knowledgehub.search.TextAnalysis;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Originals;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings the search index and the original files in line with the store before the hub serves
 * anything: after an unclean stop, the index may lack the last commit or hold a document the store
 * does not. The store is the source of truth; the index is rebuilt from it where they differ.
 */
@Component
class IndexRepair implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexRepair.class);

    private final KnowledgeStore store;
    private final PassageIndex index;
    private final Originals originals;
    private final DocumentRecords records;
    private final Uris uris;
    private final ConceptLabels labels;
    private final PassageEmbeddings embeddings;
    private final PassageVectors vectors;

    IndexRepair(KnowledgeStore store, PassageIndex index, Originals originals, DocumentRecords records, Uris uris,
                ConceptLabels labels, PassageEmbeddings embeddings, PassageVectors vectors) {
        this.vectors = vectors;
        this.store = store;
        this.index = index;
        this.originals = originals;
        this.records = records;
        this.uris = uris;
        this.labels = labels;
        this.embeddings = embeddings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        repair();
    }

    /** @return how many documents were re-indexed and how many index entries were removed */
    RepairReport repair() {
        Map<String, String> inStore = records.stamps();
        Map<String, String> inIndex = index.stamps();
        List<String> stale = new ArrayList<>();
        inStore.forEach((id, stamp) -> {
            if (!stamp.equals(inIndex.get(id))) {
                stale.add(id);
            }
        });
        List<String> orphans = inIndex.keySet().stream().filter(id -> !inStore.containsKey(id)).sorted().toList();
        String model = embeddings.vectorsOf();
        Optional<String> indexVectors = index.vectorsOf();
        boolean otherVectors = !indexVectors.equals(Optional.of(model));
        if (otherVectors) {
            // Vectors of another model cannot be compared with this one's: every passage is indexed again
            // without, and embedded again in the background.
            if (index.count() > 0) {
                log.warn("The search index's vectors were made by {}; embedding all {} documents again with {}",
                        indexVectors.orElse("an earlier model"), inStore.size(), model);
                stale.clear();
                stale.addAll(inStore.keySet());
            }
            index.recordVectorsOf(model);
        }
        boolean otherAnalysis = !index.analysisOf().equals(Optional.of(TextAnalysis.VERSION));
        if (otherAnalysis) {
            // Terms of another analysis would not match the queries' terms: every document is indexed again.
            if (index.count() > 0) {
                log.warn("The search index's words were analysed by {}; indexing all {} documents again with {}",
                        index.analysisOf().orElse("the English-only analysis"), inStore.size(), TextAnalysis.VERSION);
                stale.clear();
                stale.addAll(inStore.keySet());
            }
            index.recordAnalysis();
        }
        if (!stale.isEmpty() || !orphans.isEmpty() || otherVectors || otherAnalysis) {
            reindex(stale, orphans);
        }
        if (embeddings.enabled() && !otherVectors) {
            // Vectors still to be made when the hub last stopped.
            List<String> unembedded = index.documentsWithoutVectors().stream().filter(id -> !stale.contains(id)).toList();
            vectors.embedLater(unembedded.stream().map(this::passagesFromGraph).toList());
        }
        if (vectors.pending() > 0) {
            log.info("Embedding {} passages in the background; until then they are found by their words", vectors.pending());
        }
        if (!stale.isEmpty() || !orphans.isEmpty()) {
            log.warn("Search index repaired: {} documents re-indexed {}, {} removed {}", stale.size(), abbreviate(stale),
                    orphans.size(), abbreviate(orphans));
        }
        int removedFiles = removeUnreferencedOriginals();
        if (removedFiles > 0) {
            log.warn("Removed {} original files no document refers to (left by an interrupted ingest)", removedFiles);
        }
        log.info("Store and search index agree: {} documents, {} passages", inStore.size(), index.count());
        return new RepairReport(stale.size(), orphans.size(), removedFiles);
    }

    record RepairReport(int reindexed, int removedFromIndex, int removedFiles) {
    }

    /**
     * Makes the index hold exactly what the store's graphs say for these documents: entries of
     * {@code fromGraphs} are rebuilt from their graphs (their vectors follow in the background),
     * entries of {@code removed} are dropped. Callers serialise this with other writes to the store.
     */
    void reindex(List<String> fromGraphs, List<String> removed) {
        List<List<IndexedPassage>> rebuilt = new ArrayList<>();
        index.writeLock().lock();
        try {
            for (String id : fromGraphs) {
                List<IndexedPassage> passages = passagesFromGraph(id);
                index.stageReplace(id, passages);
                rebuilt.add(passages);
            }
            removed.forEach(index::stageDelete);
            index.prepareCommit();
            index.commit();
        } catch (RuntimeException e) {
            index.rollback();
            throw new IllegalStateException("updating the search index from the store failed", e);
        } finally {
            index.writeLock().unlock();
        }
        vectors.embedLater(rebuilt);
    }

    private List<IndexedPassage> passagesFromGraph(String id) {
        Model graph = ModelFactory.createModelForGraph(store.copyOf(uris.documentGraph(id)));
        return PassageRecords.fromGraph(graph, id, uris.document(id), uris.documentGraph(id).getURI(), labels);
    }

    private int removeUnreferencedOriginals() {
        Set<String> referenced = new HashSet<>();
        records.stamps().keySet().forEach(id -> records.hashOf(id).ifPresent(referenced::add));
        int removed = 0;
        for (String hash : originals.hashes()) {
            if (!referenced.contains(hash)) {
                originals.delete(hash);
                removed++;
            }
        }
        for (String hash : referenced) {
            if (!originals.exists(hash)) {
                log.error("The original file {} is missing from the data folder; its document can be searched but "
                        + "its original cannot be served", hash);
            }
        }
        return removed;
    }

    private static String abbreviate(List<String> ids) {
        return ids.size() <= 10 ? ids.toString() : ids.subList(0, 10) + " and " + (ids.size() - 10) + " more";
    }
}
