package org.knowledgehub.ingest;

/** Told where the ingest of one document has got to, for its status resource. */
interface IngestProgress {

    IngestProgress NONE = new IngestProgress() {
        @Override
        public void stage(String name) {
        }

        @Override
        public void annotated(int percent) {
        }
    };

    /** A named stage of the pipeline starts. */
    void stage(String name);

    /** The annotate stage has tagged this share (0 to 100) of the text. */
    void annotated(int percent);
}
