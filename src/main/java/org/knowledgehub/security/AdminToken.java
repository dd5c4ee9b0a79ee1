package org.knowledgehub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.knowledgehub.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bearer token that grants the admin role to scripts (uploads, deletes, SPARQL Update). Taken
 * from {@code kh.security.admin-token}, or else generated once and kept in
 * {@code <data>/admin-token}, readable by its owner only. Never a built-in default.
 */
@Component
public class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

    private final byte[] token;

    public AdminToken(HubProperties hub, @Value("${kh.security.admin-token:}") String configured) throws IOException {
        if (!configured.isBlank()) {
            this.token = configured.strip().getBytes(StandardCharsets.UTF_8);
            return;
        }
        Path file = hub.dataDir().resolve("admin-token");
        if (Files.exists(file)) {
            this.token = Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
            return;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OwnerOnlyFiles.write(file, (generated + "\n").getBytes(StandardCharsets.UTF_8));
        this.token = generated.getBytes(StandardCharsets.UTF_8);
        log.info("Generated an admin token in {} (send it as 'Authorization: Bearer <token>')", file.toAbsolutePath());
    }

    /** Constant-time comparison, so response times do not reveal how much of a guess was right. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
