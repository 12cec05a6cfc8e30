package org.sightline.app.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sightline.app.service.ServiceClient;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStores;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.elements.ElementFinder;
import org.sightline.vision.elements.LineHeadings;
import org.sightline.vision.documents.DocumentFiles;
import org.sightline.vision.documents.PageRange;
import org.sightline.vision.documents.export.DocumentFormat;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextLine;
import org.sightline.vision.read.TextReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sightline read IMAGE... [--json] [--out-dir DIR]}: prints the text of each image in reading order,
 * or, given one PDF, multi-page TIFF or folder of page images, reads it page by page ({@link ReadDocument});
 * loading the models once for all of them. With one image and plain text the lines are printed as they are
 * recognised. A file that cannot be read gets one line on stderr and the others are still read; the exit
 * code is then 3.
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Read the text in images, in reading order (Chinese and English).",
                "With several images and --out-dir, writes NAME.txt (or NAME.json) for each.",
                "Given a PDF, a multi-page TIFF or a folder of page images, reads it page by page."})
public final class ReadCommand implements Callable<Integer> {

    private static final Messages MESSAGES = new Messages("org.sightline.app.cli.read");

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "PNG, JPEG, BMP or GIF files; or one PDF, "
            + "TIFF or folder of page images.")
    private List<Path> images = new ArrayList<>();

    @Option(names = "--json", description = "Print (or write) JSON: blocks, lines, boxes in image pixels, "
            + "confidence.")
    private boolean json;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Write one file per image into DIR instead "
            + "of printing.")
    private Path outDir;

    @Mixin
    private ServiceOptions service;

    @Option(names = "--password", paramLabel = "P", description = "The password of an encrypted PDF.")
    private String password;

    @Option(names = "--pages", paramLabel = "RANGE", description = "Document pages to read: 5, 3-7 or 3- "
            + "(default: all).")
    private String pages;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Document output: txt (default), md, html "
            + "or json.")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the document to FILE instead of printing.")
    private Path outFile;

    @Spec
    private CommandSpec spec;

    /** One image's text, however it was read. */
    private record Reading(String text, boolean empty, ObjectNode json) {
    }

    /** Where the reading happens: here with models loaded for this command, or in the warm service. */
    private interface Pages extends AutoCloseable {
        /** Reads {@code file}, handing each line to {@code printer} as it is recognised. */
        Reading read(Path file, LinePrinter printer);

        @Override
        void close();
    }

    @FunctionalInterface
    private interface LinePrinter {
        LinePrinter NONE = (text, startsBlock, block) -> { };

        void line(String text, boolean startsBlock, int block);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (images.size() == 1 && DocumentFiles.isDocument(images.get(0))) {
            DocumentFormat chosen = format != null ? DocumentFormat.parse(format)
                    : json ? DocumentFormat.JSON : DocumentFormat.TXT;
            PageRange range = pages == null ? PageRange.ALL : PageRange.parse(pages);
            return new ReadDocument(images.get(0), password, range, chosen, outFile).run(out, err);
        }
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("read.outDir", outDir));
            }
        }
        boolean several = images.size() > 1;
        boolean streamToTerminal = !json && outDir == null && !several;
        LinePrinter printer = !streamToTerminal ? LinePrinter.NONE : (text, startsBlock, block) -> {
            if (startsBlock && block > 0) {
                out.println();
            }
            out.println(text);
            out.flush();
        };
        int failures = 0;
        List<String> jsonDocs = new ArrayList<>();
        try (Pages pages = pages()) {
            for (Path file : images) {
                Reading reading;
                try {
                    reading = pages.read(file, printer);
                } catch (SightlineException e) {
                    if (e.problem() != Problem.BAD_INPUT) {
                        throw e;
                    }
                    // A file that is not an image, or a blank one: say so for this file and go on with the others.
                    String name = file.getFileName().toString();
                    boolean named = e.getMessage().contains(name);
                    err.println(several && !named ? name + ": " + e.getMessage() : e.getMessage());
                    err.flush();
                    failures++;
                    continue;
                }
                String name = file.getFileName().toString();
                if (json) {
                    String doc = ReadJson.write(reading.json());
                    if (outDir != null) {
                        write(outDir.resolve(baseName(name) + ".json"), doc, out);
                    } else {
                        jsonDocs.add(doc);
                    }
                    continue;
                }
                String text = reading.empty() ? MESSAGES.get("read.noText") : reading.text();
                if (outDir != null) {
                    write(outDir.resolve(baseName(name) + ".txt"), reading.empty() ? "" : text + "\n", out);
                    if (reading.empty()) {
                        err.println(name + ": " + MESSAGES.get("read.noText"));
                    }
                } else if (streamToTerminal) {
                    if (reading.empty()) {
                        out.println(text);
                    }
                } else {
                    out.println("== " + name + " ==");
                    out.println(text);
                    out.println();
                }
                out.flush();
            }
        }
        if (!jsonDocs.isEmpty()) {
            out.println(several ? "[" + String.join(",\n", jsonDocs) + "]" : jsonDocs.get(0));
            out.flush();
        }
        return failures > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
    }

    /** The running service unless told otherwise, else models loaded here. */
    private Pages pages() {
        Optional<ServiceClient> client = service.client();
        return client.isPresent() ? new ServicePages(client.get())
                : new LocalPages(new TextReader(ModelStores.standard()), json);
    }

    /** Reads with models loaded here; the headings of the page are found only for JSON, which gives them. */
    private record LocalPages(TextReader reader, boolean json) implements Pages {
        @Override
        public Reading read(Path file, LinePrinter printer) {
            BufferedImage image = ImageFiles.readPage(file);
            OcrResult result = reader.read(image, (line, at) -> printer.line(line.text(), at.startsBlock(),
                    at.block()), TaskContext.none());
            String name = file.getFileName().toString();
            return new Reading(result.text(), result.isEmpty(), !json ? null
                    : ReadJson.tree(name, result, headings(Capture.ofImage(image, CaptureSource.FILE, name), result)));
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** The heading level of each line of {@code result} that holds one of the page's headings. */
    static Map<TextLine, Integer> headings(Capture capture, OcrResult result) {
        return LineHeadings.of(ElementFinder.analyse(capture, result, TaskContext.none()), result);
    }

    private record ServicePages(ServiceClient client) implements Pages {
        @Override
        public Reading read(Path file, LinePrinter printer) {
            ObjectNode request = client.request("read");
            request.put("source", "file");
            request.put("path", file.toAbsolutePath().toString());
            JsonNode done = client.send(request, line -> printer.line(line.get("text").asText(),
                    line.get("startsBlock").asBoolean(), line.get("block").asInt()));
            ObjectNode result = (ObjectNode) done.get("result");
            return new Reading(result.get("text").asText(), result.get("blocks").isEmpty(), result);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static void write(Path target, String content, PrintWriter out) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        out.println(MESSAGES.get("read.wrote", target));
    }

    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
