package org.knowledgehub;

/** The search and graph engines the tests run, each in a process of its own. */
public final class EngineProcess {

    private EngineProcess() {
    }

    /** Stops the engine and waits until its process is gone. */
    public static void stop(Process process) {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
