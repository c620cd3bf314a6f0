package io.ganstudio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules that keep the house in order, checked on the main code in every build. Layers: core <- session <- jobs
 * <- cli and ui; core, session and jobs never see JavaFX; the CLI and the studio do not import each other; no two
 * packages import each other, directly or round a loop; a class named *Model or *ViewModel binds and holds state
 * but never builds scene-graph nodes; only core.engine speaks to an engine's own classes; and Java data and numbers
 * reach the engines through core.engine's PortableOps, which keeps their memory alive as long as the engine reads it.
 */
@AnalyzeClasses(packages = "io.ganstudio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreStaysAtTheBottom = noClasses().that().resideInAPackage("io.ganstudio.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ganstudio.session..", "io.ganstudio.jobs..",
                    "io.ganstudio.cli..", "io.ganstudio.ui..", "javafx..", "org.controlsfx..")
            .because("core is the engine room that both front ends share, without a window");

    @ArchTest
    static final ArchRule sessionSeesOnlyCore = noClasses().that().resideInAPackage("io.ganstudio.session..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ganstudio.jobs..", "io.ganstudio.cli..",
                    "io.ganstudio.ui..", "javafx..", "org.controlsfx..")
            .because("a training session runs the same under the CLI, the studio and the tests");

    @ArchTest
    static final ArchRule jobsServeBothFrontEnds = noClasses().that().resideInAPackage("io.ganstudio.jobs..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ganstudio.cli..", "io.ganstudio.ui..",
                    "javafx..", "org.controlsfx..", "picocli..")
            .because("each job is one use case that the CLI and the studio both call");

    @ArchTest
    static final ArchRule cliIsNotTheStudio = noClasses().that().resideInAPackage("io.ganstudio.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ganstudio.ui..", "javafx..")
            .because("the command line runs without a display");

    @ArchTest
    static final ArchRule studioIsNotTheCli = noClasses().that().resideInAPackage("io.ganstudio.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ganstudio.cli..", "picocli..")
            .because("the studio and the CLI share jobs, not each other");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.ganstudio.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewModelsBuildNoNodes = classes().that().haveSimpleNameEndingWith("Model")
            .or().haveSimpleNameEndingWith("ViewModel")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..")
            .because("a view model binds and holds state; its view builds the nodes");

    @ArchTest
    static final ArchRule commonUiImportsNoScreen = noClasses().that().resideInAPackage("io.ganstudio.ui.common..")
            .should().dependOnClassesThat().resideInAnyPackage("io.ganstudio.ui.app..", "io.ganstudio.ui.data..",
                    "io.ganstudio.ui.model..", "io.ganstudio.ui.train..", "io.ganstudio.ui.explore..",
                    "io.ganstudio.ui.inspect..", "io.ganstudio.ui.playground..", "io.ganstudio.ui.lesson..",
                    "io.ganstudio.ui.game..", "io.ganstudio.ui.explain..", "io.ganstudio.ui.present..",
                    "io.ganstudio.ui.bench..")
            .because("the helpers every screen uses must not tie the screens into one knot");

    @ArchTest
    static final ArchRule oneEngineBoundary = noClasses().that().resideOutsideOfPackage("io.ganstudio.core.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl.mxnet..", "ai.djl.pytorch..")
            .because("an engine's own classes stay behind core.engine, so a second engine changes one package");

    @ArchTest
    static final ArchRule numbersReachArraysThroughPortableOps = noClasses()
            .that().resideOutsideOfPackage("io.ganstudio.core.engine..")
            .should().callMethodWhere(target(owner(assignableTo(NDArray.class)))
                    .and(target(nameMatching("(mul|div|pow|rdiv|rpow|maximum|minimum|mod)i?")))
                    .and(target(rawParameterTypes(Number.class))))
            .because("DJL's PyTorch engine frees such a number's memory while autograd still reads it "
                    + "(NaN gradients once the garbage collector has run); PortableOps.mul and its siblings do not");

    @ArchTest
    static final ArchRule javaDataReachesEnginesThroughPortableOps = noClasses()
            .that().resideOutsideOfPackage("io.ganstudio.core.engine..")
            .should().callMethodWhere(target(owner(assignableTo(NDManager.class)))
                    .and(target(nameMatching("create.*"))))
            .because("DJL's create copies from memory that a garbage collection can free mid-copy (MXNet) or makes "
                    + "the array of Java memory that autograd reads after the array is closed (PyTorch); "
                    + "PortableOps.create does neither");
}
