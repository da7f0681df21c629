package io.ticketdesk.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The architecture guide as executable rules; bootstrap is the one module that sees every class. */
@AnalyzeClasses(packages = "io.ticketdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependenciesPointInward = onionArchitecture()
            .domainModels("io.ticketdesk.domain..")
            .applicationServices("io.ticketdesk.application..")
            .adapter("http", "io.ticketdesk.adapters.http..")
            .adapter("persistence", "io.ticketdesk.adapters.persistence..")
            .adapter("telegram", "io.ticketdesk.adapters.telegram..")
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage("io.ticketdesk.bootstrap.."), alwaysTrue());

    @ArchTest
    static final ArchRule domainUsesOnlyTheJdk = classes()
            .that().resideInAPackage("io.ticketdesk.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.ticketdesk.domain..", "java..");

    @ArchTest
    static final ArchRule applicationKnowsNoFrameworkNorAdapter = classes()
            .that().resideInAPackage("io.ticketdesk.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.ticketdesk.application..", "io.ticketdesk.domain..", "java..");

    @ArchTest
    static final ArchRule adaptersDriveOnlyInPorts = noClasses()
            .that().resideInAPackage("io.ticketdesk.adapters..")
            .should().dependOnClassesThat().resideInAPackage("io.ticketdesk.application.service..");

    @ArchTest
    static final ArchRule onlyBootstrapWiresTheParts = noClasses()
            .that().resideOutsideOfPackage("io.ticketdesk.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("io.ticketdesk.bootstrap..");

    @ArchTest
    static final ArchRule useCasesAreImplementedByServices = classes()
            .that().resideInAPackage("io.ticketdesk.application.service..").and().areTopLevelClasses()
            .and().areNotInterfaces()
            .should().implement(com.tngtech.archunit.base.DescribedPredicate.describe("an in-port",
                    (com.tngtech.archunit.core.domain.JavaClass type) ->
                            type.getPackageName().startsWith("io.ticketdesk.application.port.in")));
}
