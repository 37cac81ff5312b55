package org.hotline.gateway.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.gateway.testing.ApiClient;
import org.hotline.gateway.testing.TestConfig;
import org.hotline.gateway.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The test line reads the flows from disk at each trial: a script author who breaks a flow while the
 * gateway runs is shown where (file, line, column) and cannot start a trial until it is fixed; the
 * running gateway keeps the flows it started with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TestLineProblemsTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path scripts;

    @BeforeAll
    static void copyTheFlows() throws Exception {
        TestConfig.copyTree(TestConfig.repositoryRoot().resolve("ivr-scripts"), scripts);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hotline.state.data-dir", dataDir::toString);
        registry.add("hotline.routing.tick", () -> "1h");
        registry.add("hotline.scripts.dir", scripts::toString);
        TestUsers.register(registry);
    }

    @LocalServerPort int port;

    @Test
    void shouldShowWhereAFlowIsBrokenAndStartNoTrial() throws Exception {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/console/test-line", TestUsers.AMY).body()).contains("id=\"christmas\"").doesNotContain("id=\"problems\"");

        Path flow = scripts.resolve("hotline.yaml");
        Files.writeString(flow, Files.readString(flow).replaceFirst("next: trafficking_route", "next: no_such_node"));
        int line = TestConfig.lineOf(flow, "next: no_such_node");

        String page = api.get("/console/test-line", TestUsers.AMY).body();
        assertThat(page).contains("id=\"problems\"", "hotline.yaml:" + line + ":", "no_such_node").doesNotContain("id=\"christmas\"");
        assertThat(api.get("/console/test-line", TestUsers.OLGA).statusCode()).as("not for officers").isEqualTo(403);
    }
}
