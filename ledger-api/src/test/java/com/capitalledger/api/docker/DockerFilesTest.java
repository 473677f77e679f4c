package com.capitalledger.api.docker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so {@code docker/} is checked statically: the compose file parses, wires two ledger
 * nodes to a healthy PostgreSQL 17 with a persistent volume and to its streaming replica (made by pg_basebackup -R),
 * puts a load balancer in front of both nodes, and everything the files refer to exists.
 */
class DockerFilesTest {

    private static Path root;
    private static Map<String, Object> compose;
    private static List<String> dockerfile;

    @BeforeAll
    static void load() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker/compose.yaml"))) {
            root = root.getParent();
            assertThat(root).as("repository root above the working directory").isNotNull();
        }
        try (Reader reader = Files.newBufferedReader(root.resolve("docker/compose.yaml"))) {
            compose = new Yaml().load(reader);
        }
        dockerfile = Files.readAllLines(root.resolve("docker/Dockerfile"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static final List<String> NODES = List.of("ledger-1", "ledger-2");

    private static Map<String, Object> service(String name) {
        return map(map(compose, "services"), name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresIsVersion17WithAPersistentVolumeAndAHealthCheck() {
        Map<String, Object> postgres = service("postgres");

        assertThat(postgres.get("image")).isEqualTo("postgres:17");
        assertThat((List<Object>) postgres.get("volumes")).contains("ledger-pgdata:/var/lib/postgresql/data");
        assertThat(map(compose, "volumes")).containsKey("ledger-pgdata");
        assertThat(map(postgres, "healthcheck").get("test").toString()).contains("pg_isready");
    }

    @Test
    void bothNodesAreBuiltFromTheRepositoryAsOneImageAndWaitForAHealthyDatabase() {
        for (String node : NODES) {
            Map<String, Object> ledger = service(node);
            Map<String, Object> build = map(ledger, "build");
            Path context = root.resolve("docker").resolve(build.get("context").toString()).normalize();

            assertThat(context.resolve("pom.xml")).exists();
            assertThat(context.resolve(build.get("dockerfile").toString())).exists();
            assertThat(map(map(ledger, "depends_on"), "postgres").get("condition")).isEqualTo("service_healthy");
        }
        assertThat(service("ledger-2").get("image")).isEqualTo(service("ledger-1").get("image")).isNotNull();
    }

    @Test
    void bothNodesPointAtTheComposeDatabaseAndNoPasswordIsWrittenDown() {
        Map<String, Object> postgresEnv = map(service("postgres"), "environment");
        assertThat(postgresEnv.get("POSTGRES_PASSWORD").toString()).startsWith("${POSTGRES_PASSWORD:?");
        for (String node : NODES) {
            Map<String, Object> ledgerEnv = map(service(node), "environment");
            assertThat(ledgerEnv.get("LEDGER_DB_URL"))
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + postgresEnv.get("POSTGRES_DB"));
            assertThat(ledgerEnv.get("LEDGER_DB_USER")).isEqualTo(postgresEnv.get("POSTGRES_USER"));
            assertThat(ledgerEnv.get("LEDGER_DB_PASSWORD")).isEqualTo(postgresEnv.get("POSTGRES_PASSWORD"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReplicaIsABaseBackupOfThePrimaryThatStreamsFromIt() throws IOException {
        Map<String, Object> primary = service("postgres");
        Map<String, Object> replica = service("postgres-replica");
        assertThat(replica.get("image")).isEqualTo(primary.get("image"));
        assertThat(map(map(replica, "depends_on"), "postgres").get("condition")).isEqualTo("service_healthy");
        assertThat(map(replica, "healthcheck").get("test").toString()).contains("pg_isready");
        // Its own cluster on its own volume, never the primary's.
        List<String> volumes = (List<String>) replica.get("volumes");
        assertThat(volumes).contains("ledger-pgdata-replica:/var/lib/postgresql/data");
        assertThat(map(compose, "volumes")).containsKey("ledger-pgdata-replica");

        Map<String, Object> primaryEnv = map(primary, "environment");
        Map<String, Object> replicaEnv = map(replica, "environment");
        assertThat(replicaEnv.get("POSTGRES_USER")).isEqualTo(primaryEnv.get("POSTGRES_USER"));
        assertThat(replicaEnv.get("PGPASSWORD")).isEqualTo(primaryEnv.get("POSTGRES_PASSWORD"));

        // The entrypoint it runs: pg_basebackup -R from the primary on first start, then the image's own.
        String entrypoint = ((List<String>) replica.get("entrypoint")).get(1);
        String script = Files.readString(mounted(volumes, entrypoint));
        assertThat(script).contains("pg_basebackup --host=postgres ", "--username=\"$POSTGRES_USER\"",
                "--write-recovery-conf", "--wal-method=stream", "if [ ! -s \"$PGDATA/PG_VERSION\" ]",
                "exec docker-entrypoint.sh postgres");

        // The primary lets it in for replication, with a password, when the postgres image creates the cluster.
        String hba = Files.readString(mounted((List<String>) primary.get("volumes"),
                "/docker-entrypoint-initdb.d/replication-hba.sh"));
        assertThat(hba).contains("echo \"host replication ${POSTGRES_USER} all scram-sha-256\" >> \"$PGDATA/pg_hba.conf\"");
    }

    /** The file of docker/ that a service's volumes mount at this path in its container. */
    private static Path mounted(List<String> volumes, String target) {
        String mount = volumes.stream().filter(volume -> volume.startsWith("./") && volume.contains(":" + target + ":"))
                .findFirst().orElseThrow(() -> new AssertionError("nothing of docker/ mounted at " + target));
        Path file = root.resolve("docker").resolve(mount.substring(0, mount.indexOf(':'))).normalize();
        assertThat(file).exists();
        return file;
    }

    @Test
    void bothNodesQueryTheReplicaAndWaitForItToBeHealthy() {
        Map<String, Object> postgresEnv = map(service("postgres"), "environment");
        for (String node : NODES) {
            Map<String, Object> ledgerEnv = map(service(node), "environment");
            assertThat(ledgerEnv.get("LEDGER_DB_REPLICA_URL"))
                    .isEqualTo("jdbc:postgresql://postgres-replica:5432/" + postgresEnv.get("POSTGRES_DB"));
            // Its user and password are the primary's (the default); none other is written down.
            assertThat(ledgerEnv).doesNotContainKeys("LEDGER_DB_REPLICA_USER", "LEDGER_DB_REPLICA_PASSWORD");
            assertThat(map(map(service(node), "depends_on"), "postgres-replica").get("condition"))
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void eachNodeGetsOneUserPerRoleWhosePasswordIsABcryptHashFromTheEnvironment() {
        for (String node : NODES) {
            Map<String, Object> ledgerEnv = map(service(node), "environment");
            List<String> roles = new ArrayList<>();
            for (int i = 0; ledgerEnv.containsKey("LEDGER_SECURITY_USERS_" + i + "_NAME"); i++) {
                roles.add(ledgerEnv.get("LEDGER_SECURITY_USERS_" + i + "_ROLES").toString());
                assertThat(ledgerEnv.get("LEDGER_SECURITY_USERS_" + i + "_PASSWORD").toString())
                        .matches("\\{bcrypt}\\$\\{LEDGER_[A-Z]+_BCRYPT:\\?[^}]+}");
            }
            assertThat(roles).as(node).containsExactlyInAnyOrder("TREASURY", "COMPLIANCE", "ANALYST", "ADMIN");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothNodesSignWithTheOneJournalKeyAndWriteDigestsToAVolumeOfTheirOwn() {
        List<String> volumes = new ArrayList<>();
        for (String node : NODES) {
            Map<String, Object> ledgerEnv = map(service(node), "environment");
            assertThat(ledgerEnv.get("LEDGER_JOURNAL_SIGNING_KEY").toString())
                    .matches("\\$\\{LEDGER_JOURNAL_SIGNING_KEY:\\?[^}]+}");
            String digestFile = ledgerEnv.get("LEDGER_JOURNAL_DIGEST_FILE").toString();
            String digestDirectory = digestFile.substring(0, digestFile.lastIndexOf('/'));
            List<String> mounted = (List<String>) service(node).get("volumes");
            assertThat(mounted).hasSize(1);
            assertThat(mounted.get(0)).isEqualTo(node + "-digests:" + digestDirectory);
            assertThat(map(compose, "volumes")).containsKey(node + "-digests");
            assertThat(dockerfile).anyMatch(line -> line.contains("chown ledger:ledger " + digestDirectory));
            volumes.add(mounted.get(0));
        }
        assertThat(volumes).doesNotHaveDuplicates();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLoadBalancerAloneIsPublishedAndProxiesToBothNodesOnceTheyAreHealthy() throws IOException {
        Map<String, Object> lb = service("lb");
        assertThat((List<Object>) lb.get("ports")).containsExactly("8080:8080");
        for (String node : NODES) {
            assertThat(service(node)).doesNotContainKey("ports");
            assertThat(map(map(lb, "depends_on"), node).get("condition")).isEqualTo("service_healthy");
        }
        String mount = ((List<String>) lb.get("volumes")).get(0);
        assertThat(mount).endsWith(":/etc/nginx/nginx.conf:ro");
        Path config = root.resolve("docker").resolve(mount.substring(0, mount.indexOf(':'))).normalize();
        String nginx = Files.readString(config);
        Matcher upstream = Pattern.compile("upstream ledger \\{([^}]*)}").matcher(nginx);
        assertThat(upstream.find()).as("an upstream block named ledger").isTrue();
        List<String> servers = new ArrayList<>();
        Matcher server = Pattern.compile("server (\\S+)").matcher(upstream.group(1));
        while (server.find()) {
            servers.add(server.group(1));
        }
        assertThat(servers).containsExactly("ledger-1:8080", "ledger-2:8080");
        assertThat(nginx).contains("listen 8080;", "proxy_pass http://ledger;");
        assertThat(nginx).doesNotContain("non_idempotent");
    }

    @Test
    void theDockerfileBuildsInOneStageAndRunsOnAJre17AsANonRootUser() {
        List<String> from = dockerfile.stream().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(from).hasSizeGreaterThanOrEqualTo(2);
        assertThat(from.get(0)).matches("FROM eclipse-temurin:17-jdk AS build");
        assertThat(from.get(from.size() - 1)).startsWith("FROM eclipse-temurin:17-jre");

        List<String> runtime = dockerfile.subList(dockerfile.indexOf(from.get(from.size() - 1)), dockerfile.size());
        List<String> users = runtime.stream().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).isNotIn("USER root", "USER 0");
        assertThat(runtime).anyMatch(line -> line.startsWith("COPY --from=build"));
        assertThat(runtime).anyMatch(line -> line.startsWith("ENTRYPOINT [\"java\""));
    }

    @Test
    void everyPathTheDockerfileCopiesFromTheContextExists() {
        Pattern copy = Pattern.compile("COPY (?!--from)(?:--\\S+ )*(.+) (\\S+)");
        List<String> sources = new ArrayList<>();
        for (String line : dockerfile) {
            Matcher matcher = copy.matcher(line);
            if (matcher.matches()) {
                sources.addAll(List.of(matcher.group(1).split(" ")));
            }
        }

        assertThat(sources).contains("mvnw", "pom.xml", "ledger-api/src");
        assertThat(sources).allSatisfy(source -> assertThat(root.resolve(source)).exists());
    }
}
