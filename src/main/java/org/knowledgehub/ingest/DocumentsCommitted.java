package org.knowledgehub.ingest;

import java.util.List;

/** Published after new or replaced documents are committed (store and index), for standing questions. */
public record DocumentsCommitted(List<String> documentIds) {
}
