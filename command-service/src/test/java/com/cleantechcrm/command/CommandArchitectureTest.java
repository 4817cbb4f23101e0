package com.cleantechcrm.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CommandArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.cleantechcrm.command");

    @Test
    void leadDomainKnowsNoHttpOrKafka() {
        noClasses()
                .that()
                .resideInAPackage("com.cleantechcrm.command.lead")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..", "..lead.web..")
                .check(classes);
    }

    @Test
    void relayDoesNotReachIntoTheWebLayer() {
        noClasses()
                .that()
                .resideInAPackage("com.cleantechcrm.command.relay..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..lead.web..")
                .check(classes);
    }
}
