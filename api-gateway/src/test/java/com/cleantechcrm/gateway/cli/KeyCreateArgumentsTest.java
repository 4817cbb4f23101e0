package com.cleantechcrm.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.cleantechcrm.gateway.apikey.ApiScope;
import org.junit.jupiter.api.Test;

class KeyCreateArgumentsTest {

    @Test
    void parsesAllOptions() {
        KeyCreateArguments arguments = KeyCreateArguments.parse(new String[] {
            "key", "create", "--org", " Solar Inc ", "--scopes", "leads:read, leads:write,stats:read", "--name", "sync"
        });

        assertThat(arguments.organizationName()).isEqualTo("Solar Inc");
        assertThat(arguments.scopes()).containsExactly(ApiScope.LEADS_READ, ApiScope.LEADS_WRITE, ApiScope.STATS_READ);
        assertThat(arguments.keyName()).isEqualTo("sync");
    }

    @Test
    void acceptsEqualsFormAndDefaultsName() {
        KeyCreateArguments arguments =
                KeyCreateArguments.parse(new String[] {"key", "create", "--scopes=admin", "--org=Wind Ltd"});

        assertThat(arguments.organizationName()).isEqualTo("Wind Ltd");
        assertThat(arguments.scopes()).containsExactly(ApiScope.ADMIN);
        assertThat(arguments.keyName()).isEqualTo(KeyCreateArguments.DEFAULT_KEY_NAME);
    }

    @Test
    void rejectsUnknownScope() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyCreateArguments.parse(
                        new String[] {"key", "create", "--org", "A", "--scopes", "leads:read,leads:delete"}))
                .withMessageContaining("Unknown scope 'leads:delete'");
    }

    @Test
    void rejectsEmptyScope() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyCreateArguments.parse(
                        new String[] {"key", "create", "--org", "A", "--scopes", "leads:read,"}))
                .withMessageContaining("Unknown scope ''");
    }

    @Test
    void rejectsMissingOptions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyCreateArguments.parse(new String[] {"key", "create", "--scopes", "admin"}))
                .withMessageContaining("--org is required");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyCreateArguments.parse(new String[] {"key", "create", "--org", "A"}))
                .withMessageContaining("--scopes is required");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyCreateArguments.parse(new String[] {"key", "create", "--org"}))
                .withMessageContaining("--org is missing its value");
    }

    @Test
    void rejectsUnknownCommandAndOptions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyCreateArguments.parse(new String[] {"key", "delete"}))
                .withMessageContaining("Unknown command");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyCreateArguments.parse(
                        new String[] {"key", "create", "--org", "A", "--scopes", "admin", "--expires", "1d"}))
                .withMessageContaining("Unknown option '--expires'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyCreateArguments.parse(
                        new String[] {"key", "create", "--org", "A", "--org", "B", "--scopes", "admin"}))
                .withMessageContaining("given twice");
    }

    @Test
    void rejectsBlankOrLongNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        KeyCreateArguments.parse(new String[] {"key", "create", "--org", "  ", "--scopes", "admin"}))
                .withMessageContaining("--org must be 1 to 200 characters");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyCreateArguments.parse(
                        new String[] {"key", "create", "--org", "A", "--scopes", "admin", "--name", "n".repeat(201)}))
                .withMessageContaining("--name must be 1 to 200 characters");
    }
}
