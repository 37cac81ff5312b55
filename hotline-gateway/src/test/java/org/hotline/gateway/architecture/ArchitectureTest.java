package org.hotline.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules of ARCHITECTURE.md that keep the gateway easy to change, checked on the compiled
 * classes: a pure engine, no package cycles, channels that do not know each other, nothing in
 * another project's packages. A rule broken here fails the build.
 */
class ArchitectureTest {

    static final JavaClasses GATEWAY = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.hotline.gateway", "com.twilio.twiml");

    @Test
    void theEngineImportsOnlyTheJdkItsYamlParserAndPhoneNumbers() {
        classes().that().haveSimpleNameStartingWith("FlowEngine").or().haveSimpleName("FlowState").or().haveSimpleName("Facts")
                .or().haveSimpleName("Input").or().haveSimpleName("Step").or().haveSimpleName("Node").or().haveSimpleName("Flow")
                .or().haveSimpleName("Questions").or().haveSimpleName("Replies")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.hotline.gateway.flow..", "org.yaml.snakeyaml..",
                        "com.google.i18n.phonenumbers..", "org.hotline.gateway.phone..")
                .check(GATEWAY);
        noClasses().that().resideInAPackage("org.hotline.gateway.flow..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "io.micrometer..")
                .check(GATEWAY);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("org.hotline.gateway.(**)").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void aChannelKnowsNoOtherChannel() {
        String[] channels = {"org.hotline.gateway.chat.twilio..", "org.hotline.gateway.chat.viber..", "org.hotline.gateway.chat.telegram..",
                "org.hotline.gateway.voice.twilio..", "org.hotline.gateway.voice.asterisk.."};
        for (String channel : channels) {
            noClasses().that().resideInAPackage(channel).should().dependOnClassesThat()
                    .resideInAnyPackage(java.util.Arrays.stream(channels).filter(c -> !c.equals(channel)).toArray(String[]::new))
                    .check(GATEWAY);
        }
    }

    @Test
    void theChatCoreNamesNoProvider() {
        noClasses().that().resideInAPackage("org.hotline.gateway.chat").should().dependOnClassesThat()
                .resideInAnyPackage("org.hotline.gateway.chat.*..", "org.hotline.gateway.twilio..", "org.hotline.gateway.voice..")
                .check(GATEWAY);
    }

    @Test
    void nothingLivesInAnotherProjectsPackage() {
        classes().should().resideInAPackage("org.hotline..").check(GATEWAY);
    }
}
