package org.sightline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStores;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.describe.Describer;
import org.sightline.vision.describe.Description;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.read.TextReader;
import org.sightline.vision.summary.DescriptionModels;
import org.sightline.vision.vlm.BackendChoice;
import org.sightline.vision.vlm.Detail;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;
import org.sightline.vision.vlm.VisionLanguageProviders;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sightline describe IMAGE}: describes an image with a vision-language model and answers questions
 * about it, streaming the answer as it is written. A blank image is reported before any model is loaded.
 *
 * <p>With no description model installed (and none named with {@code --model}, {@code --model-dir} or
 * {@code --remote}), or with {@code --summary}, it prints a summary of the text and layout read by OCR instead,
 * and, unless the summary was asked for, a line on stderr saying how to download a description model. A model
 * named with {@code --model} that is not installed still exits 4 with the install command: the user asked for
 * that model, so a summary would not be what they asked for.
 *
 * <p>A question with no description model installed exits 0, not 4: the output first says plainly that
 * questions need a description model, then gives the summary, which is a true and useful answer about the image,
 * and stderr says how to get the model. Exit 4 stays reserved for "the model you named is missing, nothing was
 * done", so a script can tell a missing explicit model from a summary it can still read.
 */
@Command(name = "describe", mixinStandardHelpOptions = true, defaultValueProvider = DescribeCommand.Defaults.class,
        description = "Describe an image and answer questions about it.",
        footer = {"", "The API key for --remote is read from the environment variable " + DescribeCommand.API_KEY_ENV + "."})
public final class DescribeCommand implements Callable<Integer> {

    private static final Messages TEXT = new Messages("org.sightline.app.cli.describe");
    static final String API_KEY_ENV = "SIGHTLINE_REMOTE_API_KEY";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image file (PNG, JPEG, GIF or BMP).")
    private Path image;

    @Option(names = {"-q", "--question"}, paramLabel = "Q", description = "Ask this instead of a short description.")
    private String question;

    @Option(names = "--detailed", description = "A detailed description instead of a short one.")
    private boolean detailed;

    @Option(names = "--follow-up", paramLabel = "Q", description = "A follow-up question about the same image (repeatable).")
    private List<String> followUps = new ArrayList<>();

    @Option(names = "--text-file", paramLabel = "FILE",
            description = "Text recognised on the image: put into the prompt and used to check quotes in the answer.")
    private Path textFile;

    @Option(names = "--model", paramLabel = "ID", description = "The installed model to use (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Use the SmolVLM files in this folder instead of an installed model.")
    private Path modelDir;

    @Option(names = "--fast", description = "One look at the whole image at 512x512 (quickest, least detail).")
    private boolean fast;

    @Option(names = "--detail", description = "Every tile at full resolution (slower on a CPU). By default Sightline "
            + "takes as much detail as brings the first words in a few seconds on this machine.")
    private boolean detail;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "256", description = "Longest answer in tokens (default: ${DEFAULT-VALUE}).")
    private int maxTokens;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0", description = "0 for repeatable answers (default), higher for varied ones.")
    private double temperature;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "0.9", description = "Nucleus sampling threshold when sampling.")
    private double topP;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed for sampling.")
    private long seed;

    @Option(names = "--remote", paramLabel = "URL",
            description = "Use an OpenAI-compatible server instead, e.g. http://localhost:11434/v1 (the image leaves this computer).")
    private URI remote;

    @Option(names = "--remote-model", paramLabel = "NAME", defaultValue = "smolvlm", description = "The model name on the server (default: ${DEFAULT-VALUE}).")
    private String remoteModel;

    @Option(names = "--summary",
            description = "Only summarise the text and layout (read by OCR), without a description model: quick, and never guesses.")
    private boolean summaryOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Capture capture = Capture.ofImage(ImageFiles.read(image), CaptureSource.FILE, image.getFileName().toString());
        CatalogModelStore store = ModelStores.standard();
        try (TextReader reader = new TextReader(store); Describer describer = new Describer(store, reader)) {
            Optional<String> blank = describer.blank(capture);
            if (blank.isPresent()) {
                out.println(blank.get());
                out.flush();
                return 0;
            }
            boolean asking = question != null || !followUps.isEmpty();
            if (summaryOnly) {
                if (asking) {
                    throw new ParameterException(spec.commandLine(), TEXT.get("describe.summaryNoQuestion"));
                }
                out.println(describer.summarise(capture, TaskContext.none()));
                out.flush();
                return 0;
            }
            BackendChoice choice = choice();
            String recognised = readText();
            Question first = question != null ? Question.of(question)
                    : recognised != null ? Question.describeWithText(recognised)
                    : detailed ? Question.detailedDescription() : Question.shortDescription();
            Description said = answer(describer, choice, new Describer.Request(capture, first, asking, recognised),
                    out, err);
            if (said.kind() == Description.Kind.SUMMARY) {
                said.downloadHint().ifPresent(err::println);
                err.flush();
                return 0;
            }
            for (String q : followUps) {
                out.println();
                out.println("> " + q);
                answer(describer, choice, new Describer.Request(capture, Question.of(q), true, recognised), out, err);
            }
        }
        return 0;
    }

    /** Prints an answer as it is written (a summary at once), then its caution on a line of its own. */
    private static Description answer(Describer describer, BackendChoice choice, Describer.Request request,
                                      PrintWriter out, PrintWriter err) {
        boolean[] started = {false};
        Describer.Listener printer = Describer.Listener.of(piece -> {
            String p = started[0] ? piece : piece.stripLeading();
            if (!p.isEmpty()) {
                started[0] = true;
                out.print(p);
                out.flush();
            }
        }, statement -> {
            err.println(statement);
            err.flush();
        });
        Description said = describer.describe(choice, request, printer, TaskContext.none());
        if (said.kind() == Description.Kind.SUMMARY) {
            out.print(said.text());
        }
        out.println();
        said.caution().ifPresent(out::println);
        out.flush();
        said.closerLook().ifPresent(err::println);
        err.flush();
        return said;
    }

    /** The backend the options name: a server, a folder, a named model, or the installed description model. */
    private BackendChoice choice() {
        GenerationSettings generation;
        try {
            generation = GenerationSettings.defaults().withMaxNewTokens(maxTokens).withSampling(temperature, topP, seed);
        } catch (IllegalArgumentException e) {
            throw new SightlineException(Problem.BAD_INPUT, TEXT.get("describe.badSettings"));
        }
        BackendChoice choice;
        if (remote != null) {
            choice = BackendChoice.remote(remote.toString(), remoteModel, System.getenv(API_KEY_ENV));
            if (!VisionLanguageProviders.standard().accepts(choice)) {
                throw new SightlineException(Problem.BAD_INPUT, TEXT.get("describe.remoteUrl"));
            }
        } else if (modelDir != null) {
            choice = BackendChoice.folder(modelDir);
        } else if (spec.commandLine().getParseResult().hasMatchedOption("--model")) {
            // The user named the model: a missing one is an error, not a reason to summarise.
            choice = BackendChoice.installed(model);
        } else {
            choice = BackendChoice.installedModel();
        }
        if (fast && detail) {
            throw new ParameterException(spec.commandLine(), TEXT.get("describe.fastOrDetail"));
        }
        return choice.withDetail(fast ? Detail.FAST : detail ? Detail.FULL : Detail.ADAPTIVE).withGeneration(generation);
    }

    private String readText() {
        if (textFile == null) {
            return null;
        }
        try {
            return Files.readString(textFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SightlineException(Problem.BAD_INPUT, TEXT.get("describe.textFile", textFile), e);
        }
    }

    /** The default of {@code --model}: the catalog's description model, so no catalog id is written here. */
    static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            if (argument instanceof OptionSpec option && option.longestName().equals("--model")) {
                return DescriptionModels.defaultModel(ModelStores.standard()).orElse(null);
            }
            return null;
        }
    }
}
