package org.knowledgehub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.knowledgehub.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The first admin account, so that a new hub can be administered without a built-in password:
 * created at start-up from {@code kh.security.initial-admin.username} and {@code .password} if
 * that account does not exist; or, when neither is set and there is no account at all, as
 * {@code admin} with a generated password that is logged once and kept in
 * {@code <data>/initial-admin-password} (owner-only) until the admin changes it.
 */
@Component
@ConditionalOnWebApplication
class InitialAdmin implements ApplicationRunner {

    static final String GENERATED_USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final AccountStore store;
    private final AccountRules rules;
    private final AccountProperties.InitialAdmin configured;
    private final Path secretFile;

    InitialAdmin(AccountStore store, AccountRules rules, AccountProperties properties, HubProperties hub) {
        this.store = store;
        this.rules = rules;
        this.configured = properties.initialAdmin();
        this.secretFile = hub.dataDir().resolve("initial-admin-password");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        boolean hasUsername = configured.username() != null && !configured.username().isBlank();
        boolean hasPassword = configured.password() != null && !configured.password().isEmpty();
        if (hasUsername != hasPassword) {
            throw new IllegalStateException("Set both kh.security.initial-admin.username and kh.security.initial-admin.password, or neither");
        }
        if (hasUsername) {
            createConfigured();
        } else if (store.isEmpty()) {
            createGenerated();
        }
    }

    private void createConfigured() {
        try {
            String username = rules.username(configured.username());
            if (store.find(username).isEmpty()) {
                store.add(admin(username, rules.passwordHash(configured.password(), username)));
                log.info("Created the admin account {} from kh.security.initial-admin", username);
            }
        } catch (ErrorResponseException e) {
            throw new IllegalStateException("kh.security.initial-admin is not usable: " + e.getBody().getDetail(), e);
        }
    }

    private void createGenerated() throws IOException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (!store.add(admin(GENERATED_USERNAME, rules.passwordHash(password, GENERATED_USERNAME)))) {
            return; // another replica sharing the store made it first, and logged its password
        }
        OwnerOnlyFiles.write(secretFile, (password + "\n").getBytes(StandardCharsets.UTF_8));
        log.warn("Created the first admin account '{}' with the one-time password {} (also in {}). Sign in and change it "
                + "(PUT /api/me/password); the file is deleted when you do.", GENERATED_USERNAME, password, secretFile.toAbsolutePath());
    }

    @EventListener
    void retireSecret(Accounts.PasswordChanged event) throws IOException {
        if (event.username().equals(GENERATED_USERNAME) && Files.deleteIfExists(secretFile)) {
            log.info("The admin changed the generated password; deleted {}", secretFile);
        }
    }

    private static Account admin(String username, String hash) {
        return new Account(username, username, null, Set.of(Role.ADMIN), Set.of(), hash, null, true, Instant.now(), List.of());
    }
}
