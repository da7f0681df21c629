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
import io.ticketdesk.application.change.DeskChangeRecorder;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import io.ticketdesk.application.service.realtime.LiveTicketsService;

/** The architecture guide as executable rules; bootstrap is the one module that sees every class. */
@AnalyzeClasses(packages = "io.ticketdesk",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** The modules' test-jars (contracts, fakes, test databases) are tests too: they may wire real services. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

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

    /** The writes that have consequences (history, signals, outbox events), by out-port and method. */
    private static final java.util.Map<Class<?>, java.util.Set<String>> RECORDED_WRITES = java.util.Map.of(
            io.ticketdesk.application.port.out.persistence.TicketRepository.class,
            java.util.Set.of("insert", "update", "appendHistory", "delete"),
            io.ticketdesk.application.port.out.persistence.MessageRepository.class, java.util.Set.of("insert"),
            io.ticketdesk.application.port.out.persistence.UserRepository.class, java.util.Set.of("updateRoleAndStatus"),
            io.ticketdesk.application.port.out.events.DeskEventOutbox.class, java.util.Set.of("append"));

    @ArchTest
    static final ArchRule changesGoThroughTheOneChangePath = noClasses()
            .that().resideInAPackage("io.ticketdesk.application..")
            .and().doNotHaveFullyQualifiedName(DeskChangeRecorder.class.getName())
            .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a ticket, message or access write, or an outbox append (DeskChangeRecorder's job)",
                    (com.tngtech.archunit.core.domain.JavaMethodCall call) -> RECORDED_WRITES.entrySet().stream()
                            .anyMatch(write -> call.getTargetOwner().isAssignableTo(write.getKey())
                                    && write.getValue().contains(call.getName()))));

    @ArchTest
    static final ArchRule onlyTheChangePathAndTypingPublishSignals = noClasses()
            .that().resideInAPackage("io.ticketdesk.application..")
            .and().doNotHaveFullyQualifiedName(DeskChangeRecorder.class.getName())
            // typing hints are not changes: nothing is stored, nothing is recorded
            .and().doNotHaveFullyQualifiedName(LiveTicketsService.class.getName())
            .should().callMethod(TicketSignalBus.class, "publish", TicketSignal.class);
}
