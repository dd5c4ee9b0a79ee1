package org.knowledgehub.backup;

import java.util.List;
import java.util.Locale;

/**
 * The parts of a backup and where each lives in the data folder. A backup folder mirrors the data
 * folder's layout, except that the store is one gzipped N-Quads file ({@value #STORE_FILE}), loaded
 * into a new TDB2 store on restore.
 */
enum BackupPart {
    /** Every quad of the TDB2 store, read in one transaction. */
    STORE,
    /** The search index as of the same commit as the store. */
    INDEX,
    /** The original files the store's documents refer to. */
    ORIGINALS,
    /** Accounts (with their token and password hashes) and the generated admin token. */
    ACCOUNTS,
    /** The audit trail, one file a month. */
    AUDIT,
    /** The markers saying the demo corpus, indicators, observations and questions were loaded. */
    MARKERS;

    static final String STORE_FILE = "store.nq.gz";
    static final String STORE_FOLDER = "tdb2";
    static final String INDEX_FOLDER = "index";
    static final String ORIGINALS_FOLDER = "originals";
    static final String AUDIT_FOLDER = "audit";
    static final String ACCOUNTS_FILE = "accounts.json";
    static final List<String> ACCOUNT_FILES = List.of(ACCOUNTS_FILE, "admin-token");
    static final String MARKER_SUFFIX = "-loaded";

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
