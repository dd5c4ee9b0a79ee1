package org.knowledgehub.backup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where online backups go and how many are kept.
 *
 * @param folder the folder backups are written into, one folder each (default: beside the data
 *               folder, named after it with {@code -backups})
 * @param keep   how many backups to keep: after a successful backup the oldest beyond this are removed
 */
@ConfigurationProperties("kh.backup")
public record BackupProperties(Path folder, @DefaultValue("7") int keep) {

    public BackupProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("kh.backup.keep must be at least 1, got " + keep);
        }
    }
}
