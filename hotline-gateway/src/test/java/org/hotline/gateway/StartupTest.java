package org.hotline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The shipped configuration starts; each kind of mistake stops start-up naming property, value and line. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldStartWhenConfigurationIsTheShippedOne() {
        try (var context = start(TestConfig.repositoryRoot().resolve("config"))) {
            HotlineDirectory directory = context.getBean(HotlineDirectory.class);
            assertThat(directory.languageCodes()).containsExactlyInAnyOrder(
                    "ar", "bg", "prs", "en", "fa", "fr", "ku", "ps", "ru", "tr", "ur", "uk");
            assertThat(directory.teams()).extracting(t -> t.id())
                    .containsExactly("counter-trafficking", "avrr", "protection", "visa-centre");
        }
    }

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
                Arguments.of("an hour of 25:00",
                        (UnaryOperator<String>) y -> y.replaceFirst("tuesday: \"09:00-18:00\"", "tuesday: \"09:00-25:00\""),
                        "tuesday: \"09:00-25:00\"",
                        new String[] {"hotline.schedules.office.days.tuesday", "09:00-25:00", "'25:00' is not a time of day"}),
                Arguments.of("an officer in a team that does not exist",
                        (UnaryOperator<String>) y -> y.replace("teams: [visa-centre]", "teams: [visa-center]"),
                        "teams: [visa-center]",
                        new String[] {"hotline.officers[8].teams[0] = visa-center", "no such team"}),
                Arguments.of("a language code nobody declared",
                        (UnaryOperator<String>) y -> y.replace("languages: [bg, tr, ku, en]", "languages: [bg, tr, ku, xx]"),
                        "languages: [bg, tr, ku, xx]",
                        new String[] {"hotline.officers[7].languages[3] = xx", "language not declared"}),
                Arguments.of("a team with no hours",
                        (UnaryOperator<String>) y -> y.replaceFirst("(id: avrr\\n)      hours: office\\n", "$1"),
                        "id: avrr",
                        new String[] {"hotline.teams[1].hours", "team 'avrr' has no hours"}),
                Arguments.of("a team that names a schedule that does not exist",
                        (UnaryOperator<String>) y -> y.replaceFirst("(id: visa-centre\\n)      hours: office", "$1      hours: ofice"),
                        "hours: ofice",
                        new String[] {"hotline.teams[3].hours = ofice", "no such schedule"}),
                Arguments.of("a team without officers",
                        (UnaryOperator<String>) y -> y.replace("teams: [visa-centre]", "teams: [avrr]"),
                        "id: visa-centre",
                        new String[] {"hotline.teams[3].id = visa-centre", "team has no officers"}),
                Arguments.of("a team number that is not a phone number",
                        (UnaryOperator<String>) y -> y.replace("\"+35929394774\"", "\"+3592939\""),
                        "\"+3592939\"",
                        new String[] {"hotline.teams[1].phone-numbers[0] = +3592939", "not a valid phone number"}),
                Arguments.of("an audio fallback to a language that is not declared",
                        (UnaryOperator<String>) y -> y.replace("audio-fallback: prs }", "audio-fallback: pus }"),
                        "audio-fallback: pus",
                        new String[] {"hotline.languages[7].audio-fallback = pus", "language not declared"}),
                Arguments.of("a saved reply in a language that is not declared",
                        (UnaryOperator<String>) y -> y.replace("          uk: \"Якщо", "          xx: \"Якщо"),
                        "xx: \"Якщо",
                        new String[] {"hotline.console.saved-replies[0].texts.xx = xx", "language not declared"}),
                Arguments.of("an organisation with the id of a team",
                        (UnaryOperator<String>) y -> y.replace("    - id: legal-aid", "    - id: avrr  # the organisation"),
                        "avrr  # the organisation",
                        new String[] {"hotline.organisations[1].id = avrr", "is the id of a team"}),
                Arguments.of("an interpreter for a language that is not declared",
                        (UnaryOperator<String>) y -> y.replace("languages: [ku, tr]", "languages: [ku, tr, xx]"),
                        "languages: [ku, tr, xx]",
                        new String[] {"hotline.interpreters.roster[3].languages[2] = xx", "language not declared"}),
                Arguments.of("an interpreter whose number is not a phone number",
                        (UnaryOperator<String>) y -> y.replace("\"+359888100304\"", "\"+35988810\""),
                        "\"+35988810\"",
                        new String[] {"hotline.interpreters.roster[3].reach.phone", "not a valid phone number"}),
                Arguments.of("two interpreters with one id",
                        (UnaryOperator<String>) y -> y.replace("id: interpreter-zarmina", "id: interpreter-wahid  # again"),
                        "id: interpreter-wahid  # again",
                        new String[] {"hotline.interpreters.roster[2].id = interpreter-wahid", "interpreter declared twice"}),
                Arguments.of("an interpreter with the id of an officer",
                        (UnaryOperator<String>) y -> y.replace("id: interpreter-irina", "id: georgi  # the interpreter"),
                        "id: georgi  # the interpreter",
                        new String[] {"hotline.interpreters.roster[4].id = georgi", "is the id of an officer"}),
                Arguments.of("an interpreter's hours that do not exist",
                        (UnaryOperator<String>) y -> y.replace("display-name: Irina\n        languages: [ru]\n        reach: { phone: \"+359888100305\" }\n        hours: office",
                                "display-name: Irina\n        languages: [ru]\n        reach: { phone: \"+359888100305\" }\n        hours: nights"),
                        "hours: nights",
                        new String[] {"hotline.interpreters.roster[4].hours = nights", "no such schedule"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigurations")
    void shouldRefuseToStartWhenConfigurationIsWrong(String kind, UnaryOperator<String> edit, String lineText,
                                                     String[] expected, CapturedOutput output) {
        Path config = TestConfig.withHotlineYaml(edit);
        int line = TestConfig.lineOf(config.resolve("hotline.yaml"), lineText);

        assertThatThrownBy(() -> start(config).close()).isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains(Stream.of(expected).map(org.hotline.caseconnector.privacy.Masking::phoneLikeIn).toList())
                // the log safety net masks digit runs, temporary directory names included
                .contains(org.hotline.caseconnector.privacy.Masking.phoneLikeIn(config.resolve("hotline.yaml").toString()) + "] - " + line + ":");
    }

    @Test
    void shouldReportEveryProblemAtOnceWhenThereAreSeveral(CapturedOutput output) {
        Path config = TestConfig.withHotlineYaml(y -> y
                .replace("teams: [visa-centre]", "teams: [visa-center]")
                .replace("languages: [bg, tr, ku, en]", "languages: [bg, tr, ku, xx]"));
        assertThatThrownBy(() -> start(config).close()).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("3 problem(s)", "visa-center", "xx", "team has no officers");
    }

    @Test
    void shouldRefuseToStartWhenAFlowIsBroken(CapturedOutput output) throws Exception {
        Path scripts = dataDir.resolve("ivr-scripts");
        TestConfig.copyTree(TestConfig.repositoryRoot().resolve("ivr-scripts"), scripts);
        Path flow = scripts.resolve("hotline.yaml");
        java.nio.file.Files.writeString(flow, java.nio.file.Files.readString(flow).replace("next: trafficking_open", "next: nowhere"));
        int line = TestConfig.lineOf(flow, "next: nowhere");

        assertThatThrownBy(() -> new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .run("--server.port=0", "--HOTLINE_DATA_DIR=" + dataDir, "--HOTLINE_SCRIPTS_DIR=" + scripts).close())
                .isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr()).contains("The flows have 1 error(s)",
                "ivr-scripts/hotline.yaml:" + line + ":11: error: jump to missing node 'nowhere' (from node 'trafficking')");
    }

    @Test
    void shouldRefuseToStartWhenACaseStoreLacksItsCredentials() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .run("--server.port=0", "--HOTLINE_DATA_DIR=" + dataDir, "--HOTLINE_CASE_STORE=primero").close())
                .hasStackTraceContaining("needs HOTLINE_PRIMERO_URL, HOTLINE_PRIMERO_USER and HOTLINE_PRIMERO_PASSWORD");
        assertThatThrownBy(() -> new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .run("--server.port=0", "--HOTLINE_DATA_DIR=" + dataDir, "--HOTLINE_CASE_STORE=hrm").close())
                .hasStackTraceContaining("needs HOTLINE_HRM_URL");
    }

    @Test
    void shouldRefuseToStartWhenACaseStoreIsReachedWithoutTlsOrWithAShortSecret() {
        String secret = "a-webhook-secret-of-32-bytes-min";
        assertThatThrownBy(() -> new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .run("--server.port=0", "--HOTLINE_DATA_DIR=" + dataDir, "--HOTLINE_CASE_STORE=webhook",
                        "--HOTLINE_CASE_WEBHOOK_URL=http://cases.example.org/in", "--HOTLINE_CASE_WEBHOOK_SECRET=" + secret).close())
                .hasStackTraceContaining("hotline.case-store.webhook.url (HOTLINE_CASE_WEBHOOK_URL) must be an https URL");
        assertThatThrownBy(() -> new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .run("--server.port=0", "--HOTLINE_DATA_DIR=" + dataDir, "--HOTLINE_CASE_STORE=webhook",
                        "--HOTLINE_CASE_WEBHOOK_URL=https://cases.example.org/in", "--HOTLINE_CASE_WEBHOOK_SECRET=short-secret").close())
                .hasStackTraceContaining("HOTLINE_CASE_WEBHOOK_SECRET) must be at least 32 bytes");
        assertThatThrownBy(() -> new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .run("--server.port=0", "--HOTLINE_DATA_DIR=" + dataDir, "--HOTLINE_CASE_STORE=primero", "--HOTLINE_PRIMERO_URL=http://primero.example.org",
                        "--HOTLINE_PRIMERO_USER=gateway", "--HOTLINE_PRIMERO_PASSWORD=pw").close())
                .hasStackTraceContaining("hotline.case-store.primero.url (HOTLINE_PRIMERO_URL) must be an https URL");
    }

    @Test
    void shouldRefuseToStartWhenTheTrunkSaysNotWhereTheNumberGoes() {
        // the form chan_pjsip misreads: what follows the slash is taken as a contact, not a number
        assertThatThrownBy(() -> new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .run("--server.port=0", "--HOTLINE_DATA_DIR=" + dataDir, "--hotline.asterisk.trunk=PJSIP/trunk").close())
                .hasStackTraceContaining("hotline.asterisk.trunk")
                .hasStackTraceContaining("must be a dial string with {number} where the number goes");
    }

    @Test
    void shouldKeepItsDataDirectoryOwnerOnly() throws Exception {
        Path data = dataDir.resolve("owner-only");
        try (var context = new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .run("--server.port=0", "--HOTLINE_DATA_DIR=" + data)) {
            assertThat(java.nio.file.Files.getPosixFilePermissions(data)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            try (var files = java.nio.file.Files.list(data)) {
                assertThat(files.toList()).isNotEmpty().anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("cases.mv.db"))
                        .allSatisfy(f -> assertThat(java.nio.file.Files.getPosixFilePermissions(f))
                                .as(f.toString()).isSubsetOf(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                                        java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
            }
        }
    }

    @Test
    void shouldRefuseToStartOnRedisWhenNoPiiKeyIsSet(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .properties("server.port=0", "HOTLINE_DATA_DIR=" + dataDir, "HOTLINE_STORE=redis", "HOTLINE_PII_KEY=")
                .run().close())
                .hasStackTraceContaining("HOTLINE_PII_KEY must be set when HOTLINE_STORE=redis");
    }

    private org.springframework.context.ConfigurableApplicationContext start(Path configDir) {
        return new SpringApplicationBuilder(HotlineGatewayApplication.class)
                .properties("server.port=0", "HOTLINE_CONFIG_DIR=" + configDir, "HOTLINE_DATA_DIR=" + dataDir)
                .run();
    }
}
