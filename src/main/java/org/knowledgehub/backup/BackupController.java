package org.knowledgehub.backup;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/backups}: online backups for admins (the role check is in the security configuration). */
@RestController
@Tag(name = "operations")
class BackupController {

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    @PostMapping("/api/admin/backups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a backup (admin)",
            description = "A consistent online backup (the store in one transaction, the search index as of the same commit, "
                    + "the originals, accounts, the audit trail) into kh.backup.folder; searches carry on meanwhile. Answers the "
                    + "backup's folder and its manifest; the oldest backups beyond kh.backup.keep are removed. Restore with "
                    + "bin/kh restore PATH while the hub is stopped.")
    Backups.Backup create() {
        return backups.create(CurrentCaller.get());
    }

    @GetMapping("/api/admin/backups")
    @Operation(summary = "The backups kept, newest first (admin)")
    List<Backups.Backup> list() {
        return backups.list();
    }
}
