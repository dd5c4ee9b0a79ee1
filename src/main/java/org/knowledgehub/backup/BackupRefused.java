package org.knowledgehub.backup;

/** A backup that cannot be restored, or a data folder it cannot be restored into; {@link #part()} names which. */
public class BackupRefused extends RuntimeException {

    private final String part;

    BackupRefused(String part, String message) {
        super(message);
        this.part = part;
    }

    /** The part of the backup at fault ({@code store}, {@code index}, ..., {@code manifest}), or {@code target}. */
    public String part() {
        return part;
    }
}
