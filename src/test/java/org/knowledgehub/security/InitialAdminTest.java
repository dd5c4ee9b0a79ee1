package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.HubProperties;
import org.knowledgehub.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/** The first admin of a new hub, on an account file of its own: from configuration, or with a generated one-time password. */
class InitialAdminTest extends HubTest {

    @Autowired
    AccountRules rules;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JsonMapper json;

    @TempDir
    Path data;

    private AccountStore store() {
        return new AccountStore(new HubProperties(data, URI.create("http://localhost:8080/")), json);
    }

    private InitialAdmin initialAdmin(AccountStore store, String username, String password) {
        return new InitialAdmin(store, rules, new AccountProperties(new AccountProperties.InitialAdmin(username, password), 12,
                new AccountProperties.Oidc("email", true), null), new HubProperties(data, URI.create("http://localhost:8080/")));
    }

    @Test
    void aNewHubWithoutConfigurationGetsAnAdminWithAGeneratedPassword() throws IOException {
        AccountStore store = store();
        initialAdmin(store, null, null).run(null);
        Path secretFile = data.resolve("initial-admin-password");
        String secret = Files.readString(secretFile).strip();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
        Account admin = store.find(InitialAdmin.GENERATED_USERNAME).orElseThrow();
        assertThat(admin.roles()).isEqualTo(Set.of(Role.ADMIN));
        assertThat(encoder.matches(secret, admin.passwordHash())).isTrue();
        assertThat(Files.readString(store.file())).doesNotContain(secret);

        AccountStore reopened = store();
        initialAdmin(reopened, null, null).run(null);
        assertThat(reopened.all()).hasSize(1);
        assertThat(Files.readString(secretFile).strip()).as("created once, not at every start").isEqualTo(secret);

        initialAdmin(reopened, null, null).retireSecret(new Accounts.PasswordChanged(InitialAdmin.GENERATED_USERNAME));
        assertThat(secretFile).doesNotExist();
    }

    @Test
    void aConfiguredAdminIsCreatedOnceAndNoPasswordIsGenerated() throws IOException {
        AccountStore store = store();
        initialAdmin(store, "Root", "a configured admin password").run(null);
        Account admin = store.find("root").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(encoder.matches("a configured admin password", admin.passwordHash())).isTrue();
        assertThat(data.resolve("initial-admin-password")).doesNotExist();

        store.update("root", a -> a.withPasswordHash(encoder.encode("changed by the admin since")));
        initialAdmin(store, "root", "a configured admin password").run(null);
        assertThat(encoder.matches("changed by the admin since", store.find("root").orElseThrow().passwordHash()))
                .as("an existing account is left as it is").isTrue();
    }

    @Test
    void aWeakOrHalfConfigurationStopsTheStart() {
        assertThatThrownBy(() -> initialAdmin(store(), "root", "short").run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> initialAdmin(store(), "root", null).run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> initialAdmin(store(), null, "a configured admin password").run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both");
        assertThat(store().isEmpty()).isTrue();
    }
}
