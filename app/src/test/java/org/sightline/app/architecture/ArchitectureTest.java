package org.sightline.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of Sightline's modules, stated once: app -> (vision, speech) -> models. */
@AnalyzeClasses(packages = "org.sightline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String APP = "org.sightline.app..";
    private static final String VISION = "org.sightline.vision..";
    private static final String SPEECH = "org.sightline.speech..";
    private static final String MODELS = "org.sightline.models..";
    private static final String SHARED = "org.sightline.task..";

    @ArchTest
    static final ArchRule modelsKnowsNothingAbove = noClasses().that().resideInAnyPackage(MODELS, SHARED,
                    "org.sightline.error..", "org.sightline.i18n..", "org.sightline.spi..")
            .should().dependOnClassesThat().resideInAnyPackage(APP, VISION, SPEECH)
            .because("the model store is the foundation every feature builds on; it must stay usable without them");

    @ArchTest
    static final ArchRule speechDoesNotSee = noClasses().that().resideInAPackage(SPEECH)
            .should().dependOnClassesThat().resideInAnyPackage(VISION, APP)
            .because("speech must work on its own (self-voicing, the speak command) and stay swappable");

    @ArchTest
    static final ArchRule visionDoesNotSpeak = noClasses().that().resideInAPackage(VISION)
            .should().dependOnClassesThat().resideInAnyPackage(SPEECH, APP)
            .because("vision produces text and structure; the app decides what is spoken and when");

    @ArchTest
    static final ArchRule onlyAppUsesJavaFxScene = noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.fxml..")
            .because("only the app shell touches the JavaFX scene graph; capabilities run headless in the CLI");

    @ArchTest
    static final ArchRule cliIsHeadless = noClasses().that().resideInAPackage("org.sightline.app.cli..")
            .and().doNotHaveSimpleName("DesktopLauncher")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.fxml..")
            .because("the command line must run on a machine without a display");

    @ArchTest
    static final ArchRule viewModelsRunWithoutAToolkit = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "javafx.application..", "javafx.embed..")
            .because("view models hold the behaviour and are unit-tested with no JavaFX toolkit running");

    @ArchTest
    static final ArchRule capabilitiesAreChosenInOnePlace = noClasses().that().resideInAPackage("org.sightline.app..")
            .and().resideOutsideOfPackage("org.sightline.app.assistant..")
            .and().doNotHaveSimpleName("AppServices")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("NotBuilt")
            .because("the composition root (AppServices) is the one place where a capability is swapped for "
                    + "its real adapter");

    @ArchTest
    static final ArchRule appUsesEnginesThroughTheirProviders = noClasses().that().resideInAPackage(APP)
            .should().dependOnClassesThat().resideInAnyPackage("org.sightline.vision.ocr.ppocr..",
                    "org.sightline.vision.vlm.smolvlm..", "org.sightline.vision.vlm.remote..")
            .because("engines are reached through OcrProviders and VisionLanguageProviders, so an engine can be "
                    + "added or swapped in vision alone, and the app and the command line cannot drift apart");

    @ArchTest
    static final ArchRule visionLanguageDoesNotRead = noClasses().that().resideInAPackage("org.sightline.vision.vlm..")
            .should().dependOnClassesThat().resideInAPackage("org.sightline.vision.ocr..")
            .because("a conversation is given the recognised text as a string; combining OCR with a model is the "
                    + "describe use case's job, so each engine family stays usable alone");
}
