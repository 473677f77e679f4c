package com.capitalledger.api.security;

import com.capitalledger.api.config.Misconfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserDirectoryTest {

    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("a long passphrase");

    private static LedgerSecurityProperties.User user(String name, String password, Role... roles) {
        return new LedgerSecurityProperties.User(name, password, List.of(roles), null);
    }

    @Test
    void aConfiguredUserKeepsItsHashAndRoles() {
        UserDirectory directory = UserDirectory.configured(List.of(user("treasury-system", HASH, Role.TREASURY),
                user("auditor", HASH, Role.COMPLIANCE, Role.ANALYST)));

        assertThat(directory.users()).hasSize(2);
        assertThat(directory.users().get(0).getPassword()).isEqualTo(HASH);
        assertThat(directory.users().get(1).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_COMPLIANCE", "ROLE_ANALYST");
        assertThat(directory.demoPassword(Role.TREASURY)).isEmpty();
    }

    @Test
    void theHighestCostIsReadFromTheHashes() {
        String cost12 = "{bcrypt}$2a$12$" + "a".repeat(53);
        String cost05 = "{bcrypt}$2$05$" + "b".repeat(53);

        assertThat(UserDirectory.configured(List.of(user("a", cost05, Role.ADMIN), user("b", cost12, Role.ANALYST)))
                .highestCost()).isEqualTo(12);
        assertThat(UserDirectory.configured(List.of(user("a", HASH, Role.ADMIN))).highestCost()).isEqualTo(4);
        assertThat(UserDirectory.none().highestCost()).isEqualTo(10);
    }

    @Test
    void aPasswordThatIsNotABcryptHashStopsTheServiceNamingTheProperty() {
        for (String password : List.of("secret", "{noop}secret", "{sha256}abc", "{bcrypt}secret",
                "$2a$10$" + "a".repeat(53), "{bcrypt}$2a$10$tooShort")) {
            assertThatThrownBy(() -> UserDirectory.configured(List.of(user("ok", HASH, Role.ADMIN),
                    user("clear", password, Role.TREASURY))))
                    .as(password).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ledger.security.users[1].password must be a {bcrypt} hash");
        }
    }

    @Test
    void aUserMayNotBothOperateTheServiceAndPostBusinessCommands() {
        assertThatThrownBy(() -> UserDirectory.configured(List.of(user("root", HASH, Role.ADMIN, Role.TREASURY))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.security.users[0].roles combines ADMIN with TREASURY");
    }

    @Test
    void anInvestorIsBoundToItsInvestorAndHoldsNoOtherRole() {
        UserDirectory directory = UserDirectory.configured(List.of(
                new LedgerSecurityProperties.User("softbank", HASH, List.of(Role.INVESTOR), "SOFTBANK")));
        assertThat(directory.users().get(0).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_INVESTOR", "INVESTOR_ID_SOFTBANK");

        for (String missing : new String[]{null, "", " ", "not an id", "-LEADING-DASH"}) {
            assertThatThrownBy(() -> UserDirectory.configured(List.of(user("ok", HASH, Role.ADMIN),
                    new LedgerSecurityProperties.User("softbank", HASH, List.of(Role.INVESTOR), missing))))
                    .as(missing).isInstanceOf(Misconfiguration.class)
                    .hasMessageStartingWith("ledger.security.users[1].investor-id must name the investor this "
                            + "INVESTOR is bound to")
                    .hasMessageContaining("ledger.security.users[1].investor-id (environment "
                            + "LEDGER_SECURITY_USERS_1_INVESTORID)");
        }
        assertThatThrownBy(() -> UserDirectory.configured(List.of(
                new LedgerSecurityProperties.User("analyst", HASH, List.of(Role.ANALYST), "SOFTBANK"))))
                .isInstanceOf(Misconfiguration.class)
                .hasMessageStartingWith("ledger.security.users[0].investor-id is set for a user that is no INVESTOR");
        assertThatThrownBy(() -> UserDirectory.configured(List.of(
                new LedgerSecurityProperties.User("insider", HASH, List.of(Role.INVESTOR, Role.ANALYST), "SOFTBANK"))))
                .isInstanceOf(Misconfiguration.class)
                .hasMessageStartingWith("ledger.security.users[0].roles combines INVESTOR with another role");
    }

    @Test
    void theDemoInvestorIsSoftbankBoundToTheDemosSoftbank() {
        UserDirectory directory = UserDirectory.demo(Map.of(Role.ANALYST, "a".repeat(32), Role.INVESTOR,
                "b".repeat(32)));

        assertThat(directory.names()).containsExactlyInAnyOrder("analyst", "softbank");
        assertThat(directory.users()).filteredOn(user -> user.getUsername().equals("softbank")).singleElement()
                .satisfies(user -> assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                        .containsExactlyInAnyOrder("ROLE_INVESTOR", "INVESTOR_ID_SOFTBANK"));
        assertThat(directory.demoPassword(Role.INVESTOR)).contains("b".repeat(32));
    }

    @Test
    void namesAreUniqueWellFormedAndEveryUserHasARole() {
        assertThatThrownBy(() -> UserDirectory.configured(List.of(user("a", HASH, Role.ADMIN), user("a", HASH, Role.ANALYST))))
                .hasMessageContaining("ledger.security.users[1].name a is configured twice");
        assertThatThrownBy(() -> UserDirectory.configured(List.of(user("Alice", HASH, Role.ADMIN), user("alice", HASH, Role.ANALYST))))
                .as("names are case-insensitive").hasMessageContaining("ledger.security.users[1].name alice is configured twice");
        assertThatThrownBy(() -> UserDirectory.configured(List.of(user("bad name", HASH, Role.ADMIN))))
                .hasMessageContaining("ledger.security.users[0].name must be");
        assertThatThrownBy(() -> UserDirectory.configured(List.of(user(null, HASH, Role.ADMIN))))
                .hasMessageContaining("ledger.security.users[0].name must be");
        assertThatThrownBy(() -> UserDirectory.configured(List.of(user("nobody", HASH))))
                .hasMessageContaining("ledger.security.users[0].roles must name at least one");
    }
}
