package org.knowledgehub.ingest;

import java.util.Locale;

/** How fast a bulk ingest goes and when it should end: for the command line's lines and the service's log. */
final class IngestRate {

    private final long started = System.nanoTime();

    /** "[12/300]   4%  3.1 docs/s, ETA 1:33" once {@code done} of {@code total} files are through. */
    String after(int done, int total) {
        double perSecond = done / Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        return String.format(Locale.ROOT, "[%d/%d] %3d%%  %.1f docs/s, ETA %s", done, total, done * 100 / Math.max(total, 1), perSecond,
                clock((total - done) / perSecond));
    }

    /** Whether {@code done} files take the run into another tenth of its length (or end it): when the log says how far it is. */
    static boolean newTenth(int done, int total) {
        return done == total || done * 10 / total != (done - 1) * 10 / total;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
