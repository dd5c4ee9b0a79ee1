package org.knowledgehub.store;

import java.util.Set;

import org.apache.jena.graph.Node;
import org.knowledgehub.ontology.Sensitivity;

/**
 * What the access decision needs to know about one named graph.
 *
 * @param graph             the graph's name
 * @param documentId        the document it holds, or null for a system graph (the ontology)
 * @param sensitivity       its sensitivity level
 * @param owner             IRI of the owning organisation, or null
 * @param sharedWith        IRIs of organisations a sharing rule widens it to (or, for a
 *                          restricted graph, limits it to)
 * @param sharedWithSectors IRIs of sectors whose members a restricted graph is limited to
 * @param governedBy        a document graph whose access this graph follows (statements a question
 *                          makes about that document's passages), else null
 */
public record GraphAccess(Node graph, String documentId, Sensitivity sensitivity, String owner, Set<String> sharedWith,
                          Set<String> sharedWithSectors, Node governedBy) {

    public GraphAccess {
        sharedWith = Set.copyOf(sharedWith);
        sharedWithSectors = Set.copyOf(sharedWithSectors);
    }

    public static GraphAccess system(Node graph) {
        return new GraphAccess(graph, null, Sensitivity.PUBLIC, null, Set.of(), Set.of(), null);
    }

    /**
     * A document's personal graph: its owner's members (and admins) alone, whatever the document's
     * level or sharing; without an owner, admins only. Confidential, owned and shared with no one
     * is exactly that rule.
     */
    public static GraphAccess personal(Node graph, String owner) {
        return new GraphAccess(graph, null, Sensitivity.CONFIDENTIAL, owner, Set.of(), Set.of(), null);
    }

    /** A graph readable exactly by those who may read {@code documentGraph}, whatever it becomes. */
    public static GraphAccess governed(Node graph, Node documentGraph) {
        return new GraphAccess(graph, null, Sensitivity.CONFIDENTIAL, null, Set.of(), Set.of(), documentGraph);
    }
}
